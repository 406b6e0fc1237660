package org.glassguide.solver.sweep;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One swept design parameter: where it goes in the design, the unit its numbers are written in, and how its
 * values are chosen (a list, a range, or a distribution to sample).
 *
 * @param name the column name ("core diameter")
 * @param path where the value goes in the design
 * @param unit the unit of the numbers ("um"; "" for plain numbers or non-numeric values)
 * @param values the listed values (YAML scalars or structures), for lists and ranges; empty for a distribution
 * @param distribution for Monte Carlo: normal (a = mean, b = standard deviation) or uniform (a..b), in the unit; else null
 */
public record Parameter(String name, DesignPath path, String unit, List<Object> values, Distribution distribution) {
    private static final Pattern QUANTITY = Pattern.compile("^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*$");

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        unit = unit == null ? "" : unit;
        values = List.copyOf(values);
        if (values.isEmpty() == (distribution == null)) {
            throw new IllegalArgumentException("a parameter has either values or a distribution");
        }
    }

    /** A distribution in the parameter's unit. */
    public record Distribution(String kind, double a, double b) {
        public Distribution {
            if (!kind.equals("normal") && !kind.equals("uniform")) {
                throw new IllegalArgumentException("distribution must be normal or uniform");
            }
            if (kind.equals("normal") && !(b > 0) || kind.equals("uniform") && !(b > a)) {
                throw new IllegalArgumentException(kind.equals("normal") ? "standard deviation must be positive" : "uniform needs from < to");
            }
        }

        public double sample(java.util.Random rng) {
            return kind.equals("normal") ? a + b * rng.nextGaussian() : a + (b - a) * rng.nextDouble();
        }
    }

    /** The design value for a number in this parameter's unit ("12.5 um"). */
    public Object valueOf(double number) {
        String n = format(number);
        return unit.isEmpty() ? (Object) Double.valueOf(number) : n + " " + unit;
    }

    /** The number a value carries in this parameter's unit, or NaN when it is not "number unit". */
    public double numberOf(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof List<?> l && l.size() == 1) {
            return numberOf(l.get(0));
        }
        if (value instanceof String s) {
            Matcher m = QUANTITY.matcher(s);
            if (m.matches() && m.group(2).equals(unit)) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    /** "number unit" split, for reading ranges: [number, unit], or null. */
    static Object[] split(String text) {
        Matcher m = QUANTITY.matcher(text);
        return m.matches() ? new Object[] {Double.parseDouble(m.group(1)), m.group(2)} : null;
    }

    /** The CSV column header: "name [unit]" or "name". */
    public String column() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.12g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
