package org.glassguide.ui.fx.view;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.glassguide.ui.fx.viewmodel.FiberNumbers;
import org.glassguide.ui.fx.viewmodel.TeachingViewModel;

/**
 * Teaching: total internal reflection with the acceptance cone of the fiber on the sliders, NA, V, mode count and the
 * fundamental mode's profile, updated as the sliders move, with the explanation beside them.
 */
public final class TeachingView extends HBox {
    private final Canvas rays = new Canvas(560, 260);
    private final TeachingViewModel vm;

    public TeachingView(TeachingViewModel vm) {
        this.vm = vm;
        setSpacing(12);
        setPadding(new Insets(10));
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(4);
        row(sliders, 0, "wavelength (nm)", slider("teach-wavelength", 400, 1700, vm.wavelengthNmProperty()), vm.wavelengthNmProperty(), "%.0f");
        row(sliders, 1, "core diameter (um)", slider("teach-core", 1, 50, vm.coreDiameterUmProperty()), vm.coreDiameterUmProperty(), "%.1f");
        row(sliders, 2, "core index", slider("teach-ncore", 1.30, 1.80, vm.nCoreProperty()), vm.nCoreProperty(), "%.4f");
        row(sliders, 3, "cladding index", slider("teach-nclad", 1.30, 1.80, vm.nCladProperty()), vm.nCladProperty(), "%.4f");
        Label numbers = new Label();
        numbers.setId("teach-numbers");
        LineChart<Number, Number> mode = FxCharts.lineChart("LP01 intensity", "r / a", "I / I(0)");
        mode.setPrefHeight(220);
        Text explanation = new Text();
        explanation.setId("teach-explanation");
        explanation.textProperty().bind(vm.explanationProperty());
        TextFlow flow = new TextFlow(explanation);
        flow.setPrefWidth(640);
        javafx.scene.layout.FlowPane gallery = new javafx.scene.layout.FlowPane(6, 6);
        gallery.setId("teach-modes");
        gallery.setPrefWrapLength(660);
        Label noModes = new Label("Too many modes to draw one by one: ray optics describes this guide (see the text above).");
        noModes.setId("teach-modes-none");
        noModes.setWrapText(true);
        noModes.setMaxWidth(380);
        Runnable drawModes = () -> {
            gallery.getChildren().clear();
            for (TeachingViewModel.ModePicture p : vm.picturesProperty().get()) {
                // each mode with axes in um, the core's outline and a colour bar, as the Modes tab draws them
                FieldMapView view = new FieldMapView(210, 180, "");
                view.setId("teach-mode-" + p.name());
                view.getStyleClass().add("teach-mode");
                view.show(p.intensity());
                gallery.getChildren().add(new VBox(2, new Label(p.name()), view));
            }
            if (gallery.getChildren().isEmpty()) {
                gallery.getChildren().add(noModes);
            }
        };
        vm.picturesProperty().addListener((o, a, b) -> drawModes.run());
        drawModes.run();
        Runnable refresh = () -> {
            FiberNumbers f = vm.numbersProperty().get();
            numbers.setText(f == null ? "not guiding" : String.format(Locale.ROOT, "NA %.4f   acceptance %.1f°   critical %.1f°   V %.4g   %s%d LP groups",
                    f.na(), f.acceptanceDeg(), vm.criticalAngleDeg(), f.v(), f.exact() ? "" : "≈", f.lpGroups()));
            double[][] p = vm.profileProperty().get();
            if (p == null) {
                mode.getData().clear();
            } else {
                FxCharts.setLines(mode, List.of("LP01"), p[0], List.of(p[1]));
            }
            draw(f);
        };
        vm.numbersProperty().addListener((o, a, b) -> refresh.run());
        vm.profileProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
        getChildren().addAll(new VBox(8, sliders, numbers, rays, mode), new VBox(10, flow, new Label("the guided LP modes (intensity, twice the core)"),
                gallery));
    }

    private static Slider slider(String id, double min, double max, javafx.beans.property.DoubleProperty p) {
        Slider s = new Slider(min, max, p.get());
        s.setId(id);
        s.setPrefWidth(300);
        s.valueProperty().bindBidirectional(p);
        return s;
    }

    private static void row(GridPane g, int r, String label, Slider s, javafx.beans.property.DoubleProperty p, String fmt) {
        Label v = new Label();
        v.textProperty().bind(p.asString(Locale.ROOT, fmt));
        g.addRow(r, new Label(label), s, v);
    }

    /** A fiber seen from the side: the acceptance cone at the input face and a ray at its edge bouncing along the core. */
    private void draw(FiberNumbers f) {
        GraphicsContext g = rays.getGraphicsContext2D();
        double w = rays.getWidth();
        double h = rays.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double x0 = 140;
        double coreHalf = 50;
        double mid = h / 2;
        g.setFill(Color.web("#dde8f5"));
        g.fillRect(x0, mid - 100, w - x0, 200);
        g.setFill(Color.web("#a9c6ea"));
        g.fillRect(x0, mid - coreHalf, w - x0, 2 * coreHalf);
        g.setFill(Color.BLACK);
        g.fillText("cladding", x0 + 8, mid - 85);
        g.fillText("core", x0 + 8, mid - coreHalf + 14);
        g.fillText("air", 10, 20);
        if (f == null) {
            g.fillText("n_core <= n_clad: no total internal reflection, nothing guided", x0 + 8, mid);
            return;
        }
        double theta = Math.toRadians(f.acceptanceDeg());
        // acceptance cone
        g.setFill(Color.color(1, 0.8, 0.2, 0.35));
        double len = 120;
        g.fillPolygon(new double[] {x0, x0 - len * Math.cos(theta), x0 - len * Math.cos(theta)},
                new double[] {mid, mid - len * Math.sin(theta), mid + len * Math.sin(theta)}, 3);
        g.setStroke(Color.DARKORANGE);
        g.strokeLine(x0, mid, x0 - len * Math.cos(theta), mid - len * Math.sin(theta));
        g.strokeLine(x0, mid, x0 - len * Math.cos(theta), mid + len * Math.sin(theta));
        g.setFill(Color.DARKORANGE);
        g.fillText(String.format(Locale.ROOT, "acceptance ±%.1f°", f.acceptanceDeg()), 10, h - 12);
        // the edge ray refracted into the core and bouncing at the critical angle
        double inside = Math.asin(Math.sin(theta) / vm.nCoreProperty().get());
        double slope = Math.tan(inside);
        g.setStroke(Color.CRIMSON);
        g.setLineWidth(2);
        g.strokeLine(x0 - len * Math.cos(theta), mid + len * Math.sin(theta), x0, mid);
        double x = x0;
        double y = mid;
        double dir = -1;
        while (x < w && slope > 1e-6) {
            double target = dir < 0 ? mid - coreHalf : mid + coreHalf;
            double dx = Math.abs(target - y) / slope;
            double nx = Math.min(w, x + dx);
            double ny = y + dir * slope * (nx - x);
            g.strokeLine(x, y, nx, ny);
            x = nx;
            y = ny;
            dir = -dir;
        }
        g.setLineWidth(1);
    }
}
