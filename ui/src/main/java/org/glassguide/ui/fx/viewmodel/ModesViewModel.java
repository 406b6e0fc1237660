package org.glassguide.ui.fx.viewmodel;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.IntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.glassguide.solver.design.Design;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexAnalysis;
import org.glassguide.solver.fiber.StepIndexFields;
import org.glassguide.ui.fx.TaskRunner;

/**
 * The modes of the current fiber design at its first wavelength (exact step-index analysis, in the background): a table
 * of LP modes and the intensity picture of the selected one. At most {@link #LISTED} modes are listed, the fundamental
 * first; the count is always the full one.
 */
public final class ModesViewModel {
    public static final int LISTED = 200;
    /** Pixels per side of a mode picture. */
    public static final int PICTURE = 161;

    /** One table row. */
    public record Row(String name, double nEff, double b, double u, double w, double coreFraction) {
    }

    private final TaskRunner runner;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<double[][]> picture = new ReadOnlyObjectWrapper<>();
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

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Intensity of the selected mode over twice the core diameter, normalised to 1, [row][col]. */
    public ReadOnlyObjectProperty<double[][]> pictureProperty() {
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
        runner.run("modes", m -> new StepIndexAnalysis().analyse(d.fiber(), d.wavelengths().get(0), d.options(), w -> { }, m), this::show, error::set);
    }

    private void show(FiberAnalysis a) {
        analysis = a;
        List<GuidedMode> modes = a.modes().lpModes();
        rows.clear();
        for (int i = 0; i < Math.min(LISTED, modes.size()); i++) {
            GuidedMode g = modes.get(i);
            rows.add(new Row(g.name(), g.nEff(), g.b(), g.u(), g.w(), StepIndexFields.corePowerFraction(a.fiber(), g)));
        }
        summary.set(String.format(Locale.ROOT, "%s nm: NA %.4f, V %.4g, %d LP groups (%d listed), MFD %.4g um", org.glassguide.materials.units.Units.nm(
                a.wavelength()), a.numericalAperture(), a.vNumber(), a.modes().lpGroupCount(), rows.size(), a.modeFieldDiameter() * 1e6));
        selected.set(-1);
        selected.set(0);
    }

    private void picture() {
        int i = selected.get();
        if (analysis == null || i < 0 || i >= rows.size()) {
            picture.set(null);
            return;
        }
        GuidedMode g = analysis.modes().lpModes().get(i);
        double half = 2 * analysis.coreRadius();
        double[][] img = new double[PICTURE][PICTURE];
        double max = 0;
        for (int r = 0; r < PICTURE; r++) {
            double y = half - 2 * half * r / (PICTURE - 1);
            for (int c = 0; c < PICTURE; c++) {
                double x = -half + 2 * half * c / (PICTURE - 1);
                img[r][c] = StepIndexFields.intensity(analysis.fiber(), g, x, y);
                max = Math.max(max, img[r][c]);
            }
        }
        for (double[] row : img) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= max;
            }
        }
        picture.set(img);
    }

    /** The table as CSV text. */
    public String csv() {
        StringBuilder b = new StringBuilder("mode,nEff,b,u,w,coreFraction\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%s,%.12f,%.8f,%.8f,%.8f,%.8f%n", r.name(), r.nEff(), r.b(), r.u(), r.w(), r.coreFraction()));
        }
        return b.toString();
    }
}
