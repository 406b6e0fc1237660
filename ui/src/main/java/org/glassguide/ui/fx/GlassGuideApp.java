package org.glassguide.ui.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.solver.bpm.PropagationSettings;
import org.glassguide.ui.fx.view.FxCharts;
import org.glassguide.ui.fx.viewmodel.TaskRunner;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

/**
 * The desktop app (`glassguide gui [DESIGN.yaml]`). With a screenshot folder it opens the design, runs every view's
 * computation inline, writes one PNG per view and exits: how the README's pictures are made.
 */
public final class GlassGuideApp extends Application {
    private static final java.util.logging.Logger FX_STARTUP_LOG = java.util.logging.Logger.getLogger("javafx");
    private static volatile Path initialDesign;
    private static volatile Path screenshots;
    private static volatile MaterialLibrary library = MaterialLibrary.builtIn();

    /** Starts the toolkit and blocks until the window closes. */
    public static void launch(Path design, Path screenshotFolder, MaterialLibrary lib) {
        initialDesign = design;
        screenshots = screenshotFolder;
        library = lib;
        // JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX configuration"); the
        // app runs from its one jar by design, so the warning says nothing a user can act on (the logger is held in a
        // field: java.util.logging keeps only weak references, and a collected logger would forget its level)
        FX_STARTUP_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(GlassGuideApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        TaskRunner runner = screenshots != null ? new SynchronousTaskRunner() : new FxTaskRunner();
        MainView main = new MainView(library, runner);
        Scene scene = new Scene(main, 1280, 900);
        stage.setTitle("GlassGuide" + (initialDesign == null ? "" : " — " + initialDesign.getFileName()));
        stage.setScene(scene);
        if (initialDesign != null) {
            main.open(initialDesign);
        }
        stage.show();
        if (screenshots != null) {
            Files.createDirectories(screenshots);
            var d = main.designModel().designProperty().get();
            // each computation started from its own tab, as a user starts it (the status line is that tab's)
            select(main, "Modes");
            if (d != null && d.isFiber() && d.fiber().layers().size() == 2) {
                main.modesModel().run(d);
            } else {
                main.modesModel().runSolver(d);
            }
            select(main, "Loss, emission, gain");
            main.resultsModel().run(main.designModel().designProperty().get());
            if (main.designModel().designProperty().get() != null && PropagationSettings.of(main.designModel().designProperty().get()) != null) {
                select(main, "Propagation");
                main.propagationModel().run(main.designModel().designProperty().get());
            }
            List<Tab> tabs = new ArrayList<>(main.tabs().getTabs());
            shoot(main, tabs, 0);
        }
    }

    private static void select(MainView main, String tab) {
        main.tabs().getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst().ifPresent(t -> main.tabs().getSelectionModel().select(t));
    }

    /** Selects each tab in turn, lets it lay out over two pulses, snapshots the whole window, then exits. */
    private static void shoot(MainView main, List<Tab> tabs, int i) {
        if (i == tabs.size()) {
            Platform.exit();
            return;
        }
        main.tabs().getSelectionModel().select(tabs.get(i));
        Platform.runLater(() -> Platform.runLater(() -> {
            String name = tabs.get(i).getText().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
            try {
                FxCharts.png(main, screenshots.resolve(name + ".png"));
            } catch (java.io.IOException e) {
                System.err.println("error: screenshot " + name + ": " + e.getMessage());
            }
            shoot(main, tabs, i + 1);
        }));
    }
}
