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
 * Runs a 2D finite-difference solver (scalar, semi-vectorial or full-vectorial) on a design at one wavelength: the cross-section is
 * painted from the materials' complex indices (a fiber becomes concentric discs in its outermost
 * layer), the grid is checked for resolution and the PML for thickness, and each mode is reported
 * with its complex n_eff, loss, effective area and the power fraction in the highest-index material
 * (the core).
 */
public final class FdAnalysis {
    /** At least this many grid points per wavelength in the highest-index material. */
    public static final double MIN_POINTS_PER_WAVELENGTH = 10;

    private final java.util.function.Consumer<EigenStatistics> statistics;

    public FdAnalysis() {
        this(s -> { });
    }

    private FdAnalysis(java.util.function.Consumer<EigenStatistics> statistics) {
        this.statistics = statistics;
    }

    /** An analysis that reports every eigen-solve's cost (one per symmetry class, and per re-solve) to the consumer. */
    public FdAnalysis withStatistics(java.util.function.Consumer<EigenStatistics> sink) {
        return new FdAnalysis(sink);
    }

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
        // the PML must span a wavelength of the light it absorbs: lambda / n in the lowest-index material
        double inMedium = wavelength / nMin;
        if (st.pml() > 0 && st.pml() < inMedium) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "solver.pml", Units.nm(st.pml()) + " nm",
                    String.format(java.util.Locale.ROOT, "0 (metal walls) or at least one wavelength in the n = %.4f material (%s nm):"
                            + " a thinner PML reflects", nMin, Units.nm(inMedium)));
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
            double[] edge = new double[2];
            crossSection(d, wavelength, allowExtrapolation, w -> { }, new ArrayList<>()).eps(0.5 * st.windowWidth(), 0, edge);
            String caustic = pmlInsideCaustic("solver.window", st.bendRadius() * st.bendStressFactor(), target, Math.sqrt(Math.max(edge[0], 1e-12)),
                    0.5 * st.windowWidth(), st.pml());
            if (caustic != null) {
                sink.accept(caustic);
            }
            sink.accept(String.format(java.util.Locale.ROOT, "note: bend R = %s um at %s nm: modes sought next to the straight guide's"
                    + " n_eff %.6f; radiation reaches the PML by design, so widen solver.window until the loss settles",
                    Units.trim(String.format(java.util.Locale.ROOT, "%.3f", st.bendRadius() * 1e6)), Units.nm(wavelength), target));
        }
        if (!bent && !(target >= nMin && target <= nMax * 1.001)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "solver.target", target,
                    String.format(java.util.Locale.ROOT, "an index between the lowest (%.4f) and highest (%.4f) in the structure", nMin, nMax));
        }
        FdScalarModeSolver.Grid full = FdScalarModeSolver.Grid.centred(st.windowWidth(), st.windowHeight(), st.step());
        boolean vector = st.kind().equals("fd-vector");
        boolean[] pmlOn = {st.pmlOn("left"), st.pmlOn("right"), st.pmlOn("bottom"), st.pmlOn("top")};
        // the symmetry classes: a mirror (parity or wall kind) or none on x = 0 and on y = 0
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        String symmetry;
        if (st.symmetry().equals("auto")) {
            MirrorSymmetry.Planes planes = MirrorSymmetry.detect(cs, full, pmlOn);
            // an odd number of cells puts a plane inside a column (row): one more cell, half a step on each side, puts it on
            // an edge; taken when the plane is then a mirror, as a mode solver snaps its mesh to a symmetry plane
            if (full.nx() % 2 == 1 || (full.ny() % 2 == 1 && !full.isSlab())) {
                FdScalarModeSolver.Grid even = FdScalarModeSolver.Grid.centred((full.nx() + full.nx() % 2) * full.dx(),
                        (full.ny() + (full.isSlab() ? 0 : full.ny() % 2)) * full.dy(), full.dx());
                MirrorSymmetry.Planes widened = MirrorSymmetry.detect(cs, even, pmlOn);
                if (widened.classes() > planes.classes()) {
                    sink.accept(String.format(java.util.Locale.ROOT, "note: solver.window widened from %s x %s um to %s x %s um (%d x %d cells) so"
                            + " that the mirror plane%s fall%s on cell edges", um(full.nx() * full.dx()), um(full.ny() * full.dy()),
                            um(even.nx() * even.dx()), um(even.ny() * even.dy()), even.nx(), even.ny(), widened.x() && widened.y() ? "s" : "",
                            widened.x() && widened.y() ? "" : "s"));
                    full = even;
                    planes = widened;
                }
            }
            xs.addAll(planes.x() ? (vector ? List.of("pec", "pmc") : List.of("even", "odd")) : List.of("none"));
            ys.addAll(planes.y() ? (vector ? List.of("pec", "pmc") : List.of("even", "odd")) : List.of("none"));
            symmetry = planes.classes() == 1 ? "none found" + (planes.reason().isEmpty() ? "" : ": " + planes.reason())
                    : String.format(java.util.Locale.ROOT, "mirror plane%s %s: %d classes, each on a %s of the window%s",
                            planes.x() && planes.y() ? "s" : "", planes.x() && planes.y() ? "x = 0 and y = 0" : planes.x() ? "x = 0" : "y = 0",
                            planes.classes(), planes.classes() == 4 ? "quarter" : "half", planes.reason().isEmpty() ? "" : " (" + planes.reason() + ")");
        } else {
            xs.add(vector ? st.wallX() : st.evenX() ? "even" : "none");
            ys.add(vector ? st.wallY() : "none");
            symmetry = st.symmetry().equals("none") ? "none (solver.symmetry: none)" : "solver.symmetry: " + st.symmetry() + " (that class only)";
        }
        if (bent && !xs.get(0).equals("none")) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "solver.symmetry", st.symmetry(), "none or a y wall for a bend (it breaks the x mirror)");
        }
        // a mirror plane at x = 0 (y = 0) keeps the right (upper) half of the window, the plane on its edge
        boolean halfX = !xs.get(0).equals("none");
        boolean halfY = !ys.get(0).equals("none");
        FdScalarModeSolver.Grid part = new FdScalarModeSolver.Grid(halfX ? 0 : full.x0(), halfY ? 0 : full.y0(), full.dx(), full.dy(),
                halfX ? Math.max(3, full.nx() / 2) : full.nx(), halfY ? Math.max(3, full.ny() / 2) : full.ny());
        int unfold = (halfX ? 2 : 1) * (halfY ? 2 : 1);
        // every mode is reported on the whole window: the part unfolded across its mirror edges
        FdScalarModeSolver.Grid grid = new FdScalarModeSolver.Grid(halfX ? -part.nx() * part.dx() : part.x0(),
                halfY ? -part.ny() * part.dy() : part.y0(), part.dx(), part.dy(), halfX ? 2 * part.nx() : part.nx(),
                halfY ? 2 * part.ny() : part.ny());
        int cells = (int) Math.round(st.pml() / st.step());
        int wanted = Math.max(1, st.modes());
        double[] bgEps = new double[2];
        cs.eps(Double.MAX_VALUE, Double.MAX_VALUE, bgEps);
        double bg = bgEps[0];
        // below a background that is the lowest index there are only radiation modes
        double radiationBelow = !bent && Math.sqrt(bg) <= nMin + 1e-12 ? Math.sqrt(bg) : Double.NEGATIVE_INFINITY;
        int classCount = xs.size() * ys.size();
        double sigma = target * target;
        double targetIndex = target;
        FdScalarModeSolver.Polarization pol = !st.kind().equals("fd-semivector") ? FdScalarModeSolver.Polarization.SCALAR
                : st.polarization().equals("tm") ? FdScalarModeSolver.Polarization.QUASI_TM : FdScalarModeSolver.Polarization.QUASI_TE;
        MirrorSymmetry.ClassSolver<Found> classSolver = (c, mon) -> {
            String mx = xs.get(c % xs.size());
            String my = ys.get(c / xs.size());
            if (vector) {
                FdVectorModeSolver.Walls walls = new FdVectorModeSolver.Walls(FdVectorModeSolver.Wall.PEC, FdVectorModeSolver.Wall.PEC,
                        FdVectorModeSolver.Wall.PEC, FdVectorModeSolver.Wall.PEC, pmlOn[0], pmlOn[1], pmlOn[2], pmlOn[3]);
                FdVectorModeSolver.Wall wx = mx.equals("none") ? null : mx.equals("pec") ? FdVectorModeSolver.Wall.PEC : FdVectorModeSolver.Wall.PMC;
                FdVectorModeSolver.Wall wy = my.equals("none") ? null : my.equals("pec") ? FdVectorModeSolver.Wall.PEC : FdVectorModeSolver.Wall.PMC;
                if (wx != null) {
                    walls = walls.withLeftMirror(wx);
                }
                if (wy != null) {
                    walls = walls.withBottomMirror(wy);
                }
                ModeSearch<FdVectorModeSolver.Mode> search = new FdVectorModeSolver().withStatistics(statistics).search(cs, wavelength, part,
                        walls, cells, wanted, targetIndex, radiationBelow, unfold, mon);
                return (count, m2) -> {
                    List<Found> out = new ArrayList<>();
                    for (FdVectorModeSolver.Mode m : search.nearest(count, m2)) {
                        out.add(Found.of(unfold > 1 ? MirrorSymmetry.unfold(m, part.nx(), part.ny(), wx, wy) : m, grid, c));
                    }
                    return out;
                };
            }
            FdScalarModeSolver.Mirror px = parity(mx);
            FdScalarModeSolver.Mirror py = parity(my);
            ModeSearch<FdScalarModeSolver.Mode> search = new FdScalarModeSolver().withPolarization(pol)
                    .withPmlOn(pmlOn[0], pmlOn[1], pmlOn[2], pmlOn[3]).withMirrors(px, py).withStatistics(statistics)
                    .search(cs, wavelength, part, new FdScalarModeSolver.Pml(cells, 8), wanted, targetIndex, radiationBelow, mon);
            return (count, m2) -> {
                List<Found> out = new ArrayList<>();
                for (FdScalarModeSolver.Mode m : search.nearest(count, m2)) {
                    out.add(Found.of(unfold > 1 ? MirrorSymmetry.unfold(m, part.nx(), part.ny(), px, py) : m, grid, c));
                }
                return out;
            };
        };
        List<Found> modes = new ArrayList<>();
        for (MirrorSymmetry.Labelled<Found> l : MirrorSymmetry.nearest(classCount, wanted, classSolver, f -> f.distance(sigma), monitor)) {
            modes.add(l.mode());
        }
        modes = ordered(modes);
        List<String> classLabels = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            String mx = xs.get(c % xs.size());
            String my = ys.get(c / xs.size());
            List<String> words = new ArrayList<>();
            if (!mx.equals("none")) {
                words.add(vector ? "x-" + mx : mx + "-x");
            }
            if (!my.equals("none")) {
                words.add(vector ? "y-" + my : my + "-y");
            }
            classLabels.add(String.join(" ", words));
        }
        int n = grid.nx() * grid.ny();
        // guiding regions are classified on the straight cross-section (a bend tilts every index)
        CrossSection plain = bent ? crossSection(d, wavelength, allowExtrapolation, w -> { }, new ArrayList<>()) : cs;
        double[][] eps = plain.sample(grid.x0(), grid.y0(), grid.dx(), grid.dy(), grid.nx(), grid.ny(), 8);
        // no glass with gain (Im eps < 0): a computed gain of a mode is numerical
        boolean passive = java.util.Arrays.stream(eps[1]).allMatch(v -> v >= 0);
        // regions (materials) by the cell centres, highest index first
        java.util.Map<String, Double> regionEps = new java.util.HashMap<>();
        int[] regionOf = new int[grid.nx() * grid.ny()];
        String[] cellLabel = new String[regionOf.length];
        double[] e = new double[2];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.x0() + (i + 0.5) * grid.dx();
                double y = grid.y0() + (j + 0.5) * grid.dy();
                String label = plain.regionAt(x, y);
                cellLabel[i + grid.nx() * j] = label == null ? "other" : label;
                plain.eps(x, y, e);
                regionEps.merge(cellLabel[i + grid.nx() * j], e[0], Math::max);
            }
        }
        List<String> regions = new ArrayList<>(regionEps.keySet());
        regions.sort(java.util.Comparator.comparingDouble((String r) -> -regionEps.get(r)).thenComparing(r -> r));
        for (int p = 0; p < regionOf.length; p++) {
            regionOf[p] = regions.indexOf(cellLabel[p]);
        }
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
        List<FdVectorModeSolver.Mode> vectorModes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Found m : modes) {
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
            double[] inten = m.intensity().clone();
            double s2 = 0;
            double s4 = 0;
            double flux = 0;
            double guide = 0;
            double peak = 0;
            for (int p = 0; p < n; p++) {
                double v = inten[p];
                s2 += v * da;
                s4 += v * v * da;
                flux += m.flux()[p] * da;
                if (eps[0][p] >= epsTop - 1e-9) {
                    guide += m.flux()[p] * da;
                }
                peak = Math.max(peak, v);
            }
            for (int p = 0; p < n; p++) {
                inten[p] /= peak;
            }
            double confinement = guide / flux;
            double[] fractions = new double[regions.size()];
            for (int p = 0; p < n; p++) {
                fractions[regionOf[p]] += m.flux()[p] * da / flux;
            }
            double loss = passive ? org.glassguide.solver.ModalLoss.passiveDbPerMetre("FD" + (q + 1), m.nEff(), m.nEffImag(), wavelength, sink) / 100
                    : m.lossDbPerMetre(wavelength) / 100;
            double aEff = s2 * s2 / s4;
            reports.add(new ModeReport("FD" + (q + 1), -1, q + 1, m.nEff(), m.nEffImag(), loss, aEff, confinement, Double.NaN,
                    fractions));
            intensities.add(inten);
            labels.add(classLabels.get(m.symmetryClass()));
            if (m.vector() != null) {
                vectorModes.add(m.vector());
            }
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
        return new FdAnalysisResult(solverName, wavelength, grid, reports, intensities, indexMap, vectorModes, regions, notes, symmetry,
                labels);
    }

    private static String um(double metres) {
        return Units.trim(String.format(java.util.Locale.ROOT, "%.4f", metres * 1e6));
    }

    private static FdScalarModeSolver.Mirror parity(String word) {
        return word.equals("none") ? FdScalarModeSolver.Mirror.NONE : word.equals("even") ? FdScalarModeSolver.Mirror.EVEN
                : FdScalarModeSolver.Mirror.ODD;
    }

    /**
     * Highest n_eff first; the partners of a degenerate pair (from two classes, or canonicalised in one) in the order
     * the solvers give them: lobes along x (x-polarised) before lobes along y (y-polarised).
     */
    private static List<Found> ordered(List<Found> modes) {
        List<Found> out = new ArrayList<>(modes);
        out.sort(java.util.Comparator.comparingDouble(Found::nEff).reversed());
        for (int q = 0; q + 1 < out.size(); q++) {
            Found a = out.get(q);
            Found b = out.get(q + 1);
            // degenerate to rounding (mirror-image classes agree to about 1e-14): a split the solve resolves keeps n_eff order
            boolean degenerate = Math.hypot(a.nEff() - b.nEff(), a.nEffImag() - b.nEffImag()) <= 1e-11 * Math.abs(a.nEff());
            if (degenerate && b.pairKey() > a.pairKey() + 1e-9) {
                out.set(q, b);
                out.set(q + 1, a);
            }
        }
        return out;
    }

    /**
     * A solver's mode as the analysis sees it: |E|^2 and the power flux density S_z on the cells
     * (the scalar field's |psi|^2 serves as both), and the vector mode when there is one.
     */
    private record Found(double nEff, double nEffImag, double pmlFraction, double[] intensity, double[] flux,
            FdVectorModeSolver.Mode vector, int symmetryClass, double pairKey) {
        /** On the whole window's grid; pairKey: int (x^2 - y^2) |psi|^2 / int (x^2 + y^2) |psi|^2 about the centre. */
        static Found of(FdScalarModeSolver.Mode m, FdScalarModeSolver.Grid g, int symmetryClass) {
            double[] f = m.field();
            double[] in = new double[f.length / 2];
            for (int p = 0; p < in.length; p++) {
                in[p] = f[2 * p] * f[2 * p] + f[2 * p + 1] * f[2 * p + 1];
            }
            double num = 0;
            double den = 0;
            double xc = g.x0() + 0.5 * g.nx() * g.dx();
            double yc = g.y0() + 0.5 * g.ny() * g.dy();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = g.x0() + (i + 0.5) * g.dx() - xc;
                    double y = g.isSlab() ? 0 : g.y0() + (j + 0.5) * g.dy() - yc;
                    num += (x * x - y * y) * in[i + g.nx() * j];
                    den += (x * x + y * y) * in[i + g.nx() * j];
                }
            }
            return new Found(m.nEff(), m.nEffImag(), m.pmlFraction(), in, in, null, symmetryClass, den > 0 ? num / den : 0);
        }

        /** pairKey: the TE fraction minus its complement, int |E_x|^2 - |E_y|^2 over int |E_t|^2. */
        static Found of(FdVectorModeSolver.Mode m, FdScalarModeSolver.Grid g, int symmetryClass) {
            int n = g.nx() * g.ny();
            double[] in = new double[n];
            double[] sz = new double[n];
            double[][] c = new double[6][];
            for (FdVectorModeSolver.Component k : FdVectorModeSolver.Component.values()) {
                c[k.ordinal()] = m.field(k);
            }
            for (int p = 0; p < n; p++) {
                for (int k = 0; k < 3; k++) {
                    in[p] += c[k][2 * p] * c[k][2 * p] + c[k][2 * p + 1] * c[k][2 * p + 1];
                }
                // S_z = 1/2 Re(E_x H_y* - E_y H_x*)
                sz[p] = 0.5 * (c[0][2 * p] * c[4][2 * p] + c[0][2 * p + 1] * c[4][2 * p + 1]
                        - c[1][2 * p] * c[3][2 * p] - c[1][2 * p + 1] * c[3][2 * p + 1]);
            }
            return new Found(m.nEff(), m.nEffImag(), m.pmlFraction(), in, sz, m, symmetryClass, 2 * m.teFraction() - 1);
        }

        /** |n_eff^2 - sigma|: the shift-invert solve's own measure of nearness. */
        double distance(double sigma) {
            return Math.hypot(nEff * nEff - nEffImag * nEffImag - sigma, 2 * nEff * nEffImag);
        }

        double lossDbPerMetre(double wavelength) {
            return org.glassguide.solver.ModalLoss.dbPerMetre(nEffImag, wavelength);
        }
    }

    /**
     * A bend radiates from its caustic, where the conformal-map index of the outer cladding n_clad (1 + x / R) reaches
     * the mode's n_eff: x_c = R (n_eff / n_clad - 1). Between the core and x_c the field is evanescent; a PML that
     * starts inside it absorbs that tail and overstates the loss (measured: a 1 um 1.56/1.44 slab at R = 100 um reads
     * 6 % high with the PML 0.6 um inside x_c). A one-line warning, or null when the PML starts beyond x_c.
     */
    public static String pmlInsideCaustic(String key, double radius, double nEff, double nClad, double halfWidth, double pml) {
        double caustic = radius * (nEff / nClad - 1);
        double pmlStart = halfWidth - pml;
        if (!(pmlStart < caustic) || pml <= 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "warning: the PML on the bend's outside starts at x = %.3g um, inside the radiation caustic"
                + " x_c = R (n_eff/n_clad - 1) = %.3g um, where the mode's field is still evanescent: it absorbs that tail and overstates the bend"
                + " loss; widen %s to at least %.3g um", pmlStart * 1e6, caustic * 1e6, key, 2 * (caustic + pml) * 1e6);
    }

    /** The cross-section of a design: shapes over a background, or a fiber's layers as discs in its outermost layer. */
    public static CrossSection crossSection(Design d, double wavelength, boolean allowExtrapolation, Consumer<String> warnings,
            List<Material> used) {
        if (d.waveguide() != null) {
            WaveguideStructure w = d.waveguide();
            ComplexIndex b = w.background().complexIndex(wavelength, allowExtrapolation, warnings);
            used.add(w.background());
            CrossSection cs = new CrossSection(b.n(), b.k()).backgroundLabel(w.background().name());
            for (WaveguideStructure.Painting p : w.shapes()) {
                if (p instanceof WaveguideStructure.PaintedShape) {
                    WaveguideStructure.PaintedShape s = (WaveguideStructure.PaintedShape) p;
                    ComplexIndex c = s.material().complexIndex(wavelength, allowExtrapolation, warnings);
                    used.add(s.material());
                    cs.paint(s.shape(), c.n(), c.k(), s.material().name());
                } else {
                    WaveguideStructure.PaintedMap m = (WaveguideStructure.PaintedMap) p;
                    int maxId = m.materials().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
                    double[] n = new double[maxId + 1];
                    double[] k = new double[maxId + 1];
                    String[] names = new String[maxId + 1];
                    for (java.util.Map.Entry<Integer, Material> e : m.materials().entrySet()) {
                        ComplexIndex c = e.getValue().complexIndex(wavelength, allowExtrapolation, warnings);
                        used.add(e.getValue());
                        n[e.getKey()] = c.n();
                        k[e.getKey()] = c.k();
                        names[e.getKey()] = e.getValue().name();
                    }
                    cs.paint(new CrossSection.IndexMap(m.x0(), m.x1(), m.y0(), m.y1(), m.ids(), n, k), names);
                }
            }
            return cs;
        }
        FiberStructure f = d.fiber();
        int last = f.layers().size() - 1;
        // the radial profile carries layers, power-law grading and absorption; painted, it is sampled on the grid
        org.glassguide.solver.radial.RadialIndexProfile profile = org.glassguide.solver.radial.RadialAnalysis.profile(f, wavelength,
                allowExtrapolation, warnings);
        ComplexIndex outer = f.layers().get(last).material().complexIndex(wavelength, allowExtrapolation, w -> { });
        for (org.glassguide.solver.design.Layer l : f.layers()) {
            used.add(l.material());
        }
        String[] names = new String[f.layers().size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = f.layers().get(i).material().name();
        }
        CrossSection cs = new CrossSection(outer.n(), outer.k()).backgroundLabel(names[last]);
        cs.paint(profile, names);
        return cs;
    }
}
