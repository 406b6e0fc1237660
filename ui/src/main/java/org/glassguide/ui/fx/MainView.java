package org.glassguide.ui.fx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.ui.fx.view.DesignView;
import org.glassguide.ui.fx.view.FxCharts;
import org.glassguide.ui.fx.view.MaterialsView;
import org.glassguide.ui.fx.view.ModesView;
import org.glassguide.ui.fx.view.PropagationView;
import org.glassguide.ui.fx.view.ResultsView;
import org.glassguide.ui.fx.view.TeachingView;
import org.glassguide.ui.fx.viewmodel.DesignViewModel;
import org.glassguide.ui.fx.viewmodel.MaterialsViewModel;
import org.glassguide.ui.fx.viewmodel.ModesViewModel;
import org.glassguide.ui.fx.viewmodel.PropagationViewModel;
import org.glassguide.ui.fx.viewmodel.ResultsViewModel;
import org.glassguide.ui.fx.viewmodel.TaskRunner;
import org.glassguide.ui.fx.viewmodel.TeachingViewModel;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window: menus, one tab per view, and a status line with progress and cancel. */
public final class MainView extends BorderPane {
    private final DesignViewModel design;
    private final ModesViewModel modes;
    private final ResultsViewModel results;
    private final PropagationViewModel propagation;
    private final TabPane tabs = new TabPane();

    public MainView(MaterialLibrary library, TaskRunner runner) {
        design = new DesignViewModel(library);
        modes = new ModesViewModel(runner);
        results = new ResultsViewModel(runner);
        propagation = new PropagationViewModel(runner);
        tabs.getTabs().add(tab("Design", new DesignView(design)));
        tabs.getTabs().add(tab("Materials", new MaterialsView(new MaterialsViewModel(library))));
        tabs.getTabs().add(tab("Modes", new ModesView(modes, design.designProperty())));
        tabs.getTabs().add(tab("Propagation", new PropagationView(propagation, () -> design.designProperty().get())));
        tabs.getTabs().add(tab("Loss, emission, gain", new ResultsView(results, () -> design.designProperty().get())));
        tabs.getTabs().add(tab("Teaching", new TeachingView(new TeachingViewModel())));
        setTop(menus());
        setCenter(tabs);
        Label status = new Label();
        status.setId("status");
        // the status belongs to the tab whose task set it: another tab shows its own last word, not a stale "done"
        java.util.Map<javafx.scene.control.Tab, String> lastStatus = new java.util.HashMap<>();
        // the tab that was shown when the running task started: its words are kept under that tab, even when it ends
        // while another is shown
        javafx.scene.control.Tab[] owner = new javafx.scene.control.Tab[1];
        runner.runningProperty().addListener((o, a, running) -> {
            if (running) {
                owner[0] = tabs.getSelectionModel().getSelectedItem();
            }
        });
        runner.statusProperty().addListener((o, a, t) -> {
            javafx.scene.control.Tab shown = tabs.getSelectionModel().getSelectedItem();
            javafx.scene.control.Tab here = owner[0] != null ? owner[0] : shown;
            lastStatus.put(here, t);
            if (here == shown || runner.runningProperty().get()) {
                status.setText(t);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> status.setText(runner.runningProperty().get()
                ? runner.statusProperty().get() : lastStatus.getOrDefault(t, "")));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(runner.progressProperty());
        bar.visibleProperty().bind(runner.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(runner.runningProperty().not());
        cancel.setOnAction(e -> runner.cancel());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bottom = new HBox(8, status, bar, cancel);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        setBottom(bottom);
    }

    public DesignViewModel designModel() {
        return design;
    }

    public ModesViewModel modesModel() {
        return modes;
    }

    public ResultsViewModel resultsModel() {
        return results;
    }

    public PropagationViewModel propagationModel() {
        return propagation;
    }

    public TabPane tabs() {
        return tabs;
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    public void open(Path file) {
        try {
            design.load(file);
        } catch (IOException | RuntimeException e) {
            error(TaskRunner.message(e));
        }
    }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open design...");
        open.setOnAction(e -> choose(false, "*.yaml").ifPresent(this::open));
        MenuItem save = new MenuItem("Save design as YAML...");
        save.setOnAction(e -> choose(true, "*.yaml").ifPresent(p -> {
            try {
                design.save(p);
            } catch (IOException ex) {
                error(TaskRunner.message(ex));
            }
        }));
        MenuItem png = new MenuItem("Export this view as PNG...");
        png.setOnAction(e -> choose(true, "*.png").ifPresent(p -> {
            try {
                FxCharts.png(tabs.getSelectionModel().getSelectedItem().getContent(), p);
            } catch (IOException ex) {
                error(TaskRunner.message(ex));
            }
        }));
        MenuItem csv = new MenuItem("Export the mode table as CSV...");
        csv.setOnAction(e -> choose(true, "*.csv").ifPresent(p -> {
            try {
                Files.writeString(p, modes.csv(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                error(TaskRunner.message(ex));
            }
        }));
        MenuItem lossCsv = new MenuItem("Export the loss budget as CSV...");
        lossCsv.setOnAction(e -> choose(true, "*.csv").ifPresent(p -> {
            try {
                Files.writeString(p, results.lossCsv(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                error(TaskRunner.message(ex));
            }
        }));
        return new MenuBar(new Menu("File", null, open, save, png, csv, lossCsv));
    }

    private java.util.Optional<Path> choose(boolean save, String pattern) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        Window w = getScene() == null ? null : getScene().getWindow();
        java.io.File f = save ? fc.showSaveDialog(w) : fc.showOpenDialog(w);
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    private static void error(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(null);
        a.showAndWait();
    }
}
