package org.glassguide.ui.fx.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.glassguide.ui.fx.viewmodel.MaterialsViewModel;

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
        VBox left = new VBox(6, search, list);
        left.setPadding(new Insets(8));
        LineChart<Number, Number> n = FxCharts.lineChart("refractive index", "wavelength (nm)", "n");
        n.setId("index-chart");
        LineChart<Number, Number> att = FxCharts.lineChart("attenuation", "wavelength (nm)", "dB/cm");
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
        vm.attenuationCurveProperty().addListener((o, a, c) -> {
            if (c != null) {
                FxCharts.setLines(att, List.of(c.name()), c.xNm(), List.of(c.y()));
            } else {
                att.getData().clear();
            }
        });
        VBox right = new VBox(6, n, att, details);
        right.setPadding(new Insets(8));
        getItems().addAll(left, right);
        setDividerPositions(0.25);
        if (!vm.names().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }
}
