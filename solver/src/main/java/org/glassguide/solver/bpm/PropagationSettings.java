package org.glassguide.solver.bpm;

import org.glassguide.solver.design.IndexExpression;

/**
 * The `propagation:` section of a design: a beam-propagation run through the (z-invariant) structure.
 *
 * @param length propagation length (m)
 * @param dz step along z (m)
 * @param windowWidth transverse window width (m)
 * @param windowHeight window height (m); 0 for a 2D (x-z) run with the structure taken at y = 0
 * @param step transverse cell size (m)
 * @param pml PML thickness on every side (m); 0 for metal walls
 * @param wideAngle none, pade11 or pade22
 * @param referenceIndex n_ref; NaN for the launch field's own index
 * @param precision float or double
 * @param monitorEvery distance between monitor records (m)
 * @param launch the input field
 * @param bendRadius bend radius (m) about an axis at x = -R by the conformal map; 0 for straight
 * @param taper a transverse draw-down along z, or null
 * @param modalSpectrum how many modes of the scalar 2D solver (on the propagation grid) to follow along z; 0 for none
 * @param splices joints along z where the next guide starts offset and tilted
 * @param indexFunction a user's index n(x, y, z) replacing the structure's, or a change added to it; null for none
 * @param polarization scalar, te (quasi-TE: E_x, semi-vectorial) or tm (quasi-TM: E_y)
 * @param wideAngleSolve unsplit (each 3D wide-angle factor solved on the whole 2D operator, the default) or split (the
 *        ADI product alone: faster, but it drops the P_x P_y cross term, which shifts n_eff at high contrast)
 * @param branchCut the rotation of the wide-angle approximant's branch cut (radians), or NaN for the default (0: the plain
 *        approximant, exactly unitary)
 * @param exportFields positions along z (m) where the whole transverse field is written out (at the first monitor at or
 *        after each), besides the end field
 * @param monitors named regions of the cross-section whose power is followed along z (besides the core's)
 * @param transverse second-order (the 3-point stencil, the default) or fourth-order (the compact Numerov operator, scalar
 *        runs, every step solved unsplit)
 */
public record PropagationSettings(double length, double dz, double windowWidth, double windowHeight, double step, double pml,
        String wideAngle, double referenceIndex, String precision, double monitorEvery, Launch launch, double bendRadius, Taper taper,
        int modalSpectrum, java.util.List<org.glassguide.solver.bpm.Splice> splices, IndexFunction indexFunction, String polarization,
        String wideAngleSolve, double branchCut, double[] exportFields, java.util.List<RegionMonitor> monitors, String transverse,
        java.util.List<String> acknowledged) {
    /** The design section this record is read from. */
    public static final String SECTION = "propagation";

    /**
     * Warnings a design may acknowledge (propagation.acknowledge), each a choice made knowingly: a step coarser than 16
     * points per shortest transverse period, a dz above the wavelength in a wide-angle run, the split wide-angle step.
     * An acknowledged warning is printed as a note that says so.
     */
    public static final java.util.List<String> ACKNOWLEDGEABLE = java.util.List.of("coarse-step", "long-dz", "split-step");

    /** The message as it is printed: a warning, or a note when the design acknowledges it by name. */
    public String warning(String name, String message) {
        return acknowledged.contains(name) ? "note (acknowledged in the design: " + name + "): " + message : "warning: " + message;
    }

    /** The design's propagation: section, or null when it has none. */
    public static PropagationSettings of(org.glassguide.solver.design.Design design) {
        return design.section(SECTION, PropagationSettings.class);
    }

    /** A region of the cross-section (in the guide's own frame: straight coordinates) whose power is followed. */
    public record RegionMonitor(String name, org.glassguide.solver.design.Shape region) {
    }

    /** The settings without field exports along z. */
    public PropagationSettings(double length, double dz, double windowWidth, double windowHeight, double step, double pml,
            String wideAngle, double referenceIndex, String precision, double monitorEvery, Launch launch, double bendRadius, Taper taper,
            int modalSpectrum, java.util.List<org.glassguide.solver.bpm.Splice> splices, IndexFunction indexFunction, String polarization,
            String wideAngleSolve, double branchCut) {
        this(length, dz, windowWidth, windowHeight, step, pml, wideAngle, referenceIndex, precision, monitorEvery, launch, bendRadius, taper,
                modalSpectrum, splices, indexFunction, polarization, wideAngleSolve, branchCut, new double[0], java.util.List.of(), "second-order", java.util.List.of());
    }

    /** The settings with the default (unsplit) wide-angle solve. */
    public PropagationSettings(double length, double dz, double windowWidth, double windowHeight, double step, double pml,
            String wideAngle, double referenceIndex, String precision, double monitorEvery, Launch launch, double bendRadius, Taper taper,
            int modalSpectrum, java.util.List<org.glassguide.solver.bpm.Splice> splices, IndexFunction indexFunction, String polarization) {
        this(length, dz, windowWidth, windowHeight, step, pml, wideAngle, referenceIndex, precision, monitorEvery, launch, bendRadius, taper,
                modalSpectrum, splices, indexFunction, polarization, "unsplit", Double.NaN);
    }

    /** Whether the transverse operator is the fourth-order compact one. */
    public boolean fourthOrder() {
        return "fourth-order".equals(transverse);
    }

    /** Whether 3D wide-angle steps use the split ADI product alone. */
    public boolean splitWideAngle() {
        return "split".equals(wideAngleSolve);
    }
    /**
     * n(x, y, z) + i k(x, y, z) from formulas: replacing the structure's index (delta false), or added
     * to it (delta true: n + dn, k + dk, before any bend). k may be null (0).
     */
    public record IndexFunction(IndexExpression n, IndexExpression k, boolean delta) {
        public IndexFunction {
            java.util.Objects.requireNonNull(n);
        }

        public boolean dependsOnZ() {
            return n.dependsOnZ() || (k != null && k.dependsOnZ());
        }

        /** The change of eps at (x, y) for position z (in place, {re, im}). */
        public void apply(double x, double y, double z, double[] eps) {
            double nn;
            double kk;
            if (delta) {
                // n + ik = sqrt(eps), principal branch
                double mod = Math.hypot(eps[0], eps[1]);
                nn = Math.sqrt(0.5 * (mod + eps[0]));
                kk = nn > 0 ? eps[1] / (2 * nn) : Math.sqrt(0.5 * (mod - eps[0]));
                nn += n.eval(x, y, z);
                kk += k == null ? 0 : k.eval(x, y, z);
            } else {
                nn = n.eval(x, y, z);
                kk = k == null ? 0 : k.eval(x, y, z);
            }
            if (!(nn > 0 && nn <= org.glassguide.materials.Material.MAX_INDEX) || !Double.isFinite(kk)) {
                // the rule for every index: a formula that leaves it must stop the run, not be squared into a plausible eps
                throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.OUT_OF_RANGE,
                        String.format(java.util.Locale.ROOT, "propagation.index-function at (x, y, z) = (%.4g, %.4g, %.4g) um", x * 1e6, y * 1e6, z * 1e6),
                        !Double.isFinite(kk) ? "k = " + kk : "n = " + nn, "an index n above 0 and up to " + (int) org.glassguide.materials.Material.MAX_INDEX + " and a finite k everywhere in the window");
            }
            eps[0] = nn * nn - kk * kk;
            eps[1] = 2 * nn * kk;
        }
    }

    /**
     * The cross-section scaled about the axis by s(z): 1 before z0, the final scale after z1, in
     * between linear (1 + (scale - 1) t) or exponential (scale^t), t = (z - z0)/(z1 - z0).
     */
    public record Taper(double scale, double z0, double z1, boolean exponential) {
        public Taper {
            if (!(scale > 0) || !(z1 > z0) || z0 < 0) {
                throw new IllegalArgumentException("taper needs a positive scale and z0 < z1");
            }
        }

        public double at(double z) {
            double t = Math.min(1, Math.max(0, (z - z0) / (z1 - z0)));
            return exponential ? Math.pow(scale, t) : 1 + (scale - 1) * t;
        }
    }

    /**
     * The input field: a Gaussian beam (waist radius, centre, tilt in the x-z plane); mode number
     * {@code mode} (1 = fundamental) of the scalar 2D mode solver on the propagation grid; or a
     * spatially partially coherent, LED-like source: random-phase fields over a disc of radius
     * {@code waist} whose angular spectrum fills the numerical aperture {@code na} uniformly
     * (Lambertian), {@code realisations} of them propagated and their intensities averaged; or a
     * tilted plane wave over a width of 2 {@code waist} (a flat-topped super-Gaussian edge) to probe
     * the acceptance angle.
     */
    public record Launch(String kind, double waist, double x, double y, double tiltDegrees, int mode, double na, int realisations,
            long seed, double azimuthDegrees) {
        public Launch {
            if (!java.util.List.of("gaussian", "mode", "partially-coherent", "plane-wave").contains(kind)) {
                throw new IllegalArgumentException("launch kind must be gaussian, mode, partially-coherent or plane-wave");
            }
        }

        /** A launch tilted in the x-z plane (azimuth 0). */
        public Launch(String kind, double waist, double x, double y, double tiltDegrees, int mode, double na, int realisations, long seed) {
            this(kind, waist, x, y, tiltDegrees, mode, na, realisations, seed, 0);
        }
    }

    public PropagationSettings {
        acknowledged = acknowledged == null ? java.util.List.of() : java.util.List.copyOf(acknowledged);
        if (!(length > 0) || !(dz > 0) || !(windowWidth > 0) || windowHeight < 0 || !(step > 0) || pml < 0 || !(monitorEvery > 0)
                || bendRadius < 0) {
            throw new IllegalArgumentException("propagation settings out of range");
        }
        splices = java.util.List.copyOf(splices);
        exportFields = exportFields == null ? new double[0] : exportFields.clone();
        monitors = monitors == null ? java.util.List.of() : java.util.List.copyOf(monitors);
    }

    /** The positions of the field exports (m), a copy. */
    @Override
    public double[] exportFields() {
        return exportFields.clone();
    }

    public boolean is2d() {
        return windowHeight == 0;
    }
}
