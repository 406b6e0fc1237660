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
    DEVICE_MEMORY("--device {0}: the {1} grid needs {2} MiB of GPU memory in {3} precision, the device has {4} MiB free; use a smaller grid, float precision or --device cpu");

    private final String pattern;

    Messages(String pattern) {
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    public String format(Object... args) {
        return new java.text.MessageFormat(pattern.replace("'", "''"), java.util.Locale.ROOT).format(args);
    }
}
