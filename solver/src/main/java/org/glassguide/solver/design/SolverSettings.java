package org.glassguide.solver.design;

/**
 * Mode-solver settings from a design's `solver:` section or the command line.
 *
 * @param kind which solver: "radial" (any axisymmetric profile, scalar LP modes)
 * @param pointsPerPeriod radial grid points per shortest transverse period lambda/NA
 * @param domainRadius radius of the computational wall (m); 0 chooses automatically
 * @param modes how many modes to list with fields, areas and fractions (counts are always complete)
 * @param groupIndex also compute the group index of the listed modes (two more solves)
 * @param vector also solve the full-vectorial TE/TM/HE/EH modes (few-mode guides)
 */
public record SolverSettings(String kind, double pointsPerPeriod, double domainRadius, int modes, boolean groupIndex,
        boolean vector) {
    public static final java.util.List<String> KINDS = java.util.List.of("radial");

    public SolverSettings {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("solver kind must be one of " + KINDS + ", got " + kind);
        }
        if (!(pointsPerPeriod >= 4) || domainRadius < 0 || modes < 0) {
            throw new IllegalArgumentException("solver settings out of range");
        }
    }

    public static SolverSettings defaults() {
        return new SolverSettings("radial", 20, 0, 20, false, false);
    }
}
