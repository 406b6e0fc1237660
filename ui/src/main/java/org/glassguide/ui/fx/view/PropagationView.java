package org.glassguide.ui.fx.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.glassguide.solver.design.Design;
import org.glassguide.ui.fx.viewmodel.FieldMap;
import org.glassguide.ui.fx.viewmodel.PropagationViewModel;

/** The x-z intensity filling in as the beam propagates, power against z, the end-face near field and the far field. */
public final class PropagationView extends VBox {

    public PropagationView(PropagationViewModel vm, java.util.function.Supplier<Design> design) {
        setSpacing(8);
        setPadding(new Insets(10));
        Button run = new Button("Propagate");
        run.setId("run-bpm");
        run.setOnAction(e -> vm.run(design.get()));
        Label summary = new Label();
        summary.setId("bpm-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        // a fixed width to wrap at: in this column the label would otherwise take its one-line width and be cut at the window's edge
        summary.setPrefWidth(1180);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setStyle("-fx-text-fill: firebrick;");
        error.textProperty().bind(vm.errorProperty());
        FieldMapView xz = new FieldMapView(900, 200, "run the propagation to see the x-z plane fill");
        xz.setId("bpm-xz");
        LineChart<Number, Number> power = FxCharts.lineChart("Power along z", "z (mm)", "power / launched");
        power.setId("bpm-power");
        power.setLegendVisible(false);
        power.setPrefSize(440, 260);
        javafx.scene.layout.StackPane powerPane = FxCharts.withEmptyState(power, vm.powerProperty().isNotNull(),
                "the power along z appears as the run goes");
        powerPane.setMinSize(440, 260);
        FieldMapView near = new FieldMapView(330, 250, "the end-face near field comes with 3D runs");
        near.setId("bpm-near");
        FieldMapView far = new FieldMapView(330, 250, "the far field comes with 3D runs (dashed: the measured NA)");
        FieldMapView yz = new FieldMapView(900, 200, "the y-z plane comes with 3D runs");
        yz.setId("bpm-yz");
        vm.slicesProperty().addListener((o, a, s) -> {
            xz.show(s == null ? null : slice(s.rows(), s.rowEps(), s, "x"));
            yz.show(s == null || s.columns() == null ? null : slice(s.columns(), s.columnEps(), s, "y"));
        });
        vm.powerProperty().addListener((o, a, p) -> {
            if (p == null) {
                power.getData().clear();
                return;
            }
            double[] zmm = new double[p.z().length];
            for (int i = 0; i < zmm.length; i++) {
                zmm[i] = p.z()[i] * 1e3;
            }
            FxCharts.setLines(power, List.of("total"), zmm, List.of(p.power()));
        });
        vm.nearFieldProperty().addListener((o, a, n) -> near.show(n));
        vm.farFieldProperty().addListener((o, a, f) -> far.show(f));
        far.setId("bpm-far");
        getChildren().addAll(new HBox(10, run, error), summary, new Label("x-z intensity through y = 0 (z across, x up; fills as the run goes)"), xz,
                new Label("y-z intensity through x = 0 (3D runs)"), yz,
                new HBox(12, powerPane, new VBox(4, new Label("end-face near field"), near), new VBox(4, new Label("far field in air (dashed: the measured NA)"), far)));
    }

    /**
     * The slices so far as a map with z across (the whole length; what is not computed yet stays dark) and the transverse
     * axis up, the colour the square root of the intensity: the eye then sees weak guided light next to a bright core.
     */
    private static FieldMap slice(double[][] lines, double[] eps, PropagationViewModel.Slices s, String transverse) {
        int cols = 600;
        int nz = lines.length;
        int nx = lines[0].length;
        double zEnd = s.z()[nz - 1];
        double[][] v = new double[nx][cols];
        for (int c = 0; c < cols; c++) {
            double z = s.length() * c / (cols - 1);
            if (z > zEnd) {
                continue;
            }
            int k = (int) Math.min(nz - 1, Math.round(z / Math.max(zEnd, 1e-300) * (nz - 1)));
            for (int i = 0; i < nx; i++) {
                v[nx - 1 - i][c] = Math.sqrt(lines[k][i]);
            }
        }
        FieldMap m = new FieldMap(v, 0, s.length() * 1e6, s.xMin() * 1e6, s.xMax() * 1e6, "z", transverse, "um", "sqrt of relative intensity", 0, 1,
                List.of());
        if (eps == null) {
            return m;
        }
        // the guide's walls along z: the permittivity across, the same at every z of a z-invariant guide
        double[][] st = new double[nx][cols];
        for (int i = 0; i < nx; i++) {
            java.util.Arrays.fill(st[nx - 1 - i], eps[i]);
        }
        return m.withStructure(st);
    }
}
