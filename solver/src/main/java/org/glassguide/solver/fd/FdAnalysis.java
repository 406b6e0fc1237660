package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.glassguide.materials.ComplexIndex;
import org.glassguide.materials.Material;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.Warnings;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.SolverSettings;
import org.glassguide.solver.design.WaveguideStructure;
import org.glassguide.solver.radial.ModeReport;

/**
 * Runs the 2D scalar finite-difference solver on a design at one wavelength: the cross-section is
 * painted from the materials' complex indices (a fiber becomes concentric discs in its outermost
 * layer), the grid is checked for resolution and the PML for thickness, and each mode is reported
 * with its complex n_eff, loss, effective area and the power fraction in the highest-index material
 * (the core).
 */
public final class FdAnalysis {
    /** At least this many grid points per wavelength in the highest-index material. */
    public static final double MIN_POINTS_PER_WAVELENGTH = 10;

    public FdAnalysisResult analyse(Design d, double wavelength, SolverSettings st, boolean allowExtrapolation,
            Consumer<String> warnings, ProgressMonitor monitor) {
        List<String> notes = new ArrayList<>();
        Consumer<String> sink = Warnings.deduplicating(notes, warnings);
        List<Material> materials = new ArrayList<>();
        CrossSection cs = crossSection(d, wavelength, allowExtrapolation, sink, materials);
        boolean bent = st.bendRadius() > 0;
        if (bent) {
            cs.bend(st.bendRadius(), st.bendStressFactor());
            if (st.pml() == 0) {
                sink.accept("warning: a bend without a PML (solver.pml: 0) cannot radiate: its loss will read zero");
            }
        }
        double nMax = 0;
        double nMin = Double.MAX_VALUE;
        for (Material m : materials) {
            double n = m.index().n(wavelength);
            nMax = Math.max(nMax, n);
            nMin = Math.min(nMin, n);
        }
        double ppw = wavelength / (nMax * st.step());
        if (ppw < MIN_POINTS_PER_WAVELENGTH) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "solver.step", Units.nm(st.step()) + " nm",
                    String.format(java.util.Locale.ROOT, "at most %s nm: %.1f points per wavelength in the n = %.4f material, %.0f needed",
                            Units.nm(wavelength / (nMax * MIN_POINTS_PER_WAVELENGTH)), ppw, nMax, MIN_POINTS_PER_WAVELENGTH));
        }
        if (st.pml() > 0 && st.pml() < wavelength) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "solver.pml", Units.nm(st.pml()) + " nm",
                    "0 (metal walls) or at least one wavelength (" + Units.nm(wavelength) + " nm): a thinner PML reflects");
        }
        if (2 * st.pml() + 4 * st.step() >= Math.min(st.windowWidth(), st.windowHeight())) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "solver.window", Units.nm(st.windowWidth()) + " x "
                    + Units.nm(st.windowHeight()) + " nm", "larger than twice the PML (" + Units.nm(st.pml()) + " nm) plus the guide");
        }
        double target = Double.isNaN(st.target()) ? nMax : st.target();
        if (bent && Double.isNaN(st.target())) {
            // a bend's equivalent index grows outwards, so the highest index sits in the PML: look
            // instead next to the straight guide's fundamental mode
            SolverSettings straight = st.withBendRadius(0);
            Design s = d.with(d.analyses(), d.options(), straight);
            target = analyse(s, wavelength, straight, allowExtrapolation, w -> { }, monitor).listed().get(0).nEff();
            sink.accept(String.format(java.util.Locale.ROOT, "note: bend R = %s um at %s nm: modes sought next to the straight guide's"
                    + " n_eff %.6f; radiation reaches the PML by design, so widen solver.window until the loss settles",
                    Units.trim(String.format(java.util.Locale.ROOT, "%.3f", st.bendRadius() * 1e6)), Units.nm(wavelength), target));
        }
        if (!bent && !(target >= nMin && target <= nMax * 1.001)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "solver.target", target,
                    String.format(java.util.Locale.ROOT, "an index between the lowest (%.4f) and highest (%.4f) in the structure", nMin, nMax));
        }
        FdScalarModeSolver.Grid full = FdScalarModeSolver.Grid.centred(st.windowWidth(), st.windowHeight(), st.step());
        // with the x mirror, the right half of the window: the left edge sits on x = 0
        FdScalarModeSolver.Grid grid = st.evenX() ? new FdScalarModeSolver.Grid(0, full.y0(), full.dx(), full.dy(),
                Math.max(3, full.nx() / 2), full.ny()) : full;
        int cells = (int) Math.round(st.pml() / st.step());
        int wanted = Math.max(1, st.modes());
        double[] bgEps = new double[2];
        cs.eps(Double.MAX_VALUE, Double.MAX_VALUE, bgEps);
        double bg = bgEps[0];
        // below a background that is the lowest index there are only radiation modes
        double radiationBelow = !bent && Math.sqrt(bg) <= nMin + 1e-12 ? Math.sqrt(bg) : Double.NEGATIVE_INFINITY;
        FdScalarModeSolver.Polarization pol = !st.kind().equals("fd-semivector") ? FdScalarModeSolver.Polarization.SCALAR
                : st.polarization().equals("tm") ? FdScalarModeSolver.Polarization.QUASI_TM : FdScalarModeSolver.Polarization.QUASI_TE;
        FdScalarModeSolver fdSolver = new FdScalarModeSolver().withPolarization(pol);
        if (st.evenX()) {
            fdSolver = fdSolver.withEvenMirrorAtLeftEdge();
        }
        List<FdScalarModeSolver.Mode> modes = fdSolver.solve(cs, wavelength, grid,
                new FdScalarModeSolver.Pml(cells, 8), wanted, target, radiationBelow, monitor);
        int n = grid.nx() * grid.ny();
        // guiding regions are classified on the straight cross-section (a bend tilts every index)
        CrossSection plain = bent ? crossSection(d, wavelength, allowExtrapolation, w -> { }, new ArrayList<>()) : cs;
        double[][] eps = plain.sample(grid.x0(), grid.y0(), grid.dx(), grid.dy(), grid.nx(), grid.ny(), 8);
        double epsTop = -Double.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            epsTop = Math.max(epsTop, eps[0][p]);
        }
        double[] indexMap = new double[n];
        for (int p = 0; p < n; p++) {
            indexMap[p] = Math.sqrt(Math.max(eps[0][p], 0));
        }
        List<ModeReport> reports = new ArrayList<>();
        List<double[]> intensities = new ArrayList<>();
        double da = grid.dx() * grid.dy();
        int dropped = 0;
        for (FdScalarModeSolver.Mode m : modes) {
            if (m.pmlFraction() >= 0.5 || m.nEff() < radiationBelow) {
                dropped++;
                continue;
            }
            int q = reports.size();
            if (!bent && m.pmlFraction() > 1e-3) {
                sink.accept(String.format(java.util.Locale.ROOT, "warning: mode FD%d at %s nm has %.2g of its power in the PML:"
                        + " unless it leaks by nature, its loss is the PML's; enlarge solver.window", q + 1, Units.nm(wavelength),
                        m.pmlFraction()));
            }
            double[] f = m.field();
            double[] inten = new double[n];
            double s2 = 0;
            double s4 = 0;
            double guide = 0;
            double peak = 0;
            for (int p = 0; p < n; p++) {
                double v = f[2 * p] * f[2 * p] + f[2 * p + 1] * f[2 * p + 1];
                inten[p] = v;
                s2 += v * da;
                s4 += v * v * da;
                if (eps[0][p] >= epsTop - 1e-9) {
                    guide += v * da;
                }
                peak = Math.max(peak, v);
            }
            for (int p = 0; p < n; p++) {
                inten[p] /= peak;
            }
            double confinement = guide / s2;
            double loss = m.lossDbPerMetre(wavelength) / 100;
            // with the x mirror both integrals cover half the field: the full A_eff is twice the half's
            double aEff = (st.evenX() ? 2 : 1) * s2 * s2 / s4;
            reports.add(new ModeReport("FD" + (q + 1), -1, q + 1, m.nEff(), m.nEffImag(), loss, aEff, confinement, Double.NaN,
                    new double[] {confinement, 1 - confinement}));
            intensities.add(inten);
        }
        if (dropped > 0) {
            sink.accept("note: " + dropped + " PML or radiation mode(s) near the target were left out at " + Units.nm(wavelength) + " nm");
        }
        if (reports.isEmpty()) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "2D mode solver", String.format(java.util.Locale.ROOT,
                    "the %d modes nearest n_eff = %.5f at %s nm live in the PML or the cladding continuum; set solver.target nearer the"
                    + " mode you expect (below the background index for holey guides) or ask for more modes", modes.size(), target,
                    Units.nm(wavelength)));
        }
        String solverName = st.kind().equals("fd-semivector") ? "fd-semivector-" + st.polarization() : st.kind();
        return new FdAnalysisResult(solverName, wavelength, grid, reports, intensities, indexMap, notes);
    }

    /** The cross-section of a design: shapes over a background, or a fiber's layers as discs in its outermost layer. */
    static CrossSection crossSection(Design d, double wavelength, boolean allowExtrapolation, Consumer<String> warnings,
            List<Material> used) {
        if (d.waveguide() != null) {
            WaveguideStructure w = d.waveguide();
            ComplexIndex b = w.background().complexIndex(wavelength, allowExtrapolation, warnings);
            used.add(w.background());
            CrossSection cs = new CrossSection(b.n(), b.k());
            for (WaveguideStructure.Painting p : w.shapes()) {
                if (p instanceof WaveguideStructure.PaintedShape) {
                    WaveguideStructure.PaintedShape s = (WaveguideStructure.PaintedShape) p;
                    ComplexIndex c = s.material().complexIndex(wavelength, allowExtrapolation, warnings);
                    used.add(s.material());
                    cs.paint(s.shape(), c.n(), c.k());
                } else {
                    WaveguideStructure.PaintedMap m = (WaveguideStructure.PaintedMap) p;
                    int maxId = m.materials().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
                    double[] n = new double[maxId + 1];
                    double[] k = new double[maxId + 1];
                    for (java.util.Map.Entry<Integer, Material> e : m.materials().entrySet()) {
                        ComplexIndex c = e.getValue().complexIndex(wavelength, allowExtrapolation, warnings);
                        used.add(e.getValue());
                        n[e.getKey()] = c.n();
                        k[e.getKey()] = c.k();
                    }
                    cs.paint(new CrossSection.IndexMap(m.x0(), m.x1(), m.y0(), m.y1(), m.ids(), n, k));
                }
            }
            return cs;
        }
        FiberStructure f = d.fiber();
        int last = f.layers().size() - 1;
        ComplexIndex outer = f.layers().get(last).material().complexIndex(wavelength, allowExtrapolation, warnings);
        used.add(f.layers().get(last).material());
        CrossSection cs = new CrossSection(outer.n(), outer.k());
        for (int i = last - 1; i >= 0; i--) {
            if (f.layers().get(i).isGraded()) {
                throw new GlassGuideException(Messages.BAD_CHOICE, "solver.kind", d.solver().kind(),
                        "radial for graded layers (the 2D solver paints uniform shapes)");
            }
            ComplexIndex c = f.layers().get(i).material().complexIndex(wavelength, allowExtrapolation, warnings);
            used.add(f.layers().get(i).material());
            cs.paint(new Shape.Circle(0, 0, f.layers().get(i).outerRadius()), c.n(), c.k());
        }
        return cs;
    }
}
