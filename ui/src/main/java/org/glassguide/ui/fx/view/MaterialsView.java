package org.glassguide.ui.fx.view;

import java.util.List;

import org.glassguide.ui.fx.viewmodel.MaterialsViewModel;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The catalog browser: search, the list, n(lambda) and attenuation charts, every number's provenance. */
public final class MaterialsView extends SplitPane {
    public MaterialsView(MaterialsViewModel vm) {
        TextField search = new TextField();
        search.setId("material-search");
        search.setPromptText("search name, alias, description");
        search.textProperty().bindBidirectional(vm.searchProperty());
        ListView<String> list = new ListView<>(vm.names());
        list.setId("material-list");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        Button importFile = new Button("Import...");
        importFile.setId("material-import");
        importFile.setOnAction(e -> file(false, "*.yml", "*.yaml").ifPresent(f -> guard(() -> vm.importMaterial(f))));
        Button create = new Button("New...");
        create.setId("material-new");
        create.setOnAction(e -> newMaterial(vm));
        Button save = new Button("Save as...");
        save.setOnAction(e -> {
            if (!vm.selectedIsUserMaterial()) {
                alert("Only materials made or imported here are saved; catalog materials are files in the catalog already.");
                return;
            }
            file(true, "*.yaml").ifPresent(f -> guard(() -> {
                vm.saveSelected(f);
                return null;
            }));
        });
        Label keep = new Label("Imported and new materials join this session's catalog; save them into a --materials folder to keep them.");
        keep.setWrapText(true);
        keep.setMaxWidth(280);
        VBox left = new VBox(6, search, list, new HBox(6, importFile, create, save), keep);
        left.setPadding(new Insets(8));
        LineChart<Number, Number> n = FxCharts.lineChart("refractive index", "wavelength (nm)", "n");
        n.setId("index-chart");
        LineChart<Number, Number> att = FxCharts.lineChart("attenuation", "wavelength (nm)", "dB/cm");
        LineChart<Number, Number> em = FxCharts.lineChart("luminescence emission", "wavelength (nm)", "relative");
        em.setId("emission-chart");
        vm.emissionCurveProperty().addListener((o, a, c) -> {
            if (c != null) {
                FxCharts.setLines(em, List.of(c.name()), c.xNm(), List.of(c.y()));
            } else {
                em.getData().clear();
            }
        });
        for (LineChart<?, ?> c : List.of(n, att, em)) {
            c.setPrefHeight(230);
        }
        TextArea details = new TextArea();
        details.setId("material-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        vm.indexCurveProperty().addListener((o, a, c) -> {
            if (c != null) {
                FxCharts.setLines(n, List.of(c.name()), c.xNm(), List.of(c.y()));
            } else {
                n.getData().clear();
            }
        });
        // one curve per chart: no legend (a long one was cut off); what the attenuation curve is, and how it was extended,
        // goes in a wrapped line under the charts
        Label attNote = new Label();
        attNote.setId("attenuation-note");
        attNote.setWrapText(true);
        for (LineChart<Number, Number> c : List.of(n, att, em)) {
            c.setLegendVisible(false);
        }
        vm.attenuationCurveProperty().addListener((o, a, c) -> {
            if (c != null) {
                FxCharts.setLines(att, List.of(c.name()), c.xNm(), List.of(c.y()));
                attNote.setText(c.name());
            } else {
                att.getData().clear();
                attNote.setText("");
            }
        });
        att.setId("attenuation-chart");
        // a material without a measured loss or an emission band: a message in the chart's place, not made-up axes
        javafx.scene.layout.StackPane attPane = FxCharts.withEmptyState(att, vm.attenuationCurveProperty().isNotNull(),
                "No attenuation data for this material");
        javafx.scene.layout.StackPane emPane = FxCharts.withEmptyState(em, vm.emissionCurveProperty().isNotNull(),
                "No luminescence band in this material's catalog entry");
        for (javafx.scene.layout.StackPane p : List.of(attPane, emPane)) {
            p.setMinSize(300, 230);
        }
        VBox right = new VBox(6, new HBox(6, n, attPane), attNote, emPane, details);
        right.setPadding(new Insets(8));
        getItems().addAll(left, right);
        setDividerPositions(0.25);
        if (!vm.names().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** A work step whose failure becomes a readable alert. */
    @FunctionalInterface
    private interface Step {
        Object run() throws Exception;
    }

    private static void guard(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            alert(org.glassguide.ui.fx.viewmodel.TaskRunner.message(e));
        }
    }

    private static void alert(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(null);
        a.showAndWait();
    }

    private java.util.Optional<java.nio.file.Path> file(boolean save, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("material files", patterns));
        java.io.File f = save ? fc.showSaveDialog(getScene().getWindow()) : fc.showOpenDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    /** Name, index at a wavelength, Abbe number and where the numbers come from (or why they are assumed). */
    private static void newMaterial(MaterialsViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("New material");
        TextField name = new TextField();
        TextField n = new TextField("1.50");
        TextField at = new TextField("589 nm");
        TextField abbe = new TextField("60");
        TextField source = new TextField();
        source.setPromptText("citation, or the reason the numbers are assumed");
        CheckBox assumed = new CheckBox("assumed (not measured)");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("name"), name);
        g.addRow(1, new Label("index"), n);
        g.addRow(2, new Label("at"), at);
        g.addRow(3, new Label("Abbe number"), abbe);
        g.addRow(4, new Label("source"), source);
        g.addRow(5, new Label(""), assumed);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> guard(() -> vm.createMaterial(name.getText(), n.getText(), at.getText(),
                abbe.getText(), source.getText(), assumed.isSelected())));
    }
}
