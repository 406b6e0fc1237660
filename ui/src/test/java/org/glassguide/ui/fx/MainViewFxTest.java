package org.glassguide.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** Smoke test of the window, headless (Monocle): every view opens, an example loads, a computation fills the table. */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {
    private MainView main;

    @Start
    void start(Stage stage) {
        main = new MainView(MaterialLibrary.builtIn(), new FxTaskRunner());
        stage.setScene(new Scene(main, 1280, 900));
        stage.show();
    }

    @Test
    void everyViewOpensAndTheModesOfAnExampleAppear(FxRobot robot) throws Exception {
        robot.interact(() -> main.open(Path.of("../examples/single-mode-silica.yaml")));
        for (String tab : new String[] {"Materials", "Teaching", "Propagation", "Loss, emission, gain", "Design"}) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Label summary = robot.lookup("#design-summary").queryAs(Label.class);
        assertTrue(summary.getText().contains("NA"), summary.getText());
        robot.clickOn("#core-diameter").eraseText(20).write("9 um");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("9 um", robot.lookup("#core-diameter").queryAs(TextField.class).getText());
        robot.clickOn("Modes");
        robot.clickOn("#run-modes");
        TableView<?> table = robot.lookup("#modes-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertFalse(table.getItems().isEmpty());
        assertTrue(robot.lookup("#modes-summary").queryAs(Label.class).getText().contains("LP groups"));
        // the status line belongs to the tab whose task wrote it: the Design tab does not show the modes' "done"
        javafx.scene.control.Button cancel = robot.lookup("#cancel").queryAs(javafx.scene.control.Button.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, cancel::isDisabled);
        Label status = robot.lookup("#status").queryAs(Label.class);
        String onModes = status.getText();
        assertFalse(onModes.isEmpty());
        robot.clickOn("Design");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(status.getText().equals(onModes), status.getText());
        robot.clickOn("Modes");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(onModes, status.getText());
    }

    /**
     * Every picture carries axes with units and a colour bar with its meaning; a picture or chart with nothing to show
     * says so instead of drawing an empty square or made-up axes.
     */
    @Test
    void picturesHaveAxesAndAbsentDataSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> main.open(Path.of("../examples/single-mode-silica.yaml")));
        robot.clickOn("Modes");
        robot.clickOn("#run-modes");
        org.glassguide.ui.fx.view.FieldMapView mode = robot.lookup("#mode-picture").queryAs(org.glassguide.ui.fx.view.FieldMapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !mode.xLabel().isEmpty());
        assertEquals("x (um)", mode.xLabel());
        assertEquals("y (um)", mode.yLabel());
        assertTrue(mode.colourBarLabel().contains("intensity"), mode.colourBarLabel());
        // a step-index fiber has no FD index map: the place says why, no axes
        org.glassguide.ui.fx.view.FieldMapView index = robot.lookup("#index-map").queryAs(org.glassguide.ui.fx.view.FieldMapView.class);
        assertEquals("", index.xLabel());
        // the results view before any run, and for a design without gain: messages, not charts
        robot.clickOn("Loss, emission, gain");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gain-chart-empty").queryAs(Label.class).isVisible());
        assertFalse(robot.lookup("#gain-chart").query().isVisible());
        assertTrue(robot.lookup("#spectrum-chart-empty").queryAs(Label.class).isVisible());
        // each chart's axes say what they show, with units
        assertEquals("dB", robot.lookup("#loss-bars").queryAs(javafx.scene.chart.XYChart.class).getYAxis().getLabel());
        assertEquals("z (m)", robot.lookup("#gain-chart").queryAs(javafx.scene.chart.LineChart.class).getXAxis().getLabel());
        assertEquals("wavelength (nm)", robot.lookup("#spectrum-chart").queryAs(javafx.scene.chart.LineChart.class).getXAxis().getLabel());
        // the propagation view of a design without a propagation section: its pictures say what they wait for
        robot.clickOn("Propagation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#bpm-near").queryAs(org.glassguide.ui.fx.view.FieldMapView.class).xLabel());
        javafx.scene.chart.LineChart<?, ?> power = robot.lookup("#bpm-power").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals("z (mm)", power.getXAxis().getLabel());
        assertEquals("power / launched", power.getYAxis().getLabel());
        assertTrue(robot.lookup("#bpm-power-empty").queryAs(Label.class).isVisible());
        assertFalse(power.isVisible());
    }

    /**
     * The Design, Materials, Teaching and Modes views end to end: the index profile is a chart with labelled axes (one
     * y label, ticks); the materials charts are labelled and the attenuation's note is a wrapped line, not a cut-off
     * legend; every mode picture of the teaching gallery has axes in um and a colour bar; the Modes view solves at the
     * wavelength picked among the design's.
     */
    @Test
    void designMaterialsTeachingAndModesViewsAreLabelled(FxRobot robot) throws Exception {
        robot.interact(() -> main.open(Path.of("../examples/single-mode-silica.yaml")));
        robot.clickOn("Design");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.LineChart<?, ?> profile = robot.lookup("#index-profile").queryAs(javafx.scene.chart.LineChart.class);
        assertTrue(profile.isVisible());
        assertEquals("r (um)", profile.getXAxis().getLabel());
        assertEquals("refractive index n", profile.getYAxis().getLabel());
        assertFalse(profile.getData().isEmpty());
        assertFalse(robot.lookup("#index-profile-empty").queryAs(Label.class).isVisible());
        // fields that do not read as a fiber: the profile's place says so, and comes back with a valid diameter
        robot.clickOn("#core-diameter").eraseText(20).write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#index-profile-empty").queryAs(Label.class).isVisible());
        assertFalse(profile.isVisible());
        robot.clickOn("#core-diameter").eraseText(20).write("8.2 um");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(profile.isVisible());

        robot.clickOn("Materials");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.LineChart<?, ?> n = robot.lookup("#index-chart").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals("wavelength (nm)", n.getXAxis().getLabel());
        assertEquals("n", n.getYAxis().getLabel());
        Label note = robot.lookup("#attenuation-note").queryAs(Label.class);
        assertTrue(note.isWrapText());
        // a glass without an emission band: the chart's place says so
        robot.clickOn("HFK95N");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#emission-chart-empty").queryAs(Label.class).isVisible());
        assertFalse(robot.lookup("#emission-chart").query().isVisible());
        robot.clickOn("ZIF-62");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#emission-chart").query().isVisible());
        assertEquals("wavelength (nm)", robot.lookup("#emission-chart").queryAs(javafx.scene.chart.LineChart.class).getXAxis().getLabel());

        robot.clickOn("Teaching");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.FlowPane gallery = robot.lookup("#teach-modes").queryAs(javafx.scene.layout.FlowPane.class);
        java.util.List<org.glassguide.ui.fx.view.FieldMapView> pictures = robot.lookup(".teach-mode").queryAllAs(org.glassguide.ui.fx.view.FieldMapView.class)
                .stream().toList();
        assertFalse(gallery.getChildren().isEmpty());
        assertFalse(pictures.isEmpty());
        for (org.glassguide.ui.fx.view.FieldMapView p : pictures) {
            assertEquals("x (um)", p.xLabel());
            assertEquals("y (um)", p.yLabel());
            assertTrue(p.colourBarLabel().contains("intensity"), p.colourBarLabel());
        }
        // thousands of modes: no pictures, a sentence saying why
        robot.interact(() -> robot.lookup("#teach-core").queryAs(javafx.scene.control.Slider.class).setValue(50));
        robot.interact(() -> robot.lookup("#teach-ncore").queryAs(javafx.scene.control.Slider.class).setValue(1.8));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".teach-mode").queryAll().isEmpty());
        assertTrue(robot.lookup("#teach-modes-none").queryAs(Label.class).isVisible());

        robot.clickOn("Modes");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> wl = robot.lookup("#modes-wavelength").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(74, wl.getItems().size());
        int at1550 = wl.getItems().indexOf("1550 nm");
        assertTrue(at1550 > 0, wl.getItems().toString());
        robot.interact(() -> wl.getSelectionModel().select(at1550));
        robot.clickOn("#run-modes");
        Label summary = robot.lookup("#modes-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().contains("1550 nm"));
        assertTrue(summary.getText().contains("1550 nm"), summary.getText());
    }
}
