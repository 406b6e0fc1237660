package org.glassguide.solver.bpm;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.AdiStepper;
import org.glassguide.solver.compute.TransposedStepper;
import org.glassguide.solver.compute.HostKrylovVectors;
import org.glassguide.solver.compute.UnsplitWideAngleStepper;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdScalarModeSolver;

/**
 * Scalar finite-difference beam propagation through a z-invariant cross-section: the field envelope
 * psi (E = psi e^{i(k_ref z - omega t)}) obeys d psi/dz = i k_ref (sqrt(1 + P/k_ref^2) - 1) psi with
 * P = d2/dx2 + d2/dy2 + k0^2 eps - k_ref^2, approximated by {@link WideAngle} and stepped by
 * Crank-Nicolson with ADI splitting on a {@link ComputeBackend}. The window's edges carry a PML
 * (complex stretch d/dx -> (1/s) d/dx, s = 1 + i sigma t^2) behind which the field is zero. Monitors
 * record the total power, the power in a region and |psi|^2 along the row through y = 0 (an x-z slice)
 * every few steps; the region's power gives the loss in dB/cm by a least-squares fit. A cancelled run
 * returns what it computed up to the last record, marked cancelled.
 *
 * <p>The 3D wide-angle steps split P_x P_y cross terms of order (dz/k^3) k_x^2 k_y^2: accurate for
 * paraxial 3D and for any order in 2D (x-z), where each factor is solved exactly.
 */
public final class BeamPropagator {
    private double[][] watched = new double[0][];

    /**
     * A propagator that also records, at every monitor, the power in each of the given modes
     * (interleaved fields on the grid): |<m|psi>|^2 / (<m|m> P0), the modal power spectrum along z.
     */
    public BeamPropagator watchingModes(double[][] modes) {
        BeamPropagator b = copy();
        b.watched = modes.clone();
        return b;
    }

    private FdScalarModeSolver.Polarization polarization = FdScalarModeSolver.Polarization.SCALAR;

    /**
     * A propagator for the scalar field or, semi-vectorially, the dominant transverse component:
     * quasi-TE (E_x, whose normal part eps E_x is continuous across faces normal to x) or quasi-TM
     * (E_y, across faces normal to y; in a 2D x-z run there are none, so it is the scalar field). The
     * x-operator becomes d/dx [(1/eps) d/dx (eps E_x)] (Stern's semi-vectorial scheme, eps at the face
     * the mean of its two cells, real parts), as in the 2D mode solver's quasi-TE/TM.
     */
    public BeamPropagator withPolarization(FdScalarModeSolver.Polarization p) {
        BeamPropagator b = copy();
        b.polarization = p;
        return b;
    }

    private BeamPropagator copy() {
        BeamPropagator b = new BeamPropagator();
        b.watched = watched;
        b.splices = splices;
        b.polarization = polarization;
        b.splitWideAngle = splitWideAngle;
        b.fourthOrder = fourthOrder;
        b.branchCut = branchCut;
        b.snapshotZ = snapshotZ;
        b.regionMonitors = regionMonitors;
        return b;
    }

    /** Masks of the regions whose power is recorded at every monitor (relative to the launch). */
    private boolean[][] regionMonitors = new boolean[0][];

    /** A propagator that records the power in each given region of the grid (cell masks) at every monitor. */
    public BeamPropagator withRegionMonitors(boolean[][] masks) {
        BeamPropagator b = copy();
        b.regionMonitors = masks.clone();
        return b;
    }

    /** Positions (m, ascending) where the whole transverse field is kept: at the first monitor at or after each. */
    private double[] snapshotZ = new double[0];

    /**
     * A propagator that keeps the transverse field at the first monitor at or after each given z (m) for export; the
     * end field is always kept.
     */
    public BeamPropagator withFieldSnapshots(double[] z) {
        BeamPropagator b = copy();
        b.snapshotZ = z.clone();
        java.util.Arrays.sort(b.snapshotZ);
        return b;
    }

    /** Transverse fields kept along the run (interleaved re/im, i + nx j) and the z (m) each was taken at. */
    public record FieldSnapshots(double[] z, double[][] fields) {
        public static final FieldSnapshots NONE = new FieldSnapshots(new double[0], new double[0][]);
    }

    /** What a run keeps besides its monitors: fields at chosen z and the power in user regions ([region][monitor], / launch). */
    public record Kept(FieldSnapshots snapshots, double[][] regionPowers) {
        public static final Kept NONE = new Kept(FieldSnapshots.NONE, new double[0][]);
    }

    private List<Splice> splices = List.of();

    /** A propagator that applies the given splices (joints with offset and tilt) as z passes them. */
    public BeamPropagator withSplices(List<Splice> joints) {
        BeamPropagator b = copy();
        b.splices = joints.stream().sorted(java.util.Comparator.comparingDouble(Splice::z)).toList();
        return b;
    }

    /**
     * @param referenceIndex n_ref (k_ref = k0 n_ref); NaN for the launch field's own index (its Rayleigh quotient)
     * @param pmlCells PML thickness in cells on every edge of the window (0: metal walls)
     * @param monitorEvery steps between monitor records
     */
    public record Settings(double wavelength, double referenceIndex, double dz, double length, WideAngle wideAngle, int pmlCells,
            Precision precision, int threads, int monitorEvery) {
        public Settings {
            if (!(wavelength > 0) || !(dz > 0) || !(length > 0) || pmlCells < 0 || threads < 1 || monitorEvery < 1) {
                throw new IllegalArgumentException("BPM settings out of range");
            }
        }
    }

    /**
     * The propagation's record: z of every monitor, total power and region power there (relative to the
     * launch), the end field (interleaved, i + nx j), the fitted region loss, the largest relative change
     * of total power (meaningful before light reaches the PML), and the stepping throughput.
     */
    public record Result(BpmGrid grid, double referenceIndex, double[] z, double[] power, double[] regionPower, double[] endField,
            double regionLossDbPerCm, double powerChange, double cellStepsPerSecond, double[][] slice, boolean cancelled,
            double[][] modePower, double[] correlation, StepSolve stepSolve, LossFit lossFit, Kept kept) {
        /** The run's record, the loss fitted over the settled part of the core power's decay ({@link LossFit}). */
        public Result(BpmGrid grid, double referenceIndex, double[] z, double[] power, double[] regionPower, double[] endField, double powerChange,
                double cellStepsPerSecond, double[][] slice, boolean cancelled, double[][] modePower, double[] correlation, StepSolve stepSolve) {
            this(grid, referenceIndex, z, power, regionPower, endField, powerChange, cellStepsPerSecond, slice, cancelled, modePower, correlation,
                    stepSolve, LossFit.of(z, regionPower), Kept.NONE);
        }

        /** As above, with the fields and region powers kept along the run. */
        public Result(BpmGrid grid, double referenceIndex, double[] z, double[] power, double[] regionPower, double[] endField, double powerChange,
                double cellStepsPerSecond, double[][] slice, boolean cancelled, double[][] modePower, double[] correlation, StepSolve stepSolve,
                Kept kept) {
            this(grid, referenceIndex, z, power, regionPower, endField, powerChange, cellStepsPerSecond, slice, cancelled, modePower, correlation,
                    stepSolve, LossFit.of(z, regionPower), kept);
        }

        /** The fields kept along the run. */
        public FieldSnapshots snapshots() {
            return kept.snapshots();
        }

        /** The same record with another loss reading (the end-to-end mean where the guide changes along z). */
        public Result withLossFit(LossFit fit) {
            return new Result(grid, referenceIndex, z, power, regionPower, endField, powerChange, cellStepsPerSecond, slice, cancelled, modePower,
                    correlation, stepSolve, fit, kept);
        }

        private Result(BpmGrid grid, double referenceIndex, double[] z, double[] power, double[] regionPower, double[] endField, double powerChange,
                double cellStepsPerSecond, double[][] slice, boolean cancelled, double[][] modePower, double[] correlation, StepSolve stepSolve,
                LossFit fit, Kept kept) {
            this(grid, referenceIndex, z, power, regionPower, endField, fit.lossDbPerCm(), powerChange, cellStepsPerSecond, slice, cancelled,
                    modePower, correlation, stepSolve, fit, kept);
        }
    }

    /**
     * How the z-steps were solved: "adi" (the split step: exact in 2D and for the paraxial step to O(dz^3)), or
     * "unsplit" (each wide-angle factor solved on the whole 2D operator by preconditioned GMRES, to the stated
     * relative residual), with the solves, iterations and the worst residual reached.
     */
    public record StepSolve(String method, double tolerance, long solves, long iterations, int maxIterations, double maxResidual) {
        public static final StepSolve ADI = new StepSolve("adi", 0, 0, 0, 0, 0);

        /** The mean GMRES iterations per factor solve (0 for the split step). */
        public double meanIterations() {
            return solves == 0 ? 0 : (double) iterations / solves;
        }
    }

    /**
     * A structure along z: the cross-section of the section holding z, rebuilt every section length
     * (tapers, any z-dependence); a z-invariant guide has an infinite section length.
     */
    public interface Structure {
        CrossSection at(double z);

        default double sectionLength() {
            return Double.POSITIVE_INFINITY;
        }

        /** eps on the grid at z ({re, im}, cell averages): by default the cross-section at z, sub-sampled 8 x 8. */
        default double[][] sample(double z, BpmGrid g) {
            return BeamPropagator.sample(at(z), g);
        }
    }

    /** One-way amplitude reflection of the PML for a wave 10 degrees off axis. */
    private static final double PML_REFLECTION = 1e-6;

    public Result propagate(CrossSection cs, BpmGrid g, double[] launch, boolean[] region, Settings s, ComputeBackend backend,
            ProgressMonitor monitor) {
        return propagate(z -> cs, g, launch, z -> region, s, backend, monitor);
    }

    /**
     * Propagation through a structure that may change along z: at each section start the operator is
     * rebuilt from that section's cross-section and the region mask (null: all cells) taken anew.
     */
    public Result propagate(Structure structure, BpmGrid g, double[] launch, java.util.function.DoubleFunction<boolean[]> regionAt,
            Settings s, ComputeBackend backend, ProgressMonitor monitor) {
        // every section, the first too, takes its cross-section at its middle
        double firstMid = Double.isFinite(structure.sectionLength())
                ? 0.5 * Math.max(1, Math.round(structure.sectionLength() / s.dz())) * s.dz() : 0;
        boolean[] region = regionAt.apply(firstMid);
        int n = g.cells();
        if (launch.length != 2 * n) {
            throw new IllegalArgumentException("launch field does not match the grid");
        }
        double k0 = 2 * Math.PI / s.wavelength();
        double[][] eps = structure.sample(firstMid, g);
        double nRef = Double.isNaN(s.referenceIndex()) ? rayleighIndex(launch, eps, g, k0) : s.referenceIndex();
        double kRef = k0 * nRef;
        double[][] xs = coefficients(g.nx(), g.dx(), s.pmlCells(), kRef);
        double[][] ys = g.is2d() ? new double[][] {new double[2], new double[2]} : coefficients(g.ny(), g.dy(), s.pmlCells(), kRef);
        AdiOperator op = stepperOperator(eps, g, k0, kRef, xs, ys);
        double section = structure.sectionLength();
        int stepsPerSection = Double.isFinite(section) ? Math.max(1, (int) Math.round(section / s.dz())) : Integer.MAX_VALUE;
        double[][] f = s.wideAngle().factors(s.dz(), kRef, branchCut());
        int steps = (int) Math.round(s.length() / s.dz());
        List<double[]> records = new ArrayList<>();
        List<double[]> slices = new ArrayList<>();
        List<double[]> modal = new ArrayList<>();
        List<Double> snapZ = new ArrayList<>();
        List<double[]> snapFields = new ArrayList<>();
        List<double[]> regionRows = new ArrayList<>();
        double[] work = new double[2 * n];
        boolean cancelled = false;
        double p0;
        double r0;
        // the launch's sum |psi|^2: the unit of the correlation and of the modal powers
        double c0;
        double[] end = new double[2 * n];
        long stepNanos = 0;
        StepSolve solve = StepSolve.ADI;
        // the fourth-order operator's line solves run on host vectors (over the backend's preconditioner); otherwise the
        // solve's vectors stay where the backend keeps its field
        UnsplitWideAngleStepper unsplit = unsplit(s, g) ? new UnsplitWideAngleStepper(fourthOrder
                ? new HostKrylovVectors(op, s.threads(), o -> backend.adi(o, s.precision(), s.threads()))
                : backend.krylovVectors(op, s.precision(), s.threads()), s.precision()) : null;
        if (unsplit != null) {
            unsplit.setTolerance((long) Math.round(s.length() / s.dz()) * f[0].length / 2);
            unsplit.setReference(kRef);
            if (fourthOrder) {
                unsplit.setFourthOrder(g.dx(), g.is2d() ? g.dx() : g.dy());
            }
        }
        AdiStepper inner = unsplit != null ? unsplit : backend.adi(op, s.precision(), s.threads());
        try (AdiStepper st = transposed() && !g.is2d() ? new TransposedStepper(inner) : inner) {
            st.setFactors(f[0], f[1]);
            st.setField(launch);
            // semi-vectorial power: sum eps |E|^2 (the x-operator's own conserved norm, and the flux of a
            // field normal to the faces it crosses); scalar: sum |psi|^2
            double[] weight = polarization == FdScalarModeSolver.Polarization.SCALAR ? null : eps[0];
            c0 = Launch.overlap(launch, launch)[0];
            p0 = power(st, null, launch, weight);
            r0 = region == null ? p0 : power(st, region, launch, weight);
            if (!(p0 > 0)) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "launch field", "zero power", "a field with power inside the window");
            }
            records.add(new double[] {0, 1, r0 / p0, c0, 0});
            slices.add(row(launch, g));
            keep(0, launch, snapZ, snapFields);
            regionRows.add(regionPowers(st, launch, weight, p0));
            if (monitor instanceof SliceMonitor sm) {
                sm.slice(g, 0, row(launch, g), column(launch, g), 1);
            }
            modal.add(modePowers(launch, c0));
            int done = 0;
            // how many splices the run has passed
            int spliced = 0;
            double gain = maxGain(eps);
            while (done < steps) {
                if (monitor.isCancelled()) {
                    cancelled = true;
                    break;
                }
                if (done > 0 && done % stepsPerSection == 0) {
                    // a new section: its cross-section at its middle, its own operator and region
                    double zMid = (done + 0.5 * stepsPerSection) * s.dz();
                    double[][] e2 = structure.sample(zMid, g);
                    gain = Math.max(gain, maxGain(e2));
                    st.setOperator(stepperOperator(e2, g, k0, kRef, xs, ys));
                    weight = weight == null ? null : e2[0];
                    region = regionAt.apply(zMid);
                }
                int toSection = stepsPerSection == Integer.MAX_VALUE ? Integer.MAX_VALUE : stepsPerSection - done % stepsPerSection;
                int chunk = Math.min(Math.min(s.monitorEvery(), toSection), steps - done);
                int joint = spliced < splices.size() ? spliced : -1;
                if (joint >= 0) {
                    int at = (int) Math.round(splices.get(joint).z() / s.dz());
                    if (at == done) {
                        // the joint: the field enters the next guide in that guide's own frame
                        st.getField(work);
                        splices.get(joint).apply(work, g, kRef);
                        st.setField(work);
                        spliced = joint + 1;
                        continue;
                    }
                    chunk = Math.min(chunk, at - done);
                }
                long t0 = System.nanoTime();
                st.step(chunk);
                stepNanos += System.nanoTime() - t0;
                done += chunk;
                st.getField(work);
                double p = power(st, null, work, weight);
                double r = region == null ? p : power(st, region, work, weight);
                if (!Double.isFinite(p)) {
                    throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "beam propagation", String.format(java.util.Locale.ROOT,
                            "the field became NaN at z = %.4g um; reduce propagation.dz", done * s.dz() * 1e6));
                }
                if (p > p0 * (1 + growthLimit()) && gain <= 0) {
                    throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "beam propagation", String.format(java.util.Locale.ROOT,
                            "power grew by %.2g at z = %.4g um in a structure without gain; %s", p / p0 - 1, done * s.dz() * 1e6,
                            branchCut() != 0 ? "the rotated branch cut amplifies steep light: use wide-angle: pade11 or branch-cut: 0 deg"
                                    : "reduce propagation.dz or refine the grid"));
                }
                double[] cor = Launch.overlap(launch, work);
                records.add(new double[] {done * s.dz(), p / p0, r / p0, cor[0], cor[1]});
                slices.add(row(work, g));
                keep(done * s.dz(), work, snapZ, snapFields);
                regionRows.add(regionPowers(st, work, weight, p0));
                if (monitor instanceof SliceMonitor sm) {
                    sm.slice(g, done * s.dz(), row(work, g), column(work, g), p / p0);
                }
                modal.add(modePowers(work, c0));
                monitor.progress(done, steps, "propagating");
            }
            st.getField(end);
            if (unsplit != null) {
                solve = new StepSolve(fourthOrder ? "unsplit, fourth-order" : "unsplit", unsplit.tolerance(), unsplit.solves(), unsplit.iterations(), unsplit.maxIterations(),
                        unsplit.maxResidual());
            }
        }
        double[] z = new double[records.size()];
        double[] pw = new double[z.length];
        double[] rp = new double[z.length];
        double[] corr = new double[2 * z.length];
        double change = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = records.get(i)[0];
            pw[i] = records.get(i)[1];
            rp[i] = records.get(i)[2];
            corr[2 * i] = i == 0 ? 1 : records.get(i)[3] / c0;
            corr[2 * i + 1] = i == 0 ? 0 : records.get(i)[4] / c0;
            change = Math.max(change, Math.abs(pw[i] - 1));
        }
        double rate = stepNanos > 0 ? (double) n * steps / (stepNanos * 1e-9) : Double.NaN;
        double[][] mp = new double[watched.length][z.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < watched.length; k++) {
                mp[k][i] = modal.get(i)[k];
            }
        }
        double[][] regions = new double[regionMonitors.length][z.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < regions.length; k++) {
                regions[k][i] = regionRows.get(i)[k];
            }
        }
        return new Result(g, nRef, z, pw, rp, end, change, rate, slices.toArray(new double[0][]), cancelled, mp, corr, solve,
                new Kept(new FieldSnapshots(snapZ.stream().mapToDouble(Double::doubleValue).toArray(), snapFields.toArray(new double[0][])),
                        regions));
    }

    /** The power in each user region, relative to the launch's total. */
    private double[] regionPowers(AdiStepper st, double[] field, double[] weight, double p0) {
        double[] out = new double[regionMonitors.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = power(st, regionMonitors[k], field, weight) / p0;
        }
        return out;
    }

    /** Keeps a copy of the field at z when a requested snapshot position has been reached (one copy per request). */
    private void keep(double z, double[] field, List<Double> zs, List<double[]> fields) {
        // a monitor's z is a multiple of dz: a request counts as reached within a nanometre
        while (zs.size() < snapshotZ.length && z >= snapshotZ[zs.size()] - 1e-9) {
            zs.add(z);
            fields.add(field.clone());
        }
    }

    /** Power over the mask (all cells when null): from the stepper, or weighted from the field copied out. */
    private static double power(AdiStepper st, boolean[] mask, double[] field, double[] weight) {
        if (weight == null) {
            return st.power(mask);
        }
        double sum = 0;
        for (int q = 0; q < weight.length; q++) {
            if (mask == null || mask[q]) {
                sum += weight[q] * (field[2 * q] * field[2 * q] + field[2 * q + 1] * field[2 * q + 1]);
            }
        }
        return sum;
    }

    private double[] modePowers(double[] f, double p0) {
        double[] out = new double[watched.length];
        for (int k = 0; k < watched.length; k++) {
            double[] o = Launch.overlap(watched[k], f);
            out[k] = (o[0] * o[0] + o[1] * o[1]) / (Launch.overlap(watched[k], watched[k])[0] * p0);
        }
        return out;
    }

    /** |psi|^2 along the row through the window's centre in y. */
    /** |psi|^2 along y through x = 0 (the middle column), or null on a 2D grid. */
    private static double[] column(double[] f, BpmGrid g) {
        if (g.is2d()) {
            return null;
        }
        int i = g.nx() / 2;
        double[] out = new double[g.ny()];
        for (int j = 0; j < g.ny(); j++) {
            int p = i + g.nx() * j;
            out[j] = f[2 * p] * f[2 * p] + f[2 * p + 1] * f[2 * p + 1];
        }
        return out;
    }

    private static double[] row(double[] f, BpmGrid g) {
        int j = g.ny() / 2;
        double[] out = new double[g.nx()];
        for (int i = 0; i < g.nx(); i++) {
            int p = i + g.nx() * j;
            out[i] = f[2 * p] * f[2 * p] + f[2 * p + 1] * f[2 * p + 1];
        }
        return out;
    }

    /** Cell averages of eps on the grid, 8 x 8 sub-samples per cell (a 2D grid: along x at y = 0). */
    public static double[][] sample(CrossSection cs, BpmGrid g) {
        return g.is2d() ? cs.sample(g.x0(), -1e-15, g.dx(), 2e-15, g.nx(), 1, 8) : cs.sample(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny(), 8);
    }

    /**
     * The power growth that stops a lossless run. Peaceman-Rachford ADI is unconditionally stable but
     * conserves ||(1 - a P_y) psi||, not sum |psi|^2, which therefore breathes by O(|a P_y|^2) (up to
     * ~1e-2 in high-contrast guides) while an instability grows without bound: 1e-2 for the scalar
     * field. Semi-vectorially sum eps |E|^2 is no invariant of the equation itself where the guide has
     * interfaces along both axes (measured: +4 % over 20 um for a Gaussian shedding radiation in a
     * 2.0/1.44 channel, paraxial), so only 20 % stops the run; the analysis warns above 1 %.
     */
    private double growthLimit() {
        return polarization == FdScalarModeSolver.Polarization.SCALAR ? 1e-2 : 0.2;
    }

    /** Quasi-TM in 3D runs on the transposed grid, so that its interface condition falls on the kernels' x. */
    /** Whether wide-angle steps are solved unsplit (the default in 3D) rather than by the ADI split alone. */
    private boolean splitWideAngle;

    /**
     * The split ADI wide-angle step in place of the unsplit one: faster, but it drops the P_x P_y cross term of each
     * Pade factor (a shift of beta at high index contrast). For comparison and teaching.
     */
    public BeamPropagator withSplitWideAngle(boolean split) {
        BeamPropagator b = copy();
        b.splitWideAngle = split;
        return b;
    }

    /** The branch-cut rotation (radians); NaN: the default (see {@link #branchCut()}). */
    private double branchCut = Double.NaN;

    /**
     * Rotates the branch cut of the wide-angle approximant by alpha (radians): evanescent waves decay instead of
     * lingering near the approximant's poles, which eases the unsplit solve; but the rotated Pade (2,2) step amplifies
     * steep light and its n_eff drifts (2.2e-4 at 45 deg on a quasi-TE 2.0/1.44 channel). NaN (the default) is 0: the
     * plain approximant, exactly unitary, whose factors the shifted preconditioner solves.
     */
    public BeamPropagator withBranchCut(double alpha) {
        BeamPropagator b = copy();
        b.branchCut = alpha;
        return b;
    }

    /** The rotation the steps take: the one asked for, else 0 (the plain approximant) for every order. */
    double branchCut() {
        return Double.isNaN(branchCut) ? 0 : branchCut;
    }

    private boolean unsplit(Settings s, BpmGrid g) {
        return fourthOrder || (!splitWideAngle && s.wideAngle() != WideAngle.PARAXIAL && !g.is2d());
    }

    /** Whether the transverse operator is the fourth-order compact one (solved unsplit, any order, 2D or 3D). */
    private boolean fourthOrder;

    /**
     * The fourth-order compact (Numerov) transverse operator P = M_x^-1 D_x + M_y^-1 D_y + V (M = 1 + h^2 D / 12) in place
     * of the 3-point one: the steepest light's k_perp error at N points per period falls from 1 - sinc(pi/N) to about
     * (pi/N)^4 / 240. Every step is then solved unsplit (preconditioned by the second-order ADI step), paraxial or
     * wide-angle, 2D or 3D; scalar fields only.
     */
    public BeamPropagator withFourthOrder(boolean on) {
        if (on && polarization != FdScalarModeSolver.Polarization.SCALAR) {
            throw new IllegalArgumentException("the fourth-order transverse operator is scalar only");
        }
        if (on && splitWideAngle) {
            throw new IllegalArgumentException("the fourth-order transverse operator needs the unsplit solve");
        }
        BeamPropagator b = copy();
        b.fourthOrder = on;
        return b;
    }

    private boolean transposed() {
        return polarization == FdScalarModeSolver.Polarization.QUASI_TM;
    }

    /**
     * The operator in the stepper's orientation: scalar; quasi-TE with the interface ratios along x; or
     * quasi-TM transposed (x and y swapped) with the ratios along the transposed x. In 2D quasi-TM is scalar.
     */
    private AdiOperator stepperOperator(double[][] eps, BpmGrid g, double k0, double kRef, double[][] xs, double[][] ys) {
        if (polarization == FdScalarModeSolver.Polarization.SCALAR || (transposed() && g.is2d())) {
            return operator(eps, g, k0, kRef, xs, ys);
        }
        if (!transposed()) {
            return semiVectorial(eps, g.nx(), g.ny(), k0, kRef, xs, ys);
        }
        int nx = g.nx();
        int ny = g.ny();
        double[][] t = new double[2][nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                t[0][j + ny * i] = eps[0][i + nx * j];
                t[1][j + ny * i] = eps[1][i + nx * j];
            }
        }
        return semiVectorial(t, ny, nx, k0, kRef, ys, xs);
    }

    /**
     * P_x with face ratios rl = eps_w / f_w, ru = eps_e / f_e (f the faces' mean eps, real parts; the
     * window's edge mirrors the cell) and the diagonal -(low eps_p / f_w + up eps_p / f_e) + V, the
     * difference to the kernels' -(low rl + up ru) folded into V.
     */
    private static AdiOperator semiVectorial(double[][] eps, int nx, int ny, double k0, double kRef, double[][] xs, double[][] ys) {
        int n = nx * ny;
        double[] v = new double[2 * n];
        double[] rl = new double[n];
        double[] ru = new double[n];
        double[] lo = xs[0];
        double[] up = xs[1];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                double ep = eps[0][p];
                double ew = i > 0 ? eps[0][p - 1] : ep;
                double ee = i + 1 < nx ? eps[0][p + 1] : ep;
                double fw = 0.5 * (ew + ep);
                double fe = 0.5 * (ee + ep);
                rl[p] = ew / fw;
                ru[p] = ee / fe;
                double cw = (ew - ep) / fw;
                double ce = (ee - ep) / fe;
                v[2 * p] = k0 * k0 * ep - kRef * kRef + lo[2 * i] * cw + up[2 * i] * ce;
                v[2 * p + 1] = k0 * k0 * eps[1][p] + lo[2 * i + 1] * cw + up[2 * i + 1] * ce;
            }
        }
        return new AdiOperator(nx, ny, xs[0], xs[1], ys[0], ys[1], v, rl, ru);
    }

    private static AdiOperator operator(double[][] eps, BpmGrid g, double k0, double kRef, double[][] xs, double[][] ys) {
        int n = g.cells();
        double[] v = new double[2 * n];
        for (int p = 0; p < n; p++) {
            v[2 * p] = k0 * k0 * eps[0][p] - kRef * kRef;
            v[2 * p + 1] = k0 * k0 * eps[1][p];
        }
        return new AdiOperator(g.nx(), g.ny(), xs[0], xs[1], ys[0], ys[1], v);
    }

    private static double maxGain(double[][] eps) {
        double m = 0;
        for (double im : eps[1]) {
            m = Math.max(m, -im);
        }
        return m;
    }

    /** Least-squares slope of 10 log10(power) against z, as a loss in dB/cm. */
    /**
     * Off-diagonal coefficients along one axis with the PML: low_i = 1/(s_i s_{i-1/2} h^2), up_i =
     * 1/(s_i s_{i+1/2} h^2), s = 1 + i sigma_max t^2 in the outer cells.
     */
    static double[][] coefficients(int m, double h, int pmlCells, double kRef) {
        double[] low = new double[2 * m];
        double[] up = new double[2 * m];
        double thickness = pmlCells * h;
        double sigmaMax = pmlCells == 0 ? 0
                : 3 * Math.log(1 / PML_REFLECTION) / (2 * kRef * Math.sin(Math.toRadians(10)) * thickness);
        for (int i = 0; i < m; i++) {
            double[] sc = stretch(i + 0.5, m, pmlCells, sigmaMax);
            double[] sl = stretch(i, m, pmlCells, sigmaMax);
            double[] sr = stretch(i + 1, m, pmlCells, sigmaMax);
            double[] a = inv(mul(sc, sl));
            double[] b = inv(mul(sc, sr));
            low[2 * i] = a[0] / (h * h);
            low[2 * i + 1] = a[1] / (h * h);
            up[2 * i] = b[0] / (h * h);
            up[2 * i + 1] = b[1] / (h * h);
        }
        return new double[][] {low, up};
    }

    private static double[] stretch(double pos, int m, int cells, double sigmaMax) {
        if (cells == 0) {
            return new double[] {1, 0};
        }
        double depth = Math.max(cells - pos, pos - (m - cells));
        double t = Math.max(0, depth / cells);
        return new double[] {1, sigmaMax * t * t};
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    private static double[] inv(double[] a) {
        double d = a[0] * a[0] + a[1] * a[1];
        return new double[] {a[0] / d, -a[1] / d};
    }

    /** n_ref^2 = Re <psi| laplacian + k0^2 eps |psi> / (k0^2 <psi|psi>) on the grid (metal walls). */
    static double rayleighIndex(double[] psi, double[][] eps, BpmGrid g, double k0) {
        double n2 = rayleighSquared(psi, eps, g, k0);
        if (!(n2 > 0)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "launch field", "evanescent", "a field that propagates (set propagation.reference-index)");
        }
        return Math.sqrt(n2);
    }

    /** The same quotient squared, whatever its sign (NaN for a zero field). */
    static double rayleighSquared(double[] psi, double[][] eps, BpmGrid g, double k0) {
        double num = 0;
        double den = 0;
        int nx = g.nx();
        int ny = g.ny();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                double re = psi[2 * p];
                double im = psi[2 * p + 1];
                double lr = k0 * k0 * eps[0][p] * re;
                double li = k0 * k0 * eps[0][p] * im;
                lr += (get(psi, i - 1, j, nx, ny, 0) + get(psi, i + 1, j, nx, ny, 0) - 2 * re) / (g.dx() * g.dx());
                li += (get(psi, i - 1, j, nx, ny, 1) + get(psi, i + 1, j, nx, ny, 1) - 2 * im) / (g.dx() * g.dx());
                if (ny > 1) {
                    lr += (get(psi, i, j - 1, nx, ny, 0) + get(psi, i, j + 1, nx, ny, 0) - 2 * re) / (g.dy() * g.dy());
                    li += (get(psi, i, j - 1, nx, ny, 1) + get(psi, i, j + 1, nx, ny, 1) - 2 * im) / (g.dy() * g.dy());
                }
                num += re * lr + im * li;
                den += re * re + im * im;
            }
        }
        return num / (k0 * k0 * den);
    }

    private static double get(double[] psi, int i, int j, int nx, int ny, int c) {
        if (i < 0 || j < 0 || i >= nx || j >= ny) {
            return 0;
        }
        return psi[2 * (i + nx * j) + c];
    }

    /** A mode found by imaginary-distance propagation: n_eff, the field (unit norm) and the steps taken. */
    public record FoundMode(double nEff, double[] field, int steps, double lastChange) {
    }

    /**
     * The fundamental mode by imaginary-distance propagation on the same ADI kernels (z = -i tau):
     * d psi/d tau = P psi / (2 k_ref) lets the mode with the largest beta outgrow the others; the field
     * is renormalised after each block of steps and n_eff taken from its Rayleigh quotient on the grid;
     * the imaginary step shrinks level by level until n_eff changes by less than {@code tolerance}
     * between levels (metal walls: no PML).
     */
    public FoundMode findMode(CrossSection cs, BpmGrid g, double[] guess, double wavelength, double tolerance, int maxSteps,
            ComputeBackend backend, ProgressMonitor monitor) {
        double k0 = 2 * Math.PI / wavelength;
        double[][] eps = sample(cs, g);
        double nMin = Double.MAX_VALUE;
        double nMax = 0;
        for (double e : eps[0]) {
            nMin = Math.min(nMin, Math.sqrt(Math.max(e, 0)));
            nMax = Math.max(nMax, Math.sqrt(Math.max(e, 0)));
        }
        double kRef = k0 * nMin;
        double[][] xs = coefficients(g.nx(), g.dx(), 0, kRef);
        double[][] ys = g.is2d() ? new double[][] {new double[2], new double[2]} : coefficients(g.ny(), g.dy(), 0, kRef);
        // Crank-Nicolson in tau: (1 - a P) psi' = (1 + a P) psi, a = dtau / (4 k_ref), with a lambda ~ 1
        // for the guided part of the spectrum (lambda up to k0^2 (n_max^2 - n_min^2))
        double a = 1 / Math.max(k0 * k0 * (nMax * nMax - nMin * nMin), 1e-6 * k0 * k0);
        double[] field = guess.clone();
        double previous = Double.NaN;
        double change = Double.NaN;
        int done = 0;
        // large steps separate the fundamental fast but their ADI splitting shifts the fixed point by
        // O(a^2 P_x P_y): the step is quartered until n_eff stops moving between levels
        double levelStart = Double.NaN;
        // the last field whose Rayleigh quotient was a guided index: where a level's step proves unstable, the search goes
        // back to it with a quarter of the step
        double[] good = field.clone();
        try (AdiStepper st = backend.adi(operator(eps, g, k0, kRef, xs, ys), Precision.DOUBLE, 2)) {
            st.setField(field);
            for (int level = 0; level < 12 && done < maxSteps; level++) {
                double al = a / Math.pow(4, level);
                st.setFactors(new double[] {al, 0}, new double[] {-al, 0});
                int levelSteps = 0;
                boolean unstable = false;
                while (done < maxSteps) {
                    monitor.checkCancelled();
                    st.step(10);
                    done += 10;
                    levelSteps += 10;
                    double p = st.power(null);
                    if (!(p > 0) || !Double.isFinite(p)) {
                        throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.NUMERICAL_FAILURE,
                                "imaginary-distance mode finder", "the field vanished or overflowed; start from a field that overlaps the guide");
                    }
                    st.multiply(null, 1 / Math.sqrt(p), 0);
                    st.getField(field);
                    double n2 = rayleighSquared(field, eps, g, k0);
                    if (!(n2 > 0) || Math.sqrt(n2) > nMax) {
                        // not a guided field: the split step (1 - a P_x)(1 - a P_y), which does not commute with V, grew grid-scale
                        // error faster than the fundamental (measured on a wide 2.0/1.44 core at a = 1 / max V)
                        System.arraycopy(good, 0, field, 0, field.length);
                        st.setField(field);
                        unstable = true;
                        break;
                    }
                    System.arraycopy(field, 0, good, 0, field.length);
                    double n = Math.sqrt(n2);
                    change = Math.abs(n - previous);
                    previous = n;
                    monitor.progress(done, maxSteps, "imaginary-distance");
                    // the level has converged when n_eff settles (the slower the smaller the step)
                    if (change < tolerance || levelSteps >= 40 * (1 << (2 * level))) {
                        break;
                    }
                }
                if (unstable) {
                    continue;
                }
                if (Math.abs(previous - levelStart) < tolerance) {
                    break;
                }
                levelStart = previous;
            }
        }
        return new FoundMode(previous, field, done, change);
    }
}
