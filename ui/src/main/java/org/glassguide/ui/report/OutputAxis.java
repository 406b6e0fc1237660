package org.glassguide.ui.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * An output key as a plot axis: words for the camel-case name and a unit read from its suffix, with SI metres shown in
 * the unit that suits the values ("modeFieldDiameterM", 9.6e-6 -> "mode field diameter (um)", 9.6). Values are
 * multiplied by {@link #scale()} for display.
 */
record OutputAxis(String label, double scale) {
    private static final String[][] SUFFIXES = {
        {"DbPerCm", "dB/cm"}, {"DbPerM", "dB/m"}, {"Db", "dB"}, {"PercentO2PerK", "% O2 per K"}, {"PercentO2", "% O2"}, {"Percent", "%"},
        {"M2", "m^2"}, {"W", "W"}, {"K", "K"}, {"S", "s"}, {"Deg", "deg"}, {"JPerMol", "J/mol"},
    };

    static OutputAxis of(String key, double[] values) {
        double max = Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0);
        if (key.endsWith("M") && !key.endsWith("PerM")) {
            String words = words(key.substring(0, key.length() - 1));
            if (key.toLowerCase(Locale.ROOT).contains("wavelength")) {
                return new OutputAxis(words + " (nm)", 1e9);
            }
            if (max < 1e-3) {
                return new OutputAxis(words + " (um)", 1e6);
            }
            return max < 1 ? new OutputAxis(words + " (mm)", 1e3) : new OutputAxis(words + " (m)", 1);
        }
        if (key.endsWith("M2") && max < 1e-6) {
            return new OutputAxis(words(key.substring(0, key.length() - 2)) + " (um^2)", 1e12);
        }
        for (String[] s : SUFFIXES) {
            if (key.endsWith(s[0]) && key.length() > s[0].length()) {
                return new OutputAxis(words(key.substring(0, key.length() - s[0].length())) + " (" + s[1] + ")", 1);
            }
        }
        return new OutputAxis(words(key), 1);
    }

    /** "modeFieldDiameter" -> "mode field diameter"; an all-capital run (NA, CIE) stays whole. */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        StringBuilder sb = new StringBuilder();
        for (String w : spaced.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) ? w : w.toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    double[] apply(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * scale;
        }
        return out;
    }

    /**
     * Whether sweep values are log-spaced (all positive, one ratio between neighbours to 1 %, over a decade or more):
     * such a sweep is drawn against log10 of the value.
     */
    static boolean logSpaced(double[] sortedUnique) {
        if (sortedUnique.length < 3 || !(sortedUnique[0] > 0) || sortedUnique[sortedUnique.length - 1] / sortedUnique[0] < 10) {
            return false;
        }
        double ratio = sortedUnique[1] / sortedUnique[0];
        for (int i = 2; i < sortedUnique.length; i++) {
            if (Math.abs(sortedUnique[i] / sortedUnique[i - 1] / ratio - 1) > 0.01) {
                return false;
            }
        }
        return ratio > 1.01;
    }
}
