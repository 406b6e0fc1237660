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
 * @param windowWidth 2D solver: computational window width (m)
 * @param windowHeight 2D solver: window height (m)
 * @param step 2D solver: grid step (m)
 * @param pml 2D solver: PML thickness on every side (m), 0 for metal walls
 * @param target 2D solver: modes nearest this n_eff are returned; NaN for the highest index present
 * @param polarization fd-semivector: "te" (E_x dominant) or "tm" (E_y dominant)
 * @param bendRadius 2D solver: bend radius (m) about an axis at x = -R; 0 for a straight guide
 * @param bendStressFactor 2D solver: R_eff = factor R for the stress-optic correction (1: none; ~1.28 silica)
 * @param symmetry 2D solver mirror planes: "auto" (the default: every plane x = 0 / y = 0 about which the sampled index
 *     map and the PML are symmetric, each symmetry class solved on its half or quarter window and the modes merged);
 *     "none" (the whole window, one solve); "even-x" (fd-scalar, fd-semivector: modes even in x, the
 *     right half solved); for fd-vector "x-pec" / "x-pmc" (plane x = 0 an electric / magnetic wall) and / or
 *     "y-pec" / "y-pmc" (plane y = 0), space-separated: half or a quarter of the window is solved
 * @param pmlSides 2D solver: the window sides that carry the PML, among "left right bottom top"
 *     (space-separated); the others are metal walls; a mirror plane never carries one
 */
public record SolverSettings(String kind, double pointsPerPeriod, double domainRadius, int modes, boolean groupIndex,
        boolean vector, double windowWidth, double windowHeight, double step, double pml, double target, String polarization,
        double bendRadius, double bendStressFactor, String symmetry, String pmlSides) {
    /** radial: axisymmetric fibers; fd-scalar / fd-semivector: 2D cross-sections (finite differences with PML). */
    public static final java.util.List<String> KINDS = java.util.List.of("radial", "fd-scalar", "fd-semivector", "fd-vector");

    /** Every side of the window. */
    public static final String ALL_SIDES = "left right bottom top";

    /** Symmetry words of the full-vectorial solver. */
    public static final java.util.List<String> VECTOR_WALLS = java.util.List.of("x-pec", "x-pmc", "y-pec", "y-pmc");

    public boolean is2d() {
        return kind.startsWith("fd-");
    }

    /** Scalar solvers: the x = 0 plane is an even mirror. */
    /** Whether the given side ("left", "right", "bottom", "top") carries the PML. */
    public boolean pmlOn(String side) {
        return java.util.List.of(pmlSides.split(" ")).contains(side);
    }

    public boolean evenX() {
        return symmetry.equals("even-x");
    }

    /** fd-vector: the wall on the plane x = 0: "none", "pec" or "pmc". */
    public String wallX() {
        return wall('x');
    }

    /** fd-vector: the wall on the plane y = 0: "none", "pec" or "pmc". */
    public String wallY() {
        return wall('y');
    }

    private String wall(char axis) {
        for (String w : symmetry.split(" ")) {
            if (w.length() == 5 && w.charAt(0) == axis && VECTOR_WALLS.contains(w)) {
                return w.substring(2);
            }
        }
        return "none";
    }

    public SolverSettings {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("solver kind must be one of " + KINDS + ", got " + kind);
        }
        if (bendRadius < 0 || !(bendStressFactor >= 1)) {
            throw new IllegalArgumentException("bend radius must be >= 0 and the stress factor >= 1");
        }
        if (!polarization.equals("te") && !polarization.equals("tm")) {
            throw new IllegalArgumentException("polarization must be te or tm, got " + polarization);
        }
        if (!(pointsPerPeriod >= 4) || domainRadius < 0 || modes < 0 || windowWidth < 0 || windowHeight < 0 || step < 0 || pml < 0) {
            throw new IllegalArgumentException("solver settings out of range");
        }
    }

    public static SolverSettings defaults() {
        return new SolverSettings("radial", 20, 0, 20, false, false, 0, 0, 0, 0, Double.NaN, "te", 0, 1, "auto", ALL_SIDES);
    }

    /** The same settings with other radial options (command-line overrides). */
    public SolverSettings withRadial(String newKind, double newPointsPerPeriod, int newModes, boolean newGroupIndex, boolean newVector) {
        return new SolverSettings(newKind, newPointsPerPeriod, domainRadius, newModes, newGroupIndex, newVector, windowWidth,
                windowHeight, step, pml, target, polarization, bendRadius, bendStressFactor, symmetry, pmlSides);
    }

    /** The same settings for a bend of the given radius (0: straight). */
    public SolverSettings withBendRadius(double radius) {
        return new SolverSettings(kind, pointsPerPeriod, domainRadius, modes, groupIndex, vector, windowWidth, windowHeight, step, pml,
                target, polarization, radius, bendStressFactor, symmetry, pmlSides);
    }
}
