package org.glassguide.ui.fx.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.glassguide.solver.design.Design;
import org.glassguide.ui.fx.viewmodel.PropagationViewModel;

/** The x-z intensity filling in as the beam propagates, power against z, the end-face near field and the far field. */
public final class PropagationView extends VBox {
    private static final int W = 900;
    private static final int H = 180;

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
        Label error = new Label();
        error.setStyle("-fx-text-fill: firebrick;");
        error.textProperty().bind(vm.errorProperty());
        ImageView xz = new ImageView();
        xz.setId("bpm-xz");
        LineChart<Number, Number> power = FxCharts.lineChart("Power / launched", "z (mm)", "");
        power.setPrefSize(440, 260);
        ImageView near = new ImageView();
        near.setId("bpm-near");
        ImageView far = new ImageView();
        ImageView yz = new ImageView();
        yz.setId("bpm-yz");
        vm.slicesProperty().addListener((o, a, s) -> {
            xz.setImage(s == null ? null : picture(s.rows(), s));
            yz.setImage(s == null || s.columns() == null ? null : picture(s.columns(), s));
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
        vm.nearFieldProperty().addListener((o, a, n) -> near.setImage(n == null ? null : FxCharts.picture(n, Math.max(1, 240 / n.length))));
        vm.farFieldProperty().addListener((o, a, f) -> far.setImage(f == null ? null : FxCharts.picture(f, Math.max(1, 240 / f.length))));
        far.setId("bpm-far");
        getChildren().addAll(new HBox(10, run, error), summary, new Label("x-z intensity through y = 0 (z across, x up; fills as the run goes)"), xz,
                new Label("y-z intensity through x = 0 (3D runs)"), yz,
                new HBox(12, power, new VBox(4, new Label("end-face near field"), near), new VBox(4, new Label("far field over sin(angle) in air"), far)));
    }

    /** Slices so far as columns across a fixed-width picture: the unfinished part of the length stays dark grey. */
    private static WritableImage picture(double[][] lines, PropagationViewModel.Slices s) {
        WritableImage img = new WritableImage(W, H);
        PixelWriter pw = img.getPixelWriter();
        int nz = lines.length;
        int nx = lines[0].length;
        double zEnd = s.z()[nz - 1];
        for (int c = 0; c < W; c++) {
            double z = s.length() * c / (W - 1);
            boolean done = z <= zEnd;
            int k = done ? (int) Math.min(nz - 1, Math.round(z / Math.max(zEnd, 1e-300) * (nz - 1))) : -1;
            for (int r = 0; r < H; r++) {
                if (!done) {
                    pw.setColor(c, r, Color.gray(0.2));
                    continue;
                }
                int i = (int) Math.min(nx - 1, (long) (H - 1 - r) * nx / H);
                // square root: the eye sees weak guided light next to a bright core
                pw.setColor(c, r, FxCharts.colour(Math.sqrt(lines[k][i])));
            }
        }
        return img;
    }
}
