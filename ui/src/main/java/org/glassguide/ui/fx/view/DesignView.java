package org.glassguide.ui.fx.view;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.glassguide.materials.Material;
import org.glassguide.ui.fx.viewmodel.DesignViewModel;
import org.glassguide.ui.fx.viewmodel.FiberNumbers;

/** The fiber editor: core and cladding glass and diameter, wavelength; live NA, V and modes; the index profile. */
public final class DesignView extends VBox {
    private final LineChart<Number, Number> profile = FxCharts.lineChart(null, "r (um)", "refractive index n");
    private final javafx.beans.property.BooleanProperty hasProfile = new javafx.beans.property.SimpleBooleanProperty(false);
    private final Label profileTitle = new Label("index profile n(r)");
    private final DesignViewModel vm;

    public DesignView(DesignViewModel vm) {
        this.vm = vm;
        setSpacing(10);
        setPadding(new Insets(12));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ComboBox<String> core = materialBox(vm);
        core.setId("core-material");
        core.valueProperty().bindBidirectional(vm.coreMaterialProperty());
        ComboBox<String> clad = materialBox(vm);
        clad.setId("cladding-material");
        clad.valueProperty().bindBidirectional(vm.claddingMaterialProperty());
        TextField dCore = field("core-diameter", vm.coreDiameterProperty());
        TextField dClad = field("cladding-diameter", vm.claddingDiameterProperty());
        TextField wl = field("wavelength", vm.wavelengthProperty());
        g.addRow(0, new Label("core glass"), core, new Label("core diameter"), dCore);
        g.addRow(1, new Label("cladding glass"), clad, new Label("cladding diameter"), dClad);
        g.addRow(2, new Label("wavelengths"), wl);
        wl.setPrefColumnCount(22);
        Label summary = new Label();
        summary.setId("design-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Label message = new Label();
        message.setId("design-message");
        message.setTextFill(Color.FIREBRICK);
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Label hint = new Label("Type units with the numbers (\"150 um\", \"0.68 mm\", \"633 nm\"); glasses by catalog name.");
        hint.setTextFill(Color.DIMGRAY);
        javafx.scene.control.ListView<String> outer = new javafx.scene.control.ListView<>(vm.outerLayers());
        outer.setId("outer-layers");
        outer.setEditable(true);
        outer.setCellFactory(javafx.scene.control.cell.TextFieldListCell.forListView());
        outer.setOnEditCommit(e -> vm.setOuterLayer(e.getIndex(), e.getNewValue()));
        outer.setPrefHeight(90);
        javafx.scene.control.Button addLayer = new javafx.scene.control.Button("Add layer");
        addLayer.setOnAction(e -> vm.setOuterLayer(vm.outerLayers().size(), "{material: {index: 1.40}, diameter: 1000 um}"));
        javafx.scene.control.Button removeLayer = new javafx.scene.control.Button("Remove layer");
        removeLayer.setOnAction(e -> {
            int i = outer.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.removeOuterLayer(i);
            }
        });
        profile.setId("index-profile");
        profile.setLegendVisible(false);
        profile.setPrefSize(560, 260);
        javafx.scene.layout.StackPane profilePane = FxCharts.withEmptyState(profile, hasProfile,
                "No index profile: the layers do not read as a fiber yet (see the message below)");
        profilePane.setMinSize(560, 260);
        profilePane.setMaxSize(560, 260);
        VBox fiberPane = new VBox(10, g, new Label("layers outside the cladding (a ring, a coating), as the file writes them; double-click to edit"),
                new javafx.scene.layout.HBox(8, outer, new VBox(6, addLayer, removeLayer)), profileTitle, profilePane, hint);
        VBox guidePane = waveguidePane(vm);
        fiberPane.visibleProperty().bind(vm.waveguideProperty().not());
        fiberPane.managedProperty().bind(fiberPane.visibleProperty());
        guidePane.visibleProperty().bind(vm.waveguideProperty());
        guidePane.managedProperty().bind(guidePane.visibleProperty());
        getChildren().addAll(fiberPane, guidePane, summary, message);
        vm.numbersProperty().addListener((o, a, b) -> draw());
        vm.designProperty().addListener((o, a, b) -> draw());
        draw();
    }

    /**
     * The waveguide editor: background glass, the painted shapes (kind, geometry and material written as in the design
     * file, later shapes over earlier ones), and the index over the solver window.
     */
    private static VBox waveguidePane(DesignViewModel vm) {
        TextField bg = new TextField();
        bg.setId("waveguide-background");
        bg.textProperty().bindBidirectional(vm.backgroundProperty());
        bg.setPrefColumnCount(24);
        javafx.scene.control.TableView<DesignViewModel.Shape> table = new javafx.scene.control.TableView<>(vm.shapes());
        table.setId("waveguide-shapes");
        table.setEditable(true);
        javafx.scene.control.TableColumn<DesignViewModel.Shape, String> kind = new javafx.scene.control.TableColumn<>("shape");
        kind.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().kind()));
        kind.setCellFactory(javafx.scene.control.cell.ComboBoxTableCell.forTableColumn(DesignViewModel.Shape.KINDS.toArray(new String[0])));
        kind.setOnEditCommit(e -> vm.setShape(e.getTablePosition().getRow(), new DesignViewModel.Shape(e.getNewValue(), e.getRowValue().geometry(),
                e.getRowValue().material())));
        javafx.scene.control.TableColumn<DesignViewModel.Shape, String> geom = new javafx.scene.control.TableColumn<>("geometry (as in the file)");
        geom.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().geometry()));
        geom.setCellFactory(javafx.scene.control.cell.TextFieldTableCell.forTableColumn());
        geom.setOnEditCommit(e -> vm.setShape(e.getTablePosition().getRow(), new DesignViewModel.Shape(e.getRowValue().kind(), e.getNewValue(),
                e.getRowValue().material())));
        geom.setPrefWidth(420);
        javafx.scene.control.TableColumn<DesignViewModel.Shape, String> mat = new javafx.scene.control.TableColumn<>("material");
        mat.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().material()));
        mat.setCellFactory(javafx.scene.control.cell.TextFieldTableCell.forTableColumn());
        mat.setOnEditCommit(e -> vm.setShape(e.getTablePosition().getRow(), new DesignViewModel.Shape(e.getRowValue().kind(), e.getRowValue().geometry(),
                e.getNewValue())));
        mat.setPrefWidth(200);
        table.getColumns().add(kind);
        table.getColumns().add(geom);
        table.getColumns().add(mat);
        table.setPrefHeight(200);
        javafx.scene.control.Button add = new javafx.scene.control.Button("Add rectangle");
        add.setOnAction(e -> vm.setShape(vm.shapes().size(), new DesignViewModel.Shape("rectangle",
                "{width: 1 um, height: 1 um, center: [0 um, 0 um]}", "{index: 1.5}")));
        javafx.scene.control.Button remove = new javafx.scene.control.Button("Remove selected");
        remove.setOnAction(e -> {
            int i = table.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.removeShape(i);
            }
        });
        FieldMapView index = new FieldMapView(560, 360, "the cross-section appears once the shapes read as a waveguide");
        index.setId("waveguide-index");
        vm.indexPictureProperty().addListener((o, a, p) -> index.show(p));
        index.show(vm.indexPictureProperty().get());
        Label how = new Label("Double-click a cell to edit; geometry as the file writes it, e.g. {width: 1.5 um, height: 1.5 um, center: [0 um, 0 um]},"
                + " {radius: 2 um, center: [0 um, 0 um]}, {y: [-1 um, 0 um]}, {points: [[0 um, 0 um], [1 um, 0 um], [0 um, 1 um]]};"
                + " material a catalog name or {index: 1.56}.");
        how.setWrapText(true);
        how.setTextFill(Color.DIMGRAY);
        return new VBox(8, new javafx.scene.layout.HBox(8, new Label("background"), bg), table, new javafx.scene.layout.HBox(8, add, remove), how,
                new Label("refractive index over the solver window"), index);
    }

    private static ComboBox<String> materialBox(DesignViewModel vm) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        for (Material m : vm.library().all()) {
            box.getItems().add(m.name());
        }
        box.setPrefWidth(200);
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(10);
        return t;
    }

    /** The stepped profile: each layer's index from its inner to its outer radius, then the surround to 1.15 times the outermost radius. */
    private void draw() {
        profile.getData().clear();
        FiberNumbers fn = vm.numbersProperty().get();
        if (vm.designProperty().get() == null || fn == null || !vm.designProperty().get().isFiber()) {
            hasProfile.set(false);
            return;
        }
        var layers = vm.designProperty().get().fiber().layers();
        double wl = vm.designProperty().get().wavelengths().get(0);
        double rMax = layers.get(layers.size() - 1).outerRadius() * 1.15;
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        double r0 = 0;
        for (int i = 0; i <= layers.size(); i++) {
            double n = i < layers.size() ? layers.get(i).material().n(wl, true, w -> { })
                    : vm.designProperty().get().fiber().surround().n(wl, true, w -> { });
            double r1 = i < layers.size() ? layers.get(i).outerRadius() : rMax;
            s.getData().add(new XYChart.Data<>(r0 * 1e6, n));
            s.getData().add(new XYChart.Data<>(r1 * 1e6, n));
            r0 = r1;
        }
        profile.getData().add(s);
        profileTitle.setText("index profile n(r) at " + org.glassguide.materials.units.Units.nm(wl) + " nm, the design's first wavelength");
        hasProfile.set(true);
    }
}
