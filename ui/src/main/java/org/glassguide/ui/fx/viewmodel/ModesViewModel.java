package org.glassguide.ui.fx.viewmodel;

import java.util.List;
import java.util.Locale;

import org.glassguide.solver.design.Design;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexAnalysis;
import org.glassguide.solver.fiber.StepIndexFields;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The modes of the current design at the wavelength picked among the design's (the first by default; exact step-index
 * analysis or the design's own solver, in the background): a table
 * of LP modes and the intensity picture of the selected one. At most {@link #LISTED} modes are listed, the fundamental
 * first; the count is always the full one.
 */
public final class ModesViewModel {
    public static final int LISTED = 200;
    /** Pixels per side of a mode picture. */
    public static final int PICTURE = 161;

    /** One table row: the mode, its effective index and the values of {@link #columns()} after it. */
    public record Row(String name, double nEff, double[] values) {
    }

    /** A field arrow in picture coordinates (0..1 across, 0..1 down) with its direction and relative length. */
    public record Arrow(double x, double y, double dx, double dy) {
    }

    private static final List<String> STEP_INDEX_COLUMNS = List.of("b", "u", "w", "core confinement");
    private static final List<String> SOLVER_COLUMNS = List.of("loss (dB/cm)", "A_eff (um²)", "confinement");

    private final TaskRunner runner;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList(STEP_INDEX_COLUMNS);
    private final ReadOnlyObjectWrapper<List<Arrow>> arrows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<FieldMap> indexMap = new ReadOnlyObjectWrapper<>();
    private java.util.function.IntFunction<FieldMap> pictureOf = i -> null;
    private java.util.function.IntFunction<List<Arrow>> arrowsOf = i -> List.of();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    /** Which of the design's wavelengths the solvers run at (0: the first; past the last: the last). */
    private final IntegerProperty wavelengthIndex = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<FieldMap> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("no design analysed yet");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private FiberAnalysis analysis;

    public ModesViewModel(TaskRunner runner) {
        this.runner = runner;
        selected.addListener((o, a, b) -> picture());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Headers of the values after n_eff: they change with the solver. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** Transverse electric-field arrows of a full-vectorial mode (empty for scalar ones). */
    public ReadOnlyObjectProperty<List<Arrow>> arrowsProperty() {
        return arrows.getReadOnlyProperty();
    }

    /** The refractive index over the solver's window (FD solvers), its colour scale from the lowest to the highest index; else null. */
    public ReadOnlyObjectProperty<FieldMap> indexMapProperty() {
        return indexMap.getReadOnlyProperty();
    }

    /**
     * Runs the design's own mode solver (the `modes` analysis of the command line: radial for fibers of any profile,
     * scalar, semi-vectorial or full-vectorial finite differences for waveguides) at its first wavelength.
     */
    public void runSolver(Design d) {
        if (d == null) {
            error.set("no design");
            return;
        }
        error.set("");
        Design one = d.withWavelengths(List.of(wavelength(d))).withAnalyses(List.of("modes"));
        runner.run("mode solver", m -> new org.glassguide.solver.run.DesignRunner().run(one, w -> { }, m), this::showSolver, error::set);
    }

    private void showSolver(org.glassguide.solver.run.DesignResult r) {
        analysis = null;
        rows.clear();
        columns.setAll(SOLVER_COLUMNS);
        indexMap.set(null);
        if (!r.fdAnalyses().isEmpty()) {
            org.glassguide.solver.fd.FdAnalysisResult a = r.fdAnalyses().get(0);
            for (org.glassguide.solver.radial.ModeReport m : a.listed()) {
                rows.add(new Row(m.name(), m.nEff(), new double[] {m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement()}));
            }
            var g = a.grid();
            // the structure's edges over each mode (the waveguide's outline, as the solver's grid sees it)
            double[][] structure = flipped(a.indexMap(), g.nx(), g.ny(), false);
            pictureOf = k -> window(g, flipped(a.intensities().get(k), g.nx(), g.ny(), true), "relative intensity |E|²", 0, 1).withStructure(structure);
            arrowsOf = k -> k < a.vectorModes().size() ? arrows(a.vectorModes().get(k), g.nx(), g.ny()) : List.of();
            java.util.DoubleSummaryStatistics range = java.util.Arrays.stream(a.indexMap()).summaryStatistics();
            indexMap.set(window(g, flipped(a.indexMap(), g.nx(), g.ny(), false), "refractive index", range.getMin(), range.getMax()));
            summary.set(String.format(Locale.ROOT, "%s, %s nm: %d modes listed", a.solver(), org.glassguide.materials.units.Units.nm(a.wavelength()),
                    rows.size()));
        } else if (!r.modeAnalyses().isEmpty()) {
            org.glassguide.solver.radial.RadialAnalysisResult a = r.modeAnalyses().get(0);
            for (org.glassguide.solver.radial.ModeReport m : a.listed()) {
                rows.add(new Row(m.name(), m.nEff(), new double[] {m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement()}));
            }
            double rMax = a.modes().radius(a.modes().gridPoints() - 1);
            double half = Math.min(rMax, 2 * a.modes().profile().interfaces()[0]);
            double core = a.modes().profile().interfaces()[0];
            pictureOf = k -> FieldMap.square(radialPicture(a.modes(), a.modes().modes().get(k), half), half, "relative intensity", core);
            arrowsOf = k -> List.of();
            summary.set(String.format(Locale.ROOT, "radial solver, %s nm: %d guided, %d listed", org.glassguide.materials.units.Units.nm(a.wavelength()),
                    a.modes().modeCount(), rows.size()));
        } else {
            summary.set("the solver found no modes");
        }
        selected.set(-1);
        selected.set(rows.isEmpty() ? -1 : 0);
    }

    private static double[][] radialPicture(org.glassguide.solver.radial.RadialModes modes, org.glassguide.solver.radial.RadialMode m, double half) {
        double[] f = modes.field(m);
        return Pictures.square(PICTURE, half, (x, y) -> {
            int i = (int) Math.min(f.length - 1, Math.round(Math.hypot(x, y) / modes.step()));
            double cs = Math.cos(m.order() * Math.atan2(y, x));
            return f[i] * f[i] * cs * cs;
        });
    }

    /** A grid array (x fastest, y up) as a picture [row][col] with row 0 at the top, normalised to 0..1. */
    private static double[][] flipped(double[] v, int nx, int ny, boolean fromZero) {
        double[][] img = new double[ny][nx];
        double lo = fromZero ? 0 : Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double x = v[i + nx * j];
                img[ny - 1 - j][i] = x;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        for (double[] row : img) {
            for (int i = 0; i < nx; i++) {
                row[i] = hi > lo ? (row[i] - lo) / (hi - lo) : 0;
            }
        }
        return img;
    }

    /**
     * Arrows of the transverse field on a 15 x 15 lattice: (Re Ex, Re Ey) after rotating the whole mode to the phase at
     * which its strongest component is real, lengths relative to the largest; weak ones (under 5 %) left out.
     */
    private static List<Arrow> arrows(org.glassguide.solver.fd.FdVectorModeSolver.Mode mode, int nx, int ny) {
        double[] ex = mode.field(org.glassguide.solver.fd.FdVectorModeSolver.Component.EX);
        double[] ey = mode.field(org.glassguide.solver.fd.FdVectorModeSolver.Component.EY);
        int best = 0;
        double peak = 0;
        double[] ref = ex;
        for (double[] f : new double[][] {ex, ey}) {
            for (int p = 0; p < f.length / 2; p++) {
                double a = Math.hypot(f[2 * p], f[2 * p + 1]);
                if (a > peak) {
                    peak = a;
                    best = p;
                    ref = f;
                }
            }
        }
        double phase = Math.atan2(ref[2 * best + 1], ref[2 * best]);
        double c = Math.cos(-phase);
        double s = Math.sin(-phase);
        int lattice = 15;
        List<Arrow> out = new java.util.ArrayList<>();
        double max = 0;
        double[][] vals = new double[lattice * lattice][];
        for (int a = 0; a < lattice; a++) {
            for (int b = 0; b < lattice; b++) {
                int i = (int) ((a + 0.5) * nx / lattice);
                int j = (int) ((b + 0.5) * ny / lattice);
                int p = i + nx * j;
                double vx = ex[2 * p] * c - ex[2 * p + 1] * s;
                double vy = ey[2 * p] * c - ey[2 * p + 1] * s;
                vals[a * lattice + b] = new double[] {(i + 0.5) / nx, 1 - (j + 0.5) / ny, vx, vy};
                max = Math.max(max, Math.hypot(vx, vy));
            }
        }
        for (double[] v : vals) {
            double len = Math.hypot(v[2], v[3]) / max;
            if (max > 0 && len > 0.05) {
                out.add(new Arrow(v[0], v[1], v[2] / max, -v[3] / max));
            }
        }
        return out;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Intensity of the selected mode over twice the core diameter, normalised to 1, [row][col]. */
    public ReadOnlyObjectProperty<FieldMap> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void run(Design d) {
        if (d == null || !d.isFiber() || d.fiber().layers().size() != 2) {
            error.set("the mode table needs a step-index fiber design (core and cladding)");
            return;
        }
        error.set("");
        double wl = wavelength(d);
        runner.run("modes", m -> new StepIndexAnalysis().analyse(d.fiber(), wl, d.options(), w -> { }, m), this::show, error::set);
    }

    /** The index of the design's wavelength the solvers run at (see {@link #wavelengths}). */
    public IntegerProperty wavelengthIndexProperty() {
        return wavelengthIndex;
    }

    /** The design's wavelengths as the picker lists them ("633 nm"). */
    public static List<String> wavelengths(Design d) {
        return d == null ? List.of() : d.wavelengths().stream().map(w -> org.glassguide.materials.units.Units.nm(w) + " nm").toList();
    }

    private double wavelength(Design d) {
        List<Double> w = d.wavelengths();
        return w.get(Math.max(0, Math.min(w.size() - 1, wavelengthIndex.get())));
    }

    private void show(FiberAnalysis a) {
        analysis = a;
        List<GuidedMode> modes = a.modes().lpModes();
        rows.clear();
        columns.setAll(STEP_INDEX_COLUMNS);
        indexMap.set(null);
        for (int i = 0; i < Math.min(LISTED, modes.size()); i++) {
            GuidedMode g = modes.get(i);
            rows.add(new Row(g.name(), g.nEff(), new double[] {g.b(), g.u(), g.w(), StepIndexFields.corePowerFraction(a.fiber(), g)}));
        }
        pictureOf = this::stepIndexPicture;
        arrowsOf = k -> List.of();
        summary.set(String.format(Locale.ROOT, "%s nm: NA %.4f, V %.4g, %d LP groups (%d listed), MFD %.4g um", org.glassguide.materials.units.Units.nm(
                a.wavelength()), a.numericalAperture(), a.vNumber(), a.modes().lpGroupCount(), rows.size(), a.modeFieldDiameter() * 1e6));
        selected.set(-1);
        selected.set(0);
    }

    private void picture() {
        int i = selected.get();
        if (i < 0 || i >= rows.size()) {
            picture.set(null);
            arrows.set(List.of());
            return;
        }
        picture.set(pictureOf.apply(i));
        arrows.set(arrowsOf.apply(i));
    }

    private FieldMap stepIndexPicture(int i) {
        GuidedMode g = analysis.modes().lpModes().get(i);
        double half = 2 * analysis.coreRadius();
        return FieldMap.square(Pictures.square(PICTURE, half, (x, y) -> StepIndexFields.intensity(analysis.fiber(), g, x, y)), half,
                "relative intensity", analysis.coreRadius());
    }

    /** A picture over the FD solver's window, in um. */
    private static FieldMap window(org.glassguide.solver.fd.FdScalarModeSolver.Grid g, double[][] img, String valueName, double lo, double hi) {
        return new FieldMap(img, g.x0() * 1e6, (g.x0() + g.nx() * g.dx()) * 1e6, g.y0() * 1e6, (g.y0() + g.ny() * g.dy()) * 1e6, "x", "y", "um",
                valueName, lo, hi > lo ? hi : lo + 1, List.of());
    }


    /** The table as CSV text. */
    public String csv() {
        StringBuilder b = new StringBuilder("mode,nEff");
        columns.forEach(c -> b.append(",\"").append(c).append('"'));
        b.append('\n');
        for (Row r : rows) {
            b.append(r.name()).append(String.format(Locale.ROOT, ",%.12f", r.nEff()));
            for (double v : r.values()) {
                b.append(String.format(Locale.ROOT, ",%.10g", v));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
