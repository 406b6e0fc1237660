package org.glassguide.solver.bpm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.glassguide.materials.Material;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.Warnings;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdAnalysis;
import org.glassguide.solver.fd.FdScalarModeSolver;
import org.glassguide.solver.special.Fft;

/**
 * A design's `propagation:` run at one wavelength: the cross-section sampled on the propagation grid,
 * the launch (a Gaussian or a mode of the scalar 2D solver on the same grid), checks on the input
 * (points per wavelength, PML thickness, beam size, step), the propagation, and the derived
 * quantities: power in the core (the highest-index material) and its loss, power conservation, and
 * the far field of the end face with its measured NA (the sine of the angle holding 95 % of the power,
 * in air, k_perp / k0).
 */
public final class BpmAnalysis implements Analysis<List<BpmAnalysis.Result>> {
    /**
     * Points per shortest transverse period lambda / (k_perp / k0) of the light (the structure's NA, or a tilted or
     * narrow launch) below which a run is refused. The 3-point stencil sees k_perp as (2/h) sin(k_perp h / 2): at N
     * points per period the steepest light's k_perp is low by 1 - sinc(pi/N) (2.5 % at 8) and its walk-off by
     * 1 - cos(pi/N) (7.6 % at 8); below {@link #GOOD_POINTS_PER_WAVELENGTH} a run says so.
     */
    public static final double MIN_POINTS_PER_WAVELENGTH = 8;

    /** Points per period from which the steepest light's errors are small (0.6 % in k_perp, 1.9 % in walk-off at 16). */
    public static final double GOOD_POINTS_PER_WAVELENGTH = 16;

    /**
     * The fewest points per transverse period a run accepts with the given operator: where its walk-off error reaches the
     * 3-point stencil's at {@link #MIN_POINTS_PER_WAVELENGTH} (7.6 %): 8 for the 3-point stencil, 4.0 (3.93 rounded up) for the
     * fourth-order one.
     */
    public static double minPointsPerPeriod(boolean fourthOrder) {
        return fourthOrder ? minPointsForWalkOff(stencilErrors(MIN_POINTS_PER_WAVELENGTH, false)[1]) : MIN_POINTS_PER_WAVELENGTH;
    }

    /**
     * The fewest points per transverse period at which the fourth-order operator's walk-off error is at most the given one
     * (its error falls monotonically with N above 2.5 points per period: bisection), rounded up to a tenth so that the
     * stated need is never below the true one.
     */
    static double minPointsForWalkOff(double walkOffError) {
        double lo = 2.5;
        double hi = GOOD_POINTS_PER_WAVELENGTH;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (stencilErrors(mid, true)[1] > walkOffError) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.ceil(hi * 10) / 10;
    }

    /** The 3-point stencil's relative errors for light at N points per transverse period: {k_perp, walk-off}. */
    public static double[] stencilErrors(double pointsPerPeriod) {
        return stencilErrors(pointsPerPeriod, false);
    }

    /**
     * The transverse operator's relative errors for light at N points per transverse period, {k_perp, walk-off}: the
     * operator sees a wave of phase theta = 2 pi / N per cell as S(theta) / h^2, with S = u = 2 - 2 cos theta for the
     * 3-point stencil and S = u / (1 - u / 12) for the fourth-order compact one; k_perp is low by 1 - sqrt(S) / theta, and
     * the walk-off of light at that k_perp (the group velocity, dS/dtheta / (2 sqrt(S)) of the exact one) short by the rest.
     */
    public static double[] stencilErrors(double pointsPerPeriod, boolean fourthOrder) {
        double th = 2 * Math.PI / pointsPerPeriod;
        double u = 2 - 2 * Math.cos(th);
        double du = 2 * Math.sin(th);
        double sym = fourthOrder ? u / (1 - u / 12) : u;
        double dSym = fourthOrder ? du / ((1 - u / 12) * (1 - u / 12)) : du;
        return new double[] {1 - Math.sqrt(sym) / th, 1 - dSym / (2 * Math.sqrt(sym))};
    }

    /** The run's record; far field: |F|^2 over k_perp / k0 in [-farLimit, farLimit]^2 (or a line in 2D). */
    public record Result(String design, double wavelength, PropagationSettings settings, String device, Precision precision,
            BeamPropagator.Result run, double measuredNa, double[][] farField, double farLimit, String region, double[] watchedModeIndices,
            CorrelationSpectrum.Spectrum modeSpectrum, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public Result run(Design d, double wavelength, ComputeBackend backend, Precision precisionOverride, int threads,
            Consumer<String> warnings, ProgressMonitor monitor) {
        PropagationSettings ps = PropagationSettings.of(d);
        if (ps == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "propagation", "the design");
        }
        List<String> notes = new ArrayList<>();
        Consumer<String> sink = Warnings.deduplicating(notes, warnings);
        List<Material> used = new ArrayList<>();
        CrossSection cs = FdAnalysis.crossSection(d, wavelength, d.options().allowExtrapolation(), sink, used);
        PropagationSettings.IndexFunction fn = ps.indexFunction();
        if (fn != null) {
            cs.overlay((x, y, e) -> fn.apply(x, y, 0, e));
        }
        // the core is classified on the straight cross-section (a bend tilts every index): a second
        // copy only when there is a bend
        CrossSection plain = cs;
        if (ps.bendRadius() > 0) {
            plain = FdAnalysis.crossSection(d, wavelength, d.options().allowExtrapolation(), w -> { }, new ArrayList<>());
            if (fn != null) {
                plain.overlay((x, y, e) -> fn.apply(x, y, 0, e));
            }
            cs.bend(ps.bendRadius(), 1);
            if (ps.pml() == 0) {
                sink.accept("warning: a bend without a PML (propagation.pml: 0) cannot radiate: its loss will read zero");
            }
        }
        double nMax = 0;
        double nMin = Double.MAX_VALUE;
        String core = "";
        for (Material m : used) {
            double n = m.index().n(wavelength);
            if (n > nMax) {
                nMax = n;
                core = m.name();
            }
            nMin = Math.min(nMin, n);
        }
        BpmGrid g = grid(ps, backend);
        // with an index function, the indices on the grid at the start (centres) set the range; a
        // replacing function's core is where n lies above the middle of that range
        double coreThreshold = Double.NaN;
        if (fn != null) {
            double lo = Double.MAX_VALUE;
            double hi = 0;
            double[] e = new double[2];
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    plain.eps(g.x(i), g.is2d() ? 0 : g.y(j), e);
                    double n = Math.sqrt(Math.max(e[0], 0));
                    lo = Math.min(lo, n);
                    hi = Math.max(hi, n);
                }
            }
            if (!(lo >= 1e-3) || !Double.isFinite(hi)) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.index-function", fn.n().toString(),
                        "a formula giving a real index above 0 everywhere in the window (it gives " + lo + ")");
            }
            if (fn.delta()) {
                nMax = Math.max(nMax, hi);
                nMin = Math.min(nMin, lo);
            } else {
                nMax = hi;
                nMin = lo;
                coreThreshold = 0.5 * (lo + hi);
                core = "n(x,y,z) > " + String.format(Locale.ROOT, "%.4f", coreThreshold);
            }
        }
        // the grid must resolve the shortest transverse period of the light: guided light reaches
        // k_perp = k0 NA of the structure, a tilted or narrow launch its own k_perp
        PropagationSettings.Launch l0 = ps.launch();
        double sinMax = Math.sqrt(Math.max(nMax * nMax - nMin * nMin, 0));
        if (l0.kind().equals("gaussian") || l0.kind().equals("plane-wave")) {
            sinMax = Math.max(sinMax, nMax * Math.abs(Math.sin(Math.toRadians(l0.tiltDegrees()))) + 2 * wavelength / (Math.PI * l0.waist()));
        } else if (l0.kind().equals("partially-coherent")) {
            sinMax = Math.max(sinMax, l0.na());
        }
        sinMax = Math.min(Math.max(sinMax, 0.05), nMax);
        double ppw = wavelength / (sinMax * ps.step());
        double minPoints = minPointsPerPeriod(ps.fourthOrder());
        if (ppw < minPoints) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.step", Units.nm(ps.step()) + " nm", String.format(Locale.ROOT,
                    "at most %s nm: %.1f points per shortest transverse period lambda/%.3f of the light, %.1f needed%s",
                    Units.nm(wavelength / (sinMax * minPoints)), ppw, sinMax, minPoints,
                    ps.fourthOrder() ? " with the fourth-order operator" : " (transverse: fourth-order needs " + String.format(Locale.ROOT, "%.1f",
                            minPointsPerPeriod(true)) + ")"));
        }
        // warned where the steepest light walks off further wrong than the 3-point stencil's at 16 points (1.9 %): below 16
        // points for the 3-point stencil, never above the refusal for the fourth-order one (0.4 % at 8 points)
        double[] err = stencilErrors(ppw, ps.fourthOrder());
        double[] good = stencilErrors(GOOD_POINTS_PER_WAVELENGTH);
        if (err[1] > good[1] * (1 + 1e-9)) {
            double[] compact = stencilErrors(ppw, true);
            // the largest whole-nm step that meets the need
            String remedy = ps.fourthOrder() ? String.format(Locale.ROOT, "a step of %.0f nm brings them to the 3-point stencil's at 16 points"
                    + " (%.1f %% and %.1f %%)", Math.floor(1e9 * ps.step() * ppw / minPointsForWalkOff(good[1])), 100 * good[0], 100 * good[1])
                    : String.format(Locale.ROOT, "a step of %s nm (%.0f points) brings them to %.1f %% and %.1f %%, and transverse: fourth-order to"
                    + " %.2f %% and %.2f %% on this grid (scalar runs)", Units.nm(wavelength / (sinMax * GOOD_POINTS_PER_WAVELENGTH)),
                    GOOD_POINTS_PER_WAVELENGTH, 100 * good[0], 100 * good[1], 100 * compact[0], 100 * compact[1]);
            sink.accept(ps.warning("coarse-step", String.format(Locale.ROOT, "propagation.step %s nm gives %.1f points per shortest transverse period "
                    + "lambda/%.3f: the %s puts the steepest light's k_perp %.1f %% low and its walk-off %.1f %% short; %s", Units.nm(ps.step()), ppw,
                    sinMax, ps.fourthOrder() ? "fourth-order operator" : "3-point stencil", 100 * err[0], 100 * err[1], remedy)));
        }
        double inMedium = wavelength / nMin;
        if (ps.pml() > 0 && ps.pml() < inMedium) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.pml", Units.nm(ps.pml()) + " nm", String.format(Locale.ROOT,
                    "0 (metal walls) or at least one wavelength in the n = %.4f material (%s nm): a thinner PML reflects", nMin,
                    Units.nm(inMedium)));
        }
        if (ps.dz() > 20 * wavelength) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.dz", Units.nm(ps.dz()) + " nm",
                    "at most 20 wavelengths (" + Units.nm(20 * wavelength) + " nm): the Crank-Nicolson phase error of oblique light grows as dz^2");
        }
        WideAngle wa = WideAngle.parse(ps.wideAngle());
        if (wa != WideAngle.PARAXIAL && ps.dz() > wavelength) {
            sink.accept(ps.warning("long-dz", String.format(Locale.ROOT, "propagation.dz = %s nm exceeds the wavelength: wide-angle (%s) accuracy "
                    + "needs dz <= lambda", Units.nm(ps.dz()), ps.wideAngle())));
        }
        warnRotatedCutGain(ps, wa, wavelength, sinMax, nMin, sink);
        int pmlCells = (int) Math.round(ps.pml() / ps.step());
        // the core: the highest material index, or above a replacing function's middle index
        double epsCore = Double.isNaN(coreThreshold) ? nMax * nMax : coreThreshold * coreThreshold;
        boolean[] region = coreMask(plain, g, epsCore);
        double[] launch = launch(ps, cs, plain, g, wavelength, nMax, pmlCells, region, sink, monitor);
        Precision precision = precisionOverride != null ? precisionOverride : Precision.parse(ps.precision());
        int every = Math.max(1, (int) Math.round(ps.monitorEvery() / ps.dz()));
        BeamPropagator.Settings st = new BeamPropagator.Settings(wavelength, ps.referenceIndex(), ps.dz(), ps.length(), wa, pmlCells,
                precision, threads, every);
        double[][] watched = new double[0][];
        double[] modeIndices = new double[0];
        if (ps.modalSpectrum() > 0) {
            FdScalarModeSolver.Grid fg = PropagationModes.grid(g);
            List<FdScalarModeSolver.Mode> ms = new FdScalarModeSolver().withPolarization(polarization(ps)).solve(plain, wavelength, fg,
                    new FdScalarModeSolver.Pml(0, 8), ps.modalSpectrum(), nMax, cancelOnly(monitor));
            watched = new double[ms.size()][];
            for (int k = 0; k < ms.size(); k++) {
                watched[k] = ms.get(k).field().clone();
                // a degenerate pair (LP11a/b) comes out of the eigensolver as any two independent
                // combinations: made orthogonal, so that their powers do not count the same light twice
                for (int j = 0; j < k; j++) {
                    if (Math.abs(ms.get(k).nEff() - ms.get(j).nEff()) < 1e-9 * ms.get(k).nEff()) {
                        double[] o = Launch.overlap(watched[j], watched[k]);
                        double nj = Launch.overlap(watched[j], watched[j])[0];
                        for (int q = 0; q < watched[k].length; q += 2) {
                            double ar = watched[j][q];
                            double ai = watched[j][q + 1];
                            watched[k][q] -= (o[0] * ar - o[1] * ai) / nj;
                            watched[k][q + 1] -= (o[0] * ai + o[1] * ar) / nj;
                        }
                    }
                }
            }
            modeIndices = ms.stream().mapToDouble(FdScalarModeSolver.Mode::nEff).toArray();
        }
        PropagationSettings.Launch lc = ps.launch();
        int realisations = lc.kind().equals("partially-coherent") ? lc.realisations() : 1;
        java.util.Random rnd = new java.util.Random(lc.seed());
        List<BeamPropagator.Result> runs = new ArrayList<>();
        List<double[]> ends = new ArrayList<>();
        for (int k = 0; k < realisations; k++) {
            double[] field = lc.kind().equals("partially-coherent")
                    ? Launch.partiallyCoherent(g, wavelength, lc.waist(), lc.x(), lc.y(), lc.na(), rnd) : launch;
            BeamPropagator.Result one = propagateOnce(d, wavelength, ps, cs, g, field, region, st, backend, monitor, epsCore, watched);
            runs.add(one);
            ends.add(one.endField());
            if (one.cancelled()) {
                break;
            }
        }
        BeamPropagator.Result r = runs.size() == 1 ? runs.get(0) : average(runs);
        // a guide that changes along z has no single decay rate: its loss is the end-to-end mean
        boolean invariant = ps.taper() == null && ps.splices().isEmpty() && (fn == null || !fn.dependsOnZ());
        if (!invariant) {
            r = r.withLossFit(LossFit.endToEnd(r.z(), r.regionPower()));
        }
        if (runs.size() > 1) {
            sink.accept(String.format(Locale.ROOT, "note: partially coherent source: %d realisations averaged (intensities, powers, far field)",
                    runs.size()));
        }
        if (r.lossFit().verdict() == LossFit.Verdict.UNSETTLED && !r.cancelled()) {
            sink.accept("warning: the core " + r.lossFit().describe());
        }
        if (r.cancelled()) {
            sink.accept(String.format(Locale.ROOT, "note: cancelled at z = %.4g um of %.4g um: the results cover the part computed",
                    r.z()[r.z().length - 1] * 1e6, ps.length() * 1e6));
        }
        if (!ps.polarization().equals("scalar") && r.powerChange() > 0.01) {
            sink.accept(String.format(Locale.ROOT, "warning: the semi-vectorial power sum eps |E|^2 changed by up to %.1f %%: the"
                    + " semi-vectorial model exchanges power where the guide has interfaces along both axes (no numerical fault);"
                    + " compare with polarization: scalar or the fd-vector modes", 100 * r.powerChange()));
        }
        if (wa != WideAngle.PARAXIAL && !g.is2d() && ps.splitWideAngle() && nMax - nMin > 0.01) {
            sink.accept(ps.warning("split-step", String.format(Locale.ROOT, "wide-angle-solve: split drops each Pade factor's P_x P_y cross term: "
                    + "at this contrast (%.4f/%.4f) it can shift n_eff (measured -2.6e-2 on a 2.0/1.44 channel with 0.04 um cells) and lets power "
                    + "drift, less on coarse grids; leave wide-angle-solve out for the unsplit step", nMax, nMin)));
        }
        if (wa != WideAngle.PARAXIAL && (r.referenceIndex() > 1.05 * nMax || r.referenceIndex() < 0.95 * nMin)) {
            sink.accept(String.format(Locale.ROOT, "warning: reference-index %.4f lies outside the indices of the window (%.4f to %.4f): the wide-angle"
                    + " step is accurate only near n_ref, so loss and n_eff are not to be trusted; leave reference-index out (the launch's own is used)",
                    r.referenceIndex(), nMin, nMax));
        }
        double nRefGap = Math.abs(r.referenceIndex() - nMax);
        if (wa == WideAngle.PARAXIAL && nRefGap > 0.05 * nMax) {
            sink.accept(String.format(Locale.ROOT, "warning: paraxial propagation with n_ref = %.4f far from the core index %.4f:"
                    + " use wide-angle: pade11", r.referenceIndex(), nMax));
        }
        double limit = Math.min(nMax, Math.PI / (ps.step() * 2 * Math.PI / wavelength));
        double[][] far = new double[1][];
        double na = farField(ends, g, wavelength, r.referenceIndex(), limit, far);
        if (na > nMax) {
            // sin(theta) <= 1 in the densest medium: a larger value is an artefact of too coarse a step
            sink.accept(String.format(Locale.ROOT, "warning: the measured NA (%.4f) exceeds the largest index in the window (%.4f), which no light can:"
                    + " propagation.dz (%s um) or step is too coarse for %s; halve them until the results stop changing", na, nMax,
                    String.format(Locale.ROOT, "%.4g", ps.dz() * 1e6), wa.name().toLowerCase(Locale.ROOT)));
        }
        // propagation constants from the correlation spectrum: only where the guide is one z-invariant piece
        CorrelationSpectrum.Spectrum spectrum = invariant
                ? CorrelationSpectrum.of(r.z(), r.correlation(), wavelength, r.referenceIndex(), wa, ps.dz(), 12) : null;
        return new Result(d.name(), wavelength, ps, backend.device(), precision, r, na, far[0] == null ? new double[0][] : new double[][] {far[0]},
                limit, core, modeIndices, spectrum, notes);
    }

    /**
     * The fundamental mode found on the design's propagation grid: by imaginary-distance propagation on a straight
     * guide, by the mode solver with the PML on next to the straight guide's mode in a bend (then with a loss).
     */
    public record ModeResult(String design, double wavelength, BpmGrid grid, BeamPropagator.FoundMode mode, String device, String method,
            double nEffImag, double lossDbPerCm, double coreFraction, double pmlFraction) {
    }

    /**
     * The guide's fundamental mode by imaginary-distance propagation on the same kernels as the run
     * (metal walls, the structure at z = 0 with its index function and bend), starting from the
     * launch field (a partially coherent launch starts from a Gaussian of half its radius); n_eff
     * to 1e-10 between levels of the imaginary step.
     */
    private static boolean unsplit(PropagationSettings ps) {
        WideAngle wa = WideAngle.parse(ps.wideAngle());
        return ps.fourthOrder() || (!ps.is2d() && wa != null && wa != WideAngle.PARAXIAL && !ps.splitWideAngle());
    }

    /**
     * Java heap per transverse cell of a run, for the estimate made before anything is allocated: {@link #BYTES_PER_CELL},
     * the unsplit solve's Krylov vectors (measured 900-1500 bytes a cell in `glassguide bench bpm`) unless they live on an
     * accelerator (its own memory is checked when they are allocated there; the fourth-order operator keeps them on the
     * host), and the exported field snapshots.
     */
    static double hostBytesPerCell(PropagationSettings ps, boolean accelerator) {
        boolean onHost = unsplit(ps) && (ps.fourthOrder() || !accelerator);
        WideAngle wa = WideAngle.parse(ps.wideAngle());
        return BYTES_PER_CELL + (onHost ? org.glassguide.solver.compute.UnsplitWideAngleStepper.BYTES_PER_CELL + (wa == WideAngle.PADE22 ? 150 : 0) : 0)
                + 16.0 * ps.exportFields().length;
    }

    /**
     * Heap per transverse cell of a propagation, for the estimate made before anything is allocated: the stepper's
     * fields and factors (94 to 170 bytes a cell by `glassguide bench`), the sampled index sections and the monitors.
     */
    static final double BYTES_PER_CELL = 400;

    /** The run's grid, refused first when it cannot fit in memory (and, with a mode launch or modal spectrum, its mode solve). */
    private static BpmGrid grid(PropagationSettings ps, ComputeBackend backend) {
        double nx = Math.rint(ps.windowWidth() / ps.step());
        double ny = ps.is2d() ? 1 : Math.rint(ps.windowHeight() / ps.step());
        boolean unsplit = unsplit(ps);
        double perCell = hostBytesPerCell(ps, backend.accelerator());
        org.glassguide.solver.MemoryBudget.require(String.format(Locale.ROOT, "the propagation grid %.0f x %.0f%s", nx, ny,
                unsplit ? " with the unsplit solve" : ""), nx * ny * perCell,
                "use a larger propagation.step or a smaller window" + (unsplit && !ps.fourthOrder() ? " (or wide-angle-solve: split, which needs less)"
                        : unsplit ? " (or transverse: second-order, which needs less)" : ""));
        int modes = Math.max(ps.modalSpectrum(), "mode".equals(ps.launch().kind()) ? ps.launch().mode() : 0);
        if (modes > 0 && !ps.is2d()) {
            FdScalarModeSolver.requireMemory("mode solve for the launch and modal spectrum", nx, ny, modes);
        }
        return ps.is2d() ? BpmGrid.slab(ps.windowWidth(), ps.step()) : BpmGrid.centred(ps.windowWidth(), ps.windowHeight(), ps.step());
    }

    /** The largest index on the window's border: a guided mode's n_eff lies above it. */
    private static double edgeIndex(CrossSection cs, BpmGrid g) {
        double[][] eps = cs.sample(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny(), 1);
        double m = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (i == 0 || j == 0 || i == g.nx() - 1 || j == g.ny() - 1) {
                    m = Math.max(m, eps[0][i + g.nx() * j]);
                }
            }
        }
        return Math.sqrt(Math.max(m, 0));
    }

    /** The caller's cancellation without its progress display: a mode solve inside a run is one step of it. */
    private static ProgressMonitor cancelOnly(ProgressMonitor m) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String stage) {
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }
        };
    }

    public ModeResult findMode(Design d, double wavelength, ComputeBackend backend, Consumer<String> warnings, ProgressMonitor monitor) {
        PropagationSettings ps = PropagationSettings.of(d);
        if (ps == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "propagation", "the design");
        }
        CrossSection cs = section(d, wavelength, ps, 0, true);
        CrossSection plain = ps.bendRadius() > 0 ? section(d, wavelength, ps, 0, false) : cs;
        BpmGrid g = grid(ps, backend);
        double nMax = Math.sqrt(Math.max(plain.maxEpsRe(), 1));
        int pmlCells = (int) Math.round(ps.pml() / ps.step());
        boolean[] core = coreMask(plain, g, nMax * nMax);
        if (ps.fourthOrder()) {
            warnings.accept("note: the mode is found with the second-order transverse operator (the mode solver, or imaginary-distance"
                    + " steps on the ADI kernels); transverse: fourth-order applies to propagation");
        }
        if (ps.bendRadius() > 0) {
            // the bent guide's highest modes live at its outer wall: the mode solver with the PML on, next to the straight mode
            PropagationModes.Chosen c = PropagationModes.mode(cs, plain, ps.bendRadius(), g, wavelength, nMax, 1, pmlCells, polarization(ps), core,
                    warnings, cancelOnly(monitor));
            warnIfLoose(c, warnings);
            FdScalarModeSolver.Mode m = c.mode();
            return new ModeResult(d.name(), wavelength, g, new BeamPropagator.FoundMode(m.nEff(), m.field(), 0, 0), backend.device(),
                    String.format(Locale.ROOT, "bend mode by the %s mode solver (shift-invert) with the run's PML, next to the straight guide's"
                    + " n_eff %.6f, overlap %.3f with its mode", g.is2d() ? "slab" : "2D", c.straightNEff(), c.overlap()), m.nEffImag(),
                    m.lossDbPerMetre(wavelength) / 100, c.coreFraction(), c.pmlFraction());
        }
        PropagationSettings.Launch l = ps.launch();
        double[] guess = l.kind().equals("partially-coherent")
                ? Launch.gaussian(g, wavelength, nMax, 0.5 * l.waist(), l.x(), l.y(), 0)
                : launch(ps, cs, plain, g, wavelength, nMax, pmlCells, core, warnings, monitor);
        BeamPropagator.FoundMode m = new BeamPropagator().findMode(cs, g, guess, wavelength, 1e-10, 40000, backend, monitor);
        double edge = edgeIndex(cs, g);
        if (!(m.nEff() > edge)) {
            // a field the search settled on that is not bound: no guided mode exists, whatever the search reports
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "the imaginary-distance mode finder", String.format(Locale.ROOT,
                    "n_eff = %.6f is not above the index at the window's edge (%.6f): the structure guides no mode here (is the core's index below the cladding's?)",
                    m.nEff(), edge));
        }
        if (m.lastChange() > 1e-8) {
            warnings.accept(String.format(Locale.ROOT, "warning: the imaginary-distance search stopped after %d steps with n_eff still moving"
                    + " by %.1e: a nearly degenerate second mode, or a guess far from the mode", m.steps(), m.lastChange()));
        }
        return new ModeResult(d.name(), wavelength, g, m, backend.device(), "imaginary-distance propagation on the BPM's ADI kernels, metal walls",
                0, 0, PropagationModes.share(m.field(), core), 0);
    }

    private static BeamPropagator.Result propagateOnce(Design d, double wavelength, PropagationSettings ps, CrossSection cs, BpmGrid g,
            double[] launch, boolean[] region, BeamPropagator.Settings st, ComputeBackend backend, ProgressMonitor monitor, double epsCore,
            double[][] watched) {
        BeamPropagator.Result r;
        PropagationSettings.IndexFunction fn = ps.indexFunction();
        if (ps.taper() == null && (fn == null || !fn.dependsOnZ())) {
            r = propagator(ps, g, watched).propagate(cs, g, launch, region, st, backend, monitor);
        } else {
            // a taper or an index that changes along z: the cross-section (and its core) built anew for
            // every monitor section
            FunctionSampler sampler = fn != null && ps.taper() == null ? new FunctionSampler(d, wavelength, ps, g) : null;
            BeamPropagator.Structure structure = new BeamPropagator.Structure() {
                @Override
                public CrossSection at(double z) {
                    return section(d, wavelength, ps, z, true);
                }

                @Override
                public double sectionLength() {
                    return ps.monitorEvery();
                }

                @Override
                public double[][] sample(double z, BpmGrid grid) {
                    return sampler != null ? sampler.at(z) : BeamPropagator.sample(at(z), grid);
                }
            };
            java.util.function.DoubleFunction<boolean[]> coreAt = z -> coreMask(section(d, wavelength, ps, z, false), g, epsCore);
            r = propagator(ps, g, watched).propagate(structure, g, launch, coreAt, st, backend, monitor);
        }
        return r;
    }

    /** The propagator the design asks for: field model, wide-angle solve and cut, watched modes, splices, fields kept. */
    private static BeamPropagator propagator(PropagationSettings ps, BpmGrid g, double[][] watched) {
        return new BeamPropagator().withPolarization(polarization(ps)).withSplitWideAngle(ps.splitWideAngle()).withBranchCut(ps.branchCut())
                .withFourthOrder(ps.fourthOrder()).watchingModes(watched).withSplices(ps.splices()).withFieldSnapshots(ps.exportFields()).withRegionMonitors(regionMasks(ps, g));
    }

    /** The cells of each user monitor region (cell centres; y = 0 on a 2D run). */
    static boolean[][] regionMasks(PropagationSettings ps, BpmGrid g) {
        boolean[][] m = new boolean[ps.monitors().size()][g.cells()];
        for (int k = 0; k < m.length; k++) {
            org.glassguide.solver.design.Shape region = ps.monitors().get(k).region();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    m[k][i + g.nx() * j] = region.contains(g.x(i), g.is2d() ? 0 : g.y(j));
                }
            }
        }
        return m;
    }

    /** The field the run follows: scalar, quasi-TE (E_x) or quasi-TM (E_y). */
    static FdScalarModeSolver.Polarization polarization(PropagationSettings ps) {
        switch (ps.polarization()) {
            case "te":
                return FdScalarModeSolver.Polarization.QUASI_TE;
            case "tm":
                return FdScalarModeSolver.Polarization.QUASI_TM;
            default:
                return FdScalarModeSolver.Polarization.SCALAR;
        }
    }

    /**
     * eps on the grid for an index formula that changes along z over a fixed structure: the structure's
     * eps is sampled once (4 x 4 sub-samples in each quarter of a cell); each section then evaluates the
     * formula at the quarter centres only (2 x 2 per cell, a 2D grid 2 per cell) and applies the bend
     * there, instead of at all 8 x 8 sub-samples.
     */
    private static final class FunctionSampler {
        private final PropagationSettings ps;
        private final BpmGrid g;
        private final int quarters;
        private final double[][] baseRe;
        private final double[][] baseIm;

        FunctionSampler(Design d, double wavelength, PropagationSettings ps, BpmGrid g) {
            this.ps = ps;
            this.g = g;
            CrossSection plain = FdAnalysis.crossSection(d, wavelength, d.options().allowExtrapolation(), w -> { }, new ArrayList<>());
            quarters = g.is2d() ? 2 : 4;
            baseRe = new double[quarters][g.cells()];
            baseIm = new double[quarters][g.cells()];
            double[] e = new double[2];
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int p = i + g.nx() * j;
                    for (int q = 0; q < quarters; q++) {
                        double sr = 0;
                        double si = 0;
                        int rows = g.is2d() ? 1 : 4;
                        for (int b = 0; b < rows; b++) {
                            for (int a = 0; a < 4; a++) {
                                plain.eps(subX(i, q, a), g.is2d() ? 0 : subY(j, q, b), e);
                                sr += e[0];
                                si += e[1];
                            }
                        }
                        baseRe[q][p] = sr / (4 * rows);
                        baseIm[q][p] = si / (4 * rows);
                    }
                }
            }
        }

        /** x of sub-sample a (of 4) in quarter q of column i. */
        private double subX(int i, int q, int a) {
            return g.x0() + (i + 0.5 * (q % 2) + (a + 0.5) / 8) * g.dx();
        }

        private double subY(int j, int q, int b) {
            return g.y0() + (j + 0.5 * (q / 2) + (b + 0.5) / 8) * g.dy();
        }

        double[][] at(double z) {
            double[][] out = new double[2][g.cells()];
            double[] e = new double[2];
            PropagationSettings.IndexFunction fn = ps.indexFunction();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int p = i + g.nx() * j;
                    for (int q = 0; q < quarters; q++) {
                        double x = g.x0() + (i + 0.25 + 0.5 * (q % 2)) * g.dx();
                        double y = g.is2d() ? 0 : g.y0() + (j + 0.25 + 0.5 * (q / 2)) * g.dy();
                        e[0] = baseRe[q][p];
                        e[1] = baseIm[q][p];
                        fn.apply(x, y, z, e);
                        double f = ps.bendRadius() > 0 ? Math.pow(1 + x / ps.bendRadius(), 2) : 1;
                        out[0][p] += f * e[0] / quarters;
                        out[1][p] += f * e[1] / quarters;
                    }
                }
            }
            return out;
        }
    }

    /** The cross-section at z: tapered, with the index function, bent (unless straight is asked for, to classify the core). */
    private static CrossSection section(Design d, double wavelength, PropagationSettings ps, double z, boolean withBend) {
        CrossSection c = FdAnalysis.crossSection(d, wavelength, d.options().allowExtrapolation(), w -> { }, new ArrayList<>());
        if (ps.taper() != null) {
            c.scaled(ps.taper().at(z));
        }
        PropagationSettings.IndexFunction fn = ps.indexFunction();
        if (fn != null) {
            c.overlay((x, y, e) -> fn.apply(x, y, z, e));
        }
        return withBend && ps.bendRadius() > 0 ? c.bend(ps.bendRadius(), 1) : c;
    }

    /** Cells whose Re eps at the centre reaches epsCore (less 1e-9). */
    private static boolean[] coreMask(CrossSection c, BpmGrid g, double epsCore) {
        boolean[] m = new boolean[g.cells()];
        double[] ee = new double[2];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                c.eps(g.x(i), g.is2d() ? 0 : g.y(j), ee);
                m[i + g.nx() * j] = ee[0] >= epsCore - 1e-9;
            }
        }
        return m;
    }

    /** The mean of several realisations: powers, slices and the end intensity (as a real field, sqrt of the mean). */
    private static BeamPropagator.Result average(List<BeamPropagator.Result> runs) {
        int k = runs.size();
        BeamPropagator.Result f = runs.get(0);
        int nz = runs.stream().mapToInt(r -> r.z().length).min().orElseThrow();
        double[] z = java.util.Arrays.copyOf(f.z(), nz);
        double[] pw = new double[nz];
        double[] rp = new double[nz];
        double[][] slice = new double[nz][f.slice()[0].length];
        double[] inten = new double[f.endField().length / 2];
        double rate = 0;
        boolean cancelled = false;
        for (BeamPropagator.Result r : runs) {
            for (int i = 0; i < nz; i++) {
                pw[i] += r.power()[i] / k;
                rp[i] += r.regionPower()[i] / k;
                for (int x = 0; x < slice[i].length; x++) {
                    slice[i][x] += r.slice()[i][x] / k;
                }
            }
            double[] e = r.endField();
            for (int q = 0; q < inten.length; q++) {
                inten[q] += (e[2 * q] * e[2 * q] + e[2 * q + 1] * e[2 * q + 1]) / k;
            }
            rate += r.cellStepsPerSecond() / k;
            cancelled |= r.cancelled();
        }
        double[] end = new double[2 * inten.length];
        for (int q = 0; q < inten.length; q++) {
            end[2 * q] = Math.sqrt(inten[q]);
        }
        double change = 0;
        for (double p : pw) {
            change = Math.max(change, Math.abs(p - 1));
        }
        double[][] mp = new double[f.modePower().length][nz];
        for (BeamPropagator.Result r : runs) {
            for (int m = 0; m < mp.length; m++) {
                for (int i = 0; i < nz; i++) {
                    mp[m][i] += r.modePower()[m][i] / k;
                }
            }
        }
        // the correlation of each realisation with its own launch: their mean has the same spectrum
        double[] corr = new double[2 * nz];
        for (BeamPropagator.Result r : runs) {
            for (int q = 0; q < corr.length; q++) {
                corr[q] += r.correlation()[q] / k;
            }
        }
        BeamPropagator.StepSolve solve = f.stepSolve();
        for (BeamPropagator.Result r : runs.subList(1, runs.size())) {
            BeamPropagator.StepSolve o = r.stepSolve();
            solve = new BeamPropagator.StepSolve(solve.method(), solve.tolerance(), solve.solves() + o.solves(), solve.iterations() + o.iterations(),
                    Math.max(solve.maxIterations(), o.maxIterations()), Math.max(solve.maxResidual(), o.maxResidual()));
        }
        // user regions: the mean power; field snapshots: the first realisation's (one field of the ensemble)
        double[][] regions = new double[f.kept().regionPowers().length][nz];
        for (BeamPropagator.Result r : runs) {
            for (int m = 0; m < regions.length; m++) {
                for (int i = 0; i < nz; i++) {
                    regions[m][i] += r.kept().regionPowers()[m][i] / k;
                }
            }
        }
        return new BeamPropagator.Result(f.grid(), f.referenceIndex(), z, pw, rp, end, change, rate, slice,
                cancelled, mp, corr, solve, new BeamPropagator.Kept(f.snapshots(), regions));
    }

    private static double[] launch(PropagationSettings ps, CrossSection cs, CrossSection plain, BpmGrid g, double wavelength, double nMax,
            int pmlCells, boolean[] core, Consumer<String> sink, ProgressMonitor monitor) {
        PropagationSettings.Launch l = ps.launch();
        if (l.kind().equals("gaussian")) {
            double halfW = 0.5 * ps.windowWidth() - ps.pml();
            if (Math.abs(l.x()) + 2 * l.waist() > halfW || (!ps.is2d() && Math.abs(l.y()) + 2 * l.waist() > 0.5 * ps.windowHeight() - ps.pml())) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.launch.gaussian.waist", Units.nm(l.waist()) + " nm",
                        "a beam whose 2-waist radius stays inside the window less the PML (half width " + Units.nm(halfW) + " nm)");
            }
            double[] e = new double[2];
            cs.eps(l.x(), l.y(), e);
            return Launch.gaussian(g, wavelength, Math.sqrt(Math.max(e[0], 1)), l.waist(), l.x(), l.y(), l.tiltDegrees(), l.azimuthDegrees());
        }
        if (l.kind().equals("plane-wave")) {
            if (Math.abs(l.x()) + 1.2 * l.waist() > 0.5 * ps.windowWidth() - ps.pml()) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.launch.plane-wave.width", Units.nm(2 * l.waist()) + " nm",
                        "a width inside the window less the PML");
            }
            double[] e = new double[2];
            cs.eps(l.x(), l.y(), e);
            return Launch.planeWave(g, wavelength, Math.sqrt(Math.max(e[0], 1)), l.waist(), l.x(), l.y(), l.tiltDegrees(), l.azimuthDegrees());
        }
        if (l.kind().equals("partially-coherent")) {
            if (Math.abs(l.x()) + l.waist() > 0.5 * ps.windowWidth() - ps.pml()) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "propagation.launch.partially-coherent.diameter", Units.nm(2 * l.waist())
                        + " nm", "a source inside the window less the PML");
            }
            return null; // the realisations are drawn by the caller
        }
        PropagationModes.Chosen c = PropagationModes.mode(cs, plain, ps.bendRadius(), g, wavelength, nMax, l.mode(), pmlCells,
                polarization(ps), core, sink, cancelOnly(monitor));
        FdScalarModeSolver.Mode m = c.mode();
        String solver = g.is2d() ? "slab (1D)" : "2D";
        if (ps.bendRadius() > 0) {
            sink.accept(String.format(Locale.ROOT, "note: launched bend mode %d of the %s mode solver with the PML on: n_eff = %.8f%+.3ei"
                    + " (%.4g dB/cm), sought next to the straight guide's n_eff %.6f; overlap with that mode %.3f, %.2g of |psi|^2 in the PML",
                    l.mode(), solver, m.nEff(), m.nEffImag(), m.lossDbPerMetre(wavelength) / 100, c.straightNEff(), c.overlap(), c.pmlFraction()));
        } else {
            sink.accept(String.format(Locale.ROOT, "note: launched mode %d of the %s mode solver, n_eff = %.8f", l.mode(), solver, m.nEff()));
        }
        warnIfLoose(c, sink);
        return m.field();
    }

    /**
     * A rotated branch cut damps evanescent waves but makes the Pade (2,2) step amplify steep propagating light a
     * little each step: before the run, the gain over the light's range of k_perp (the same sinMax the sampling rule
     * uses; n_ref taken as the lowest index, the worst case) compounded over the run's steps; above 0.1 % a warning
     * names it and what to change.
     */
    private static void warnRotatedCutGain(PropagationSettings ps, WideAngle wa, double wavelength, double sinMax, double nMin,
            Consumer<String> sink) {
        if (wa == WideAngle.PARAXIAL) {
            return;
        }
        double alpha = new BeamPropagator().withBranchCut(ps.branchCut()).branchCut();
        if (alpha == 0) {
            return;
        }
        double nRef = Double.isNaN(ps.referenceIndex()) ? nMin : ps.referenceIndex();
        double kRef = 2 * Math.PI / wavelength * nRef;
        double xMin = -Math.min(1, (sinMax / nRef) * (sinMax / nRef));
        double perStep = wa.maxGainPerStep(ps.dz(), kRef, alpha, xMin);
        double steps = Math.ceil(ps.length() / ps.dz());
        double total = Math.pow(1 + perStep, 2 * steps) - 1;
        if (total > 1e-3) {
            sink.accept(String.format(Locale.ROOT, "warning: the rotated branch cut (%.0f deg) makes the %s step amplify light up to sin(theta) = %.2f"
                    + " by up to %.1e in power per step, %.2g over this run: steep light gains power that is not there; use wide-angle: pade11,"
                    + " a smaller branch-cut (0 deg, the default, conserves power exactly) or a shorter dz",
                    Math.toDegrees(alpha), ps.wideAngle(), sinMax, Math.pow(1 + perStep, 2) - 1, total));
        }
    }

    /** A launched or found mode holding little of its power in the core: the bend (or the guide) barely guides it. */
    private static void warnIfLoose(PropagationModes.Chosen c, Consumer<String> sink) {
        if (c.coreFraction() < LOOSE_CORE_FRACTION) {
            sink.accept(String.format(Locale.ROOT, "warning: the mode holds only %.1f %% of |psi|^2 in the core: it is mostly field outside the"
                    + " guide (near cutoff, or a bend this tight radiates it), so its loss and n_eff depend on the window and PML", 100 * c.coreFraction()));
        }
    }

    /** The core share of |psi|^2 below which a mode counts as barely guided (a warning, not a refusal). */
    static final double LOOSE_CORE_FRACTION = 0.2;

    /**
     * The end face's far field: |F(k_x, k_y)|^2 by FFT (zero-padded to at least twice the window; summed
     * over the realisations of a partially coherent source), each plane wave's power weighted by its obliquity
     * k_z / k = cos(theta) in the medium at the face (index nFace: the power a plane wave carries across the face is
     * |F|^2 cos(theta), evanescent ones carry none), the
     * measured NA = the k_perp / k0 holding 95 % of the power; far[0] gets a map over [-limit, limit]^2
     * (or a line in 2D) of 128 points a side for the report.
     */
    static double farField(List<double[]> fields, BpmGrid g, double wavelength, double nFace, double limit, double[][] far) {
        int m = Integer.highestOneBit(Math.max(g.nx(), g.ny()) * 2 - 1) << 1;
        m = Math.max(m, 64);
        double[][] f = null;
        double[] spectrum = null;
        for (double[] field : fields) {
            f = Fft.transform2d(field, g.nx(), g.ny(), m);
            if (spectrum == null) {
                spectrum = new double[f[0].length];
            }
            for (int q = 0; q < spectrum.length; q++) {
                spectrum[q] += f[0][q] * f[0][q] + f[1][q] * f[1][q];
            }
        }
        double k0 = 2 * Math.PI / wavelength;
        int rows = g.is2d() ? 1 : m;
        double[] kp = new double[m * rows];
        double[] pw = new double[m * rows];
        double total = 0;
        for (int b = 0; b < rows; b++) {
            double ky = g.is2d() ? 0 : Fft.angularFrequency(b, m, g.dy());
            for (int a = 0; a < m; a++) {
                double kx = Fft.angularFrequency(a, m, g.dx());
                int q = a + m * b;
                kp[q] = Math.hypot(kx, ky) / k0;
                double sin = kp[q] / nFace;
                pw[q] = sin < 1 ? spectrum[q] * Math.sqrt(1 - sin * sin) : 0;
                total += pw[q];
            }
        }
        Integer[] order = new Integer[kp.length];
        for (int q = 0; q < order.length; q++) {
            order[q] = q;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(q -> kp[q]));
        double acc = 0;
        double na = Double.NaN;
        for (int q : order) {
            acc += pw[q];
            if (acc >= 0.95 * total) {
                na = kp[q];
                break;
            }
        }
        int pts = 128;
        double[] map = new double[g.is2d() ? pts : pts * pts];
        for (int b = 0; b < rows; b++) {
            double sy = g.is2d() ? 0 : Fft.angularFrequency(b, m, g.dy()) / k0;
            for (int a = 0; a < m; a++) {
                double sx = Fft.angularFrequency(a, m, g.dx()) / k0;
                int px = (int) Math.floor((sx + limit) / (2 * limit) * pts);
                int py = g.is2d() ? 0 : (int) Math.floor((sy + limit) / (2 * limit) * pts);
                if (px < 0 || px >= pts || py < 0 || (!g.is2d() && py >= pts)) {
                    continue;
                }
                map[px + pts * py] += pw[a + m * b];
            }
        }
        far[0] = map;
        return na;
    }

    /** The analysis' name, as a design lists it. */
    public static final String NAME = "bpm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String section() {
        return PropagationSettings.SECTION;
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        return PropagationSectionReader.readPropagation(node);
    }

    @Override
    public boolean usesComputeBackend() {
        return true;
    }

    /**
     * Every design wavelength on the context's backend, in the design's precision; a cancelled propagation cancels the
     * run (a run's folder is whole or absent; `glassguide bpm` keeps a cancelled run's part through {@link #run(Design,
     * double, ComputeBackend, Precision, int, Consumer, ProgressMonitor)}).
     */
    @Override
    public List<Result> run(Design design, AnalysisContext context) {
        List<Result> results = new ArrayList<>();
        for (double wl : design.wavelengths()) {
            Result r = run(design, wl, context.backend(), null, context.threads(), context.warnings(), context.progress());
            if (r.run().cancelled()) {
                throw new ProgressMonitor.CancelledException();
            }
            results.add(r);
        }
        return results;
    }

    @Override
    public List<Map<String, Double>> outputs(List<Result> results) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (Result r : results) {
            BeamPropagator.Result b = r.run();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("wavelengthM", r.wavelength());
            m.put("lossDbPerCm", b.regionLossDbPerCm());
            m.put("powerChange", b.powerChange());
            m.put("measuredNA", r.measuredNa());
            m.put("referenceIndex", b.referenceIndex());
            rows.add(m);
        }
        return rows;
    }
}
