package org.glassguide.ui.fx.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.glassguide.solver.design.Design;
import org.glassguide.solver.emission.Cie1931;
import org.glassguide.ui.fx.viewmodel.ResultsViewModel;

/** Loss-budget bars, the amplifier's powers along z, the emission spectrum and its point on the CIE 1931 diagram. */
public final class ResultsView extends VBox {
    private final Canvas cie = new Canvas(300, 300);

    public ResultsView(ResultsViewModel vm, java.util.function.Supplier<Design> design) {
        setSpacing(8);
        setPadding(new Insets(10));
        Button run = new Button("Run loss, emission and gain");
        run.setId("run-results");
        run.setOnAction(e -> vm.run(design.get()));
        Label error = new Label();
        error.setStyle("-fx-text-fill: firebrick;");
        error.textProperty().bind(vm.errorProperty());
        StackedBarChart<String, Number> bars = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
        bars.setId("loss-bars");
        bars.setTitle("Loss budget");
        bars.setAnimated(false);
        bars.getYAxis().setLabel("dB");
        LineChart<Number, Number> gain = FxCharts.lineChart("Amplifier: power along z", "z (m)", "W");
        gain.setId("gain-chart");
        LineChart<Number, Number> spectrum = FxCharts.lineChart("Output spectrum", "wavelength (nm)", "relative");
        spectrum.setId("spectrum-chart");
        LineChart<Number, Number> vsLength = FxCharts.lineChart("Amplifier: gain vs length", "length (m)", "dB");
        vsLength.setId("gain-length-chart");
        for (LineChart<?, ?> c : List.of(gain, spectrum, vsLength)) {
            c.setPrefSize(400, 330);
        }
        bars.setPrefSize(400, 330);
        vm.gainVsLengthProperty().addListener((o, a, g) -> {
            if (g == null) {
                vsLength.getData().clear();
            } else {
                FxCharts.setLines(vsLength, g.names(), g.x(), g.y());
            }
        });
        TextArea text = new TextArea();
        text.setId("results-text");
        text.setEditable(false);
        text.textProperty().bind(vm.textProperty());
        text.setPrefRowCount(6);
        vm.lossProperty().addListener((o, a, b) -> {
            bars.getData().clear();
            if (b == null) {
                return;
            }
            bars.setTitle(b.title());
            for (int k = 0; k < b.parts().size(); k++) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(b.parts().get(k));
                for (int c = 0; c < b.categories().size(); c++) {
                    s.getData().add(new XYChart.Data<>(b.categories().get(c), b.values()[k][c]));
                }
                bars.getData().add(s);
            }
        });
        vm.gainProperty().addListener((o, a, g) -> {
            if (g == null) {
                gain.getData().clear();

            } else {

                FxCharts.setLines(gain, g.names(), g.x(), g.y());
            }
        });
        vm.colourProperty().addListener((o, a, c) -> {
            if (c == null) {
                spectrum.getData().clear();
            } else {
                FxCharts.setLines(spectrum, c.spectrum().names(), c.spectrum().x(), c.spectrum().y());
            }
            drawCie(c);
        });
        drawCie(null);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        // a chart with nothing to show says what is missing instead of drawing made-up axes
        grid.add(FxCharts.withEmptyState(bars, vm.lossProperty().isNotNull(), "No loss budget yet: run it (designs with a fiber)"), 0, 0);
        grid.add(FxCharts.withEmptyState(gain, vm.gainProperty().isNotNull(), "No amplifier: this design has no gain: section"), 1, 0);
        grid.add(FxCharts.withEmptyState(spectrum, vm.colourProperty().isNotNull(), "No output spectrum: the design has no emission: section"),
                0, 1);
        grid.add(FxCharts.withEmptyState(vsLength, vm.gainVsLengthProperty().isNotNull(), "No gain-vs-length study: the design has no gain: section"),
                2, 0);
        grid.add(new VBox(4, new Label("CIE 1931 xy of the output (each length in its spectrum's colour)"), cie), 1, 1);
        getChildren().addAll(new HBox(10, run, error), grid, text);
    }

    /**
     * The spectral locus, the purple line, axes with ticks, and the output colour per length, each point in its spectrum's
     * colour in the chart beside it.
     */
    private void drawCie(ResultsViewModel.Colour c) {
        GraphicsContext g = cie.getGraphicsContext2D();
        double ox = 42;
        double oy = cie.getHeight() - 34;
        // 0.1 of x or y per s / 10 pixels: x 0..0.8, y 0..0.9
        double s = Math.min((cie.getWidth() - ox - 12) / 0.8, (oy - 10) / 0.9);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, cie.getWidth(), cie.getHeight());
        g.setFont(javafx.scene.text.Font.font(11));
        g.setLineWidth(1);
        g.setStroke(Color.gray(0.88));
        for (int i = 0; i <= 8; i++) {
            g.strokeLine(ox + s * i / 10.0, oy, ox + s * i / 10.0, oy - s * 0.9);
        }
        for (int i = 0; i <= 9; i++) {
            g.strokeLine(ox, oy - s * i / 10.0, ox + s * 0.8, oy - s * i / 10.0);
        }
        g.setStroke(Color.BLACK);
        g.strokeLine(ox, oy, ox + s * 0.8, oy);
        g.strokeLine(ox, oy, ox, oy - s * 0.9);
        g.setFill(Color.BLACK);
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        for (int i = 0; i <= 8; i += 2) {
            g.strokeLine(ox + s * i / 10.0, oy, ox + s * i / 10.0, oy + 4);
            g.fillText(String.format(java.util.Locale.ROOT, "%.1f", i / 10.0), ox + s * i / 10.0, oy + 5);
        }
        g.fillText("x", ox + s * 0.4, oy + 19);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        for (int i = 0; i <= 8; i += 2) {
            g.strokeLine(ox - 4, oy - s * i / 10.0, ox, oy - s * i / 10.0);
            g.fillText(String.format(java.util.Locale.ROOT, "%.1f", i / 10.0), ox - 6, oy - s * i / 10.0);
        }
        g.fillText("y", ox - 28, oy - s * 0.45);
        double[] xyz = new double[3];
        double px = Double.NaN;
        double py = Double.NaN;
        double fx = 0;
        double fy = 0;
        for (double wl = 380e-9; wl <= 700e-9; wl += 5e-9) {
            Cie1931.xyzBar(wl, xyz);
            double sum = xyz[0] + xyz[1] + xyz[2];
            double x = ox + s * xyz[0] / sum;
            double y = oy - s * xyz[1] / sum;
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            } else {
                fx = x;
                fy = y;
            }
            px = x;
            py = y;
        }
        g.strokeLine(px, py, fx, fy);
        if (c == null) {
            // the locus is the reference; say why no output point is on it
            g.setFill(Color.gray(0.4));
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            g.fillText("no output colour:", ox + s * 0.2, oy - s * 0.45);
            g.fillText("the design has no", ox + s * 0.2, oy - s * 0.45 + 14);
            g.fillText("emission: section", ox + s * 0.2, oy - s * 0.45 + 28);
        } else {
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            for (int i = 0; i < c.xy().size(); i++) {
                double x = ox + s * c.xy().get(i)[0];
                double y = oy - s * c.xy().get(i)[1];
                g.setFill(FxCharts.seriesColour(i));
                g.fillOval(x - 4, y - 4, 8, 8);
                g.setStroke(Color.BLACK);
                g.strokeOval(x - 4, y - 4, 8, 8);
                g.setFill(Color.BLACK);
                g.fillText(c.labels().get(i), x + 7, y - 5 + 11 * (i % 2));
            }
        }
    }

    /** For tests and screenshots: the chart nodes by id are in the scene graph. */
    List<String> ids() {
        return List.of("loss-bars", "gain-chart", "results-text");
    }
}
