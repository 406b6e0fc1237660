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

    public ModesView(ModesViewModel vm, javafx.beans.value.ObservableValue<Design> designValue) {
        java.util.function.Supplier<Design> design = designValue::getValue;
        setSpacing(8);
        setPadding(new Insets(10));
        Button run = new Button("Exact step-index modes");
        run.setId("run-modes");
        run.setOnAction(e -> vm.run(design.get()));
        Button solver = new Button("Design's mode solver");
        solver.setId("run-solver");
        solver.setOnAction(e -> vm.runSolver(design.get()));
        // the design's wavelengths, refreshed with the design
        javafx.scene.control.ComboBox<String> wavelength = new javafx.scene.control.ComboBox<>();
        wavelength.setId("modes-wavelength");
        Runnable fill = () -> {
            List<String> w = ModesViewModel.wavelengths(design.get());
            int keep = Math.max(0, Math.min(w.size() - 1, vm.wavelengthIndexProperty().get()));
            wavelength.getItems().setAll(w);
            if (!w.isEmpty()) {
                wavelength.getSelectionModel().select(keep);
            }
        };
        fill.run();
        designValue.addListener((o, a, b) -> fill.run());
        wavelength.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.wavelengthIndexProperty().set(b.intValue());
            }
        });
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
        FieldMapView picture = new FieldMapView(SIZE + 130, SIZE + 50, "no mode selected: run the solver and pick a mode");
        picture.setId("mode-picture");
        Canvas arrows = new Canvas(SIZE + 130, SIZE + 50);
        arrows.setMouseTransparent(true);
        vm.pictureProperty().addListener((o, a, p) -> picture.show(p));
        vm.arrowsProperty().addListener((o, a, list) -> drawArrows(arrows, picture.plotBox(), list));
        FieldMapView index = new FieldMapView(330, 250, "the index map comes with the finite-difference solvers");
        index.setId("index-map");
        vm.indexMapProperty().addListener((o, a, m) -> index.show(m));
        VBox pic = new VBox(4, new Label("intensity |E|², the structure outlined; arrows: transverse E of vector modes"),
                new StackPane(picture, arrows), index);
        HBox top = new HBox(10, new Label("wavelength"), wavelength, run, solver, summary);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(top, error, new HBox(10, table, pic));
    }

    /** Arrows on the picture's plot box (left, top, width, height), at the lattice points the view model gives (0..1 across it). */
    private static void drawArrows(Canvas c, double[] box, List<ModesViewModel.Arrow> list) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        double len = box[2] / 18;
        for (ModesViewModel.Arrow a : list) {
            double x = box[0] + a.x() * box[2];
            double y = box[1] + a.y() * box[3];
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
