package org.glassguide.materials.errors;

/**
 * Every user-facing error pattern, in one place (Hipparchus style). Each names the field, the
 * offending value and what is accepted, with units in the text. Tests assert the key, not the text.
 */
public enum Messages {
    NOT_POSITIVE("{0} ({1}) must be positive"),
    OUT_OF_RANGE("{0} ({1}) is out of range: accepted {2}"),
    BAD_QUANTITY("{0} ({1}) is not a valid {2}: write a number and a unit, e.g. {3}"),
    BAD_UNIT("{0} ({1}): unknown unit \"{2}\"; accepted units: {3}"),
    BAD_NUMBER("{0} ({1}) is not a number"),
    MISSING_KEY("missing key \"{0}\" in {1}"),
    UNKNOWN_KEY("unknown key \"{0}\" in {1}; accepted keys: {2}"),
    WRONG_TYPE("{0} must be {1}, found {2}"),
    BAD_CHOICE("{0} (\"{1}\") is not accepted; accepted values: {2}"),
    MALFORMED_YAML("malformed YAML: {0}"),
    UNKNOWN_MATERIAL("unknown material \"{0}\"{1}; see `glassguide materials list`"),
    UNSUPPORTED_FORMULA("refractiveindex.info data type \"{0}\" is not supported; accepted: formula 1 to formula 9, tabulated n, tabulated k, tabulated nk"),
    WAVELENGTH_OUTSIDE_MODEL("wavelength {0} nm is outside the valid range of {1} ({2} to {3} nm); pass --allow-extrapolation (or options: allow-extrapolation: true) to extrapolate"),
    NOT_GUIDING("the structure does not guide by total internal reflection: n_core ({0}) must exceed n_clad ({1}) at {2} nm, so NA is undefined"),
    CLAD_NOT_LARGER("{0} ({1}) must be larger than {2} ({3})"),
    TOO_FEW_POINTS("{0} needs at least {1} points, found {2}"),
    NOT_INCREASING("{0} must be strictly increasing; value {1} follows {2}"),
    FILE_NOT_READABLE("{0} (\"{1}\") cannot be read: {2}"),
    UNSUPPORTED_FORMAT("{0} (\"{1}\") is not supported; accepted: {2}"),
    NUMERICAL_FAILURE("numerical failure in {0}: {1}"),
    FIBER_LAYERS("fiber analysis needs {0}, found {1} layers"),
    AT_POINT("{0}: {1}"),
    OUTPUT_REFUSED("{0} (\"{1}\") is refused as an output: {2}"),
    OUTPUT_FILE_REFUSED("{0} (\"{1}\") is refused: {2}"),
    NOT_ENOUGH_MEMORY("{0} needs about {1} of memory, more than the {2} this Java process may use; {3}"),
    TOO_LARGE("{0} ({1}) is too large: {2}"),
    DEVICE_MEMORY("--device {0}: the {1} grid needs {2} MiB of GPU memory in {3} precision, the device has {4} MiB free; use a smaller grid, float precision or --device cpu");

    private final String pattern;

    Messages(String pattern) {
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    /** Longest echo of a user's value in a message: the start of a longer one is shown with its length. */
    public static final int MAX_ECHO = 200;

    public String format(Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i] instanceof CharSequence || args[i] instanceof java.nio.file.Path ? quote(String.valueOf(args[i]))
                    : args[i] instanceof Double || args[i] instanceof Float ? number(((Number) args[i]).doubleValue()) : args[i];
        }
        return new java.text.MessageFormat(pattern.replace("'", "''"), java.util.Locale.ROOT).format(a);
    }

    /**
     * A user's text made safe to echo on one line: control, line-break and bidirectional-override characters written
     * as escapes (so a message cannot be split or visually reordered), and a long value cut to its start and length.
     */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_ECHO) + 16);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (b.length() >= MAX_ECHO) {
                b.append("... (").append(n).append(" characters)");
                break;
            }
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A number as people read it: plain for ordinary magnitudes, six significant digits with an exponent otherwise. */
    private static Object number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        double m = Math.abs(d);
        return m == 0 || m >= 1e-3 && m < 1e7 ? (Object) d : String.format(java.util.Locale.ROOT, "%.6g", d);
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
