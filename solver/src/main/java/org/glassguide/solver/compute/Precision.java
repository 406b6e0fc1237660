package org.glassguide.solver.compute;

/** Floating-point precision of a backend's field arrays. */
public enum Precision {
    FLOAT, DOUBLE;

    /** Parses "float" or "double" (any case); null when neither. */
    public static Precision parse(String s) {
        for (Precision p : values()) {
            if (p.name().equalsIgnoreCase(s)) {
                return p;
            }
        }
        return null;
    }
}
