package org.glassguide.ui.fx.view;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.glassguide.solver.design.Design;
import org.glassguide.ui.fx.viewmodel.ModesViewModel;

/**
 * The mode table (exact step-index modes, or the design's own solver: radial or finite differences), the selected
 * mode's intensity with a colour bar and, for full-vectorial modes, arrows of the transverse electric field; the index
 * map of the solver's window for waveguides.
 */
public final class ModesView extends VBox {
    private static final int SIZE = 322;

    public ModesView(ModesViewModel vm, java.util.function.Supplier<Design> design) {
        setSpacing(8);
        setPadding(new Insets(10));
        Button run = new Button("Exact step-index modes");
        run.setId("run-modes");
        run.setOnAction(e -> vm.run(design.get()));
        Button solver = new Button("Design's mode solver");
        solver.setId("run-solver");
        solver.setOnAction(e -> vm.runSolver(design.get()));
        Label summary = new Label();
        summary.setId("modes-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.setStyle("-fx-text-fill: firebrick;");
        error.textProperty().bind(vm.errorProperty());
        TableView<ModesViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("modes-table");
        Runnable columns = () -> {
            table.getColumns().clear();
            table.getColumns().add(column("mode", ModesViewModel.Row::name));
            table.getColumns().add(column("n_eff", r -> String.format(Locale.ROOT, "%.10f", r.nEff())));
            List<String> names = List.copyOf(vm.columns());
            for (int k = 0; k < names.size(); k++) {
                int idx = k;
                table.getColumns().add(column(names.get(k), r -> String.format(Locale.ROOT, "%.6g", r.values()[idx])));
            }
        };
        columns.run();
        vm.columns().addListener((ListChangeListener<String>) c -> columns.run());
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.selectedProperty().set(b.intValue()));
        table.setPrefWidth(620);
        ImageView picture = new ImageView();
        picture.setId("mode-picture");
        picture.setFitWidth(SIZE);
        picture.setFitHeight(SIZE);
        picture.setPreserveRatio(false);
        Canvas arrows = new Canvas(SIZE, SIZE);
        ImageView bar = new ImageView(FxCharts.colourBar(16, SIZE));
        vm.pictureProperty().addListener((o, a, p) -> picture.setImage(p == null ? null : FxCharts.picture(p, 1)));
        vm.arrowsProperty().addListener((o, a, list) -> drawArrows(arrows, list));
        ImageView index = new ImageView();
        index.setFitWidth(200);
        index.setFitHeight(200);
        Label indexLabel = new Label();
        vm.indexMapProperty().addListener((o, a, m) -> {
            index.setImage(m == null ? null : FxCharts.picture(m, 1));
            indexLabel.setText(m == null ? "" : "index over the solver's window (low to high)");
        });
        VBox pic = new VBox(4, new Label("intensity |E|², colour bar 0 to 1; arrows: transverse E of vector modes"),
                new HBox(6, new StackPane(picture, arrows), bar), indexLabel, index);
        getChildren().addAll(new HBox(10, run, solver, summary), error, new HBox(10, table, pic));
    }

    private static void drawArrows(Canvas c, List<ModesViewModel.Arrow> list) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        double len = c.getWidth() / 18;
        for (ModesViewModel.Arrow a : list) {
            double x = a.x() * c.getWidth();
            double y = a.y() * c.getHeight();
            double x2 = x + a.dx() * len;
            double y2 = y + a.dy() * len;
            g.strokeLine(x - a.dx() * len / 2, y - a.dy() * len / 2, x2 - a.dx() * len / 2, y2 - a.dy() * len / 2);
            double ang = Math.atan2(a.dy(), a.dx());
            double hx = x2 - a.dx() * len / 2;
            double hy = y2 - a.dy() * len / 2;
            g.strokeLine(hx, hy, hx - 4 * Math.cos(ang - 0.5), hy - 4 * Math.sin(ang - 0.5));
            g.strokeLine(hx, hy, hx - 4 * Math.cos(ang + 0.5), hy - 4 * Math.sin(ang + 0.5));
        }
    }

    private static TableColumn<ModesViewModel.Row, String> column(String title, Function<ModesViewModel.Row, String> f) {
        TableColumn<ModesViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }
}
