package org.glassguide.ui.fx.view;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.glassguide.solver.design.Design;
import org.glassguide.ui.fx.viewmodel.ModesViewModel;

/** The mode table and the selected mode's intensity picture with its colour bar. */
public final class ModesView extends VBox {
    public ModesView(ModesViewModel vm, java.util.function.Supplier<Design> design) {
        setSpacing(8);
        setPadding(new Insets(10));
        Button run = new Button("Find modes");
        run.setId("run-modes");
        run.setOnAction(e -> vm.run(design.get()));
        Label summary = new Label();
        summary.setId("modes-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.setStyle("-fx-text-fill: firebrick;");
        error.textProperty().bind(vm.errorProperty());
        TableView<ModesViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("modes-table");
        table.getColumns().add(column("mode", ModesViewModel.Row::name));
        table.getColumns().add(column("n_eff", r -> String.format(Locale.ROOT, "%.10f", r.nEff())));
        table.getColumns().add(column("b", r -> String.format(Locale.ROOT, "%.6f", r.b())));
        table.getColumns().add(column("u", r -> String.format(Locale.ROOT, "%.6f", r.u())));
        table.getColumns().add(column("w", r -> String.format(Locale.ROOT, "%.6f", r.w())));
        table.getColumns().add(column("core confinement", r -> String.format(Locale.ROOT, "%.6f", r.coreFraction())));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.selectedProperty().set(b.intValue()));
        table.setPrefWidth(620);
        ImageView picture = new ImageView();
        picture.setId("mode-picture");
        ImageView bar = new ImageView(FxCharts.colourBar(16, ModesViewModel.PICTURE * 2));
        vm.pictureProperty().addListener((o, a, p) -> picture.setImage(p == null ? null : FxCharts.picture(p, 2)));
        VBox pic = new VBox(4, new Label("intensity |E|² (window: twice the core diameter), colour bar 0 to 1"), new HBox(6, picture, bar));
        getChildren().addAll(new HBox(10, run, summary), error, new HBox(10, table, pic));
    }

    private static TableColumn<ModesViewModel.Row, String> column(String title, Function<ModesViewModel.Row, String> f) {
        TableColumn<ModesViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }
}
