package org.glassguide.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.bpm.PropagationSettings;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.loss.LossSettings;
import org.glassguide.ui.fx.viewmodel.DesignViewModel;
import org.glassguide.ui.fx.viewmodel.FiberNumbers;
import org.glassguide.ui.fx.viewmodel.MaterialsViewModel;
import org.glassguide.ui.fx.viewmodel.ModesViewModel;
import org.glassguide.ui.fx.viewmodel.ResultsViewModel;
import org.glassguide.ui.fx.viewmodel.TeachingViewModel;
import org.junit.jupiter.api.Test;

/** View models on a synchronous task runner: no window, the same physics as the command line. */
class ViewModelTest {
    private static final MaterialLibrary LIB = MaterialLibrary.builtIn();

    @Test
    void designEditorGivesLiveNumbersAndReadableErrors() {
        DesignViewModel vm = new DesignViewModel(LIB);
        FiberNumbers f = vm.numbersProperty().get();
        double n1 = LIB.get("ZIF-62").n(633e-9, true, w -> { });
        double n2 = LIB.get("HFK95N").n(633e-9, true, w -> { });
        assertEquals(Math.sqrt(n1 * n1 - n2 * n2), f.na(), 1e-12);
        assertEquals(2 * Math.PI / 633e-9 * 75e-6 * f.na(), f.v(), 1e-9);
        vm.coreDiameterProperty().set("2 um");
        f = vm.numbersProperty().get();
        assertTrue(f.exact());
        long exact = new StepIndexModeSolver().solve(new StepIndexFiber(1e-6, n1, n2, 633e-9), false, ProgressMonitor.NONE).lpGroupCount();
        assertEquals(exact, f.lpGroups());
        vm.coreDiameterProperty().set("two microns");
        assertTrue(vm.messageProperty().get().contains("core diameter"), vm.messageProperty().get());
        vm.coreDiameterProperty().set("800 um");
        assertTrue(vm.messageProperty().get().contains("cladding diameter"), vm.messageProperty().get());
        vm.coreDiameterProperty().set("150 um");
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void editingKeepsTheFileSectionsAndReadsBack() throws IOException {
        DesignViewModel vm = new DesignViewModel(LIB);
        vm.load(Path.of("../examples/zif62-hfk95n-loss.yaml"));
        assertEquals("ZIF-62", vm.coreMaterialProperty().get());
        assertEquals("150 um", vm.coreDiameterProperty().get());
        vm.coreDiameterProperty().set("100 um");
        Design d = new DesignReader(LIB).read("edited", new StringReader(vm.yaml()), Path.of("../examples"));
        assertEquals(50e-6, d.fiber().layers().get(0).outerRadius(), 1e-15);
        assertNotNull(LossSettings.of(d));
        assertEquals(0.01, LossSettings.of(d).length(), 1e-15);
        assertEquals(3, d.wavelengths().size());
        assertEquals("450 nm, 545 nm, 650 nm", vm.wavelengthProperty().get());
        assertTrue(d.analyses().contains("loss"));
    }

    @Test
    void theWaveguideEditorEditsShapesAsTheFileWritesThem() throws IOException {
        DesignViewModel vm = new DesignViewModel(LIB);
        vm.load(Path.of("../examples/buried-channel.yaml"));
        assertTrue(vm.waveguideProperty().get());
        assertEquals(1, vm.shapes().size());
        DesignViewModel.Shape s = vm.shapes().get(0);
        assertEquals("rectangle", s.kind());
        assertEquals("{index: 1.56}", s.material());
        assertNotNull(vm.indexPictureProperty().get());
        // widen the channel to 2 um: the design read back has it, the picture's bright area grows
        double before = bright(vm.indexPictureProperty().get().values());
        vm.setShape(0, new DesignViewModel.Shape("rectangle", s.geometry().replace("width: 1.0 um", "width: 2.0 um"), s.material()));
        assertEquals("", vm.messageProperty().get(), vm.messageProperty().get());
        assertEquals(2 * before, bright(vm.indexPictureProperty().get().values()), 0.1 * before);
        Design d = new DesignReader(LIB).read("edited", new StringReader(vm.yaml()), Path.of("../examples"));
        assertEquals(1, d.waveguide().shapes().size());
        assertEquals("fd-semivector", d.solver().kind());
        vm.setShape(1, new DesignViewModel.Shape("circle", "{radius: 0.3 um, center: [0 um, 1 um]}", "ZIF-62"));
        assertEquals("", vm.messageProperty().get(), vm.messageProperty().get());
        vm.setShape(1, new DesignViewModel.Shape("circle", "{radius: -1 um, center: [0 um, 1 um]}", "ZIF-62"));
        assertTrue(vm.messageProperty().get().contains("radius"), vm.messageProperty().get());
    }

    private static double bright(double[][] img) {
        double n = 0;
        for (double[] r : img) {
            for (double v : r) {
                n += v > 0.5 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void outerFiberLayersAreEditedAsTheFileWritesThem() throws IOException {
        DesignViewModel vm = new DesignViewModel(LIB);
        vm.load(Path.of("../examples/w-profile-fiber.yaml"));
        int layers = vm.designProperty().get().fiber().layers().size();
        assertEquals(layers - 2, vm.outerLayers().size());
        vm.setOuterLayer(vm.outerLayers().size(), "{material: {index: 1.40}, diameter: 2000 um}");
        assertEquals("", vm.messageProperty().get(), vm.messageProperty().get());
        assertEquals(layers + 1, vm.designProperty().get().fiber().layers().size());
        assertEquals(1e-3, vm.designProperty().get().fiber().layers().get(layers).outerRadius(), 1e-15);
        vm.setOuterLayer(vm.outerLayers().size() - 1, "{material: {index: 1.40}, diameter: 1 um}");
        assertTrue(vm.messageProperty().get().contains("diameter") || vm.messageProperty().get().contains("radius"), vm.messageProperty().get());
        vm.removeOuterLayer(vm.outerLayers().size() - 1);
        assertEquals("", vm.messageProperty().get());
        assertEquals(layers, vm.designProperty().get().fiber().layers().size());
    }

    @Test
    void inlineMaterialsSurviveEditing() throws IOException {
        DesignViewModel vm = new DesignViewModel(LIB);
        vm.load(Path.of("../examples/smf-constant-index.yaml"));
        assertEquals("", vm.messageProperty().get());
        vm.wavelengthProperty().set("1310 nm");
        assertEquals("", vm.messageProperty().get(), vm.messageProperty().get());
        assertEquals(1310e-9, vm.designProperty().get().wavelengths().get(0), 1e-18);
    }

    @Test
    void modesTableMatchesTheSolverAndThePictureIsNormalised() throws IOException {
        DesignViewModel dvm = new DesignViewModel(LIB);
        dvm.coreDiameterProperty().set("3 um");
        ModesViewModel vm = new ModesViewModel(new SynchronousTaskRunner());
        vm.run(dvm.designProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.rows().isEmpty());
        assertEquals("LP01", vm.rows().get(0).name());
        double n1 = LIB.get("ZIF-62").n(633e-9, true, w -> { });
        double n2 = LIB.get("HFK95N").n(633e-9, true, w -> { });
        double ref = new StepIndexModeSolver().solve(new StepIndexFiber(1.5e-6, n1, n2, 633e-9), false, ProgressMonitor.NONE).lpModes().get(0).nEff();
        assertEquals(ref, vm.rows().get(0).nEff(), 1e-14);
        double max = 0;
        for (double[] r : vm.pictureProperty().get().values()) {
            for (double v : r) {
                max = Math.max(max, v);
            }
        }
        assertEquals(1, max, 1e-12);
        assertTrue(vm.csv().startsWith("mode,nEff"));
    }

    @Test
    void theDesignsOwnSolverGivesVectorArrowsAndTheIndexMap() throws IOException {
        Design d = new DesignReader(LIB).read(Path.of("../examples/buried-channel-vector.yaml"));
        ModesViewModel vm = new ModesViewModel(new SynchronousTaskRunner());
        vm.runSolver(d);
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.rows().isEmpty());
        assertEquals("loss (dB/cm)", vm.columns().get(0));
        var cli = new org.glassguide.solver.run.DesignRunner().run(d.with(java.util.List.of("modes"), d.options(), d.solver()), w -> { },
                ProgressMonitor.NONE).fdAnalyses().get(0).listed().get(0);
        assertEquals(cli.nEff(), vm.rows().get(0).nEff(), 1e-12);
        // a quasi-TE mode (TE fraction 0.9995): its arrows point along x
        assertFalse(vm.arrowsProperty().get().isEmpty());
        for (ModesViewModel.Arrow a : vm.arrowsProperty().get()) {
            assertTrue(Math.abs(a.dx()) >= Math.abs(a.dy()), a.toString());
        }
        assertNotNull(vm.indexMapProperty().get());
        // the mode picture carries the waveguide's outline: the index over the same window, with a core above its background
        double[][] structure = vm.pictureProperty().get().structure();
        assertNotNull(structure);
        assertEquals(vm.pictureProperty().get().values().length, structure.length);
        assertTrue(java.util.Arrays.stream(structure).flatMapToDouble(java.util.Arrays::stream).max().getAsDouble()
                > java.util.Arrays.stream(structure).flatMapToDouble(java.util.Arrays::stream).min().getAsDouble());
        Design fiber = new DesignReader(LIB).read(Path.of("../examples/graded-index-fiber.yaml"));
        vm.runSolver(fiber);
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.rows().get(0).name().startsWith("LP"));
        assertNotNull(vm.pictureProperty().get());
    }

    @Test
    void teachingFollowsTheSliders() {
        TeachingViewModel vm = new TeachingViewModel();
        vm.nCoreProperty().set(1.46);
        vm.nCladProperty().set(1.455);
        vm.wavelengthNmProperty().set(1550);
        vm.coreDiameterUmProperty().set(8);
        FiberNumbers f = vm.numbersProperty().get();
        assertTrue(f.v() < 2.405);
        assertEquals(1, f.lpGroups());
        assertTrue(vm.explanationProperty().get().contains("single-mode"));
        assertEquals(1, vm.picturesProperty().get().size());
        vm.coreDiameterUmProperty().set(20);
        assertEquals(Math.min(TeachingViewModel.PICTURED, vm.numbersProperty().get().lpGroups()), vm.picturesProperty().get().size());
        assertTrue(vm.picturesProperty().get().size() > 1);
        assertEquals("LP11", vm.picturesProperty().get().get(1).name());
        vm.coreDiameterUmProperty().set(8);
        assertEquals(Math.toDegrees(Math.asin(1.455 / 1.46)), vm.criticalAngleDeg(), 1e-12);
        vm.nCladProperty().set(1.47);
        assertNull(vm.numbersProperty().get());
        assertTrue(vm.explanationProperty().get().contains("nothing is guided"));
    }

    @Test
    void materialsSearchAndProvenance() {
        MaterialsViewModel vm = new MaterialsViewModel(LIB);
        vm.searchProperty().set("neodymium");
        assertTrue(vm.names().contains("Zn-Nd-IC"), vm.names().toString());
        vm.selectedProperty().set("Zn-Nd-IC");
        assertTrue(vm.detailsProperty().get().contains("Dai, Zhou, Yan"));
        assertNotNull(vm.attenuationCurveProperty().get());
        // Zn-Nd-IC's emission: the 1060 nm band is the strongest (weight 1 against 0.3 at 1330 nm)
        var em = vm.emissionCurveProperty().get();
        int peak = 0;
        for (int i = 1; i < em.y().length; i++) {
            peak = em.y()[i] > em.y()[peak] ? i : peak;
        }
        assertEquals(1060, em.xNm()[peak], 5);
        assertEquals(LIB.get("Zn-Nd-IC").index().n(vm.indexCurveProperty().get().xNm()[0] * 1e-9), vm.indexCurveProperty().get().y()[0], 1e-15);
    }

    @Test
    void resultsRunTheLossBudgetAndTheAmplifier() throws IOException {
        ResultsViewModel vm = new ResultsViewModel(new SynchronousTaskRunner());
        Design loss = new DesignReader(LIB).read(Path.of("../examples/zif62-hfk95n-loss.yaml"));
        vm.run(loss);
        assertEquals("", vm.errorProperty().get());
        assertEquals(3, vm.lossProperty().get().categories().size());
        assertEquals(4, vm.lossCsv().split("\n").length);
        assertNull(vm.gainProperty().get());
        Design gain = new DesignReader(LIB).read(Path.of("../examples/yb-double-clad-amplifier.yaml"));
        vm.run(gain);
        assertEquals(2, vm.gainProperty().get().names().size());
        // the length study: at the design's own 3 m the signal gain is the run's (0.4 W -> 19.55 W, 16.89 dB)
        var study = vm.gainVsLengthProperty().get();
        int at3 = java.util.Arrays.binarySearch(study.x(), 3.0);
        assertTrue(at3 >= 0);
        assertEquals(10 * Math.log10(19.5547 / 0.4), study.y().get(0)[at3], 1e-3);
        assertTrue(vm.textProperty().get().contains("signal1 1030 nm"));
    }

    @Test
    void propagationFillsTheSlicesAndTheBendRadiates() throws IOException {
        Design d = new DesignReader(LIB).read(Path.of("../examples/bent-channel-bpm.yaml"));
        org.glassguide.ui.fx.viewmodel.PropagationViewModel vm = new org.glassguide.ui.fx.viewmodel.PropagationViewModel(new SynchronousTaskRunner());
        vm.run(d);
        assertEquals("", vm.errorProperty().get());
        var s = vm.slicesProperty().get();
        assertNotNull(s);
        assertEquals(0, s.z()[0], 0);
        assertEquals(PropagationSettings.of(d).length(), s.z()[s.z().length - 1], 1e-9 * PropagationSettings.of(d).length());
        double[] p = vm.powerProperty().get().power();
        // a 1.5 um channel bent at 20 um loses thousands of dB/cm: most of the launch is gone after 60 um, never gained
        assertTrue(p[p.length - 1] < 0.1, "power left " + p[p.length - 1]);
        for (double v : p) {
            assertTrue(v <= 1 + 1e-9);
        }
        assertNotNull(vm.nearFieldProperty().get());
        // the near field carries the channel's outline: the permittivity over the same window, the core above the cladding
        double[][] st = vm.nearFieldProperty().get().structure();
        assertNotNull(st);
        assertEquals(vm.nearFieldProperty().get().values().length, st.length);
        assertEquals(1.56 * 1.56, java.util.Arrays.stream(st).flatMapToDouble(java.util.Arrays::stream).max().getAsDouble(), 1e-9);
        assertNotNull(vm.farFieldProperty().get());
        // and the planes carry the walls the row and column cut: core and cladding along each
        var done = vm.slicesProperty().get();
        assertEquals(1.56 * 1.56, java.util.Arrays.stream(done.rowEps()).max().getAsDouble(), 1e-9);
        assertEquals(1.44 * 1.44, java.util.Arrays.stream(done.columnEps()).min().getAsDouble(), 1e-9);
        assertNotNull(s.columns());
        assertEquals(s.rows().length, s.columns().length);
        assertTrue(vm.summaryProperty().get().contains("measured NA"));
    }

    @Test
    void userMaterialsJoinTheLibraryAndSave(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        MaterialLibrary lib = MaterialLibrary.builtIn().copy();
        MaterialsViewModel vm = new MaterialsViewModel(lib);
        String name = vm.createMaterial("Test glass", "1.52", "589 nm", "64", "a test", true);
        assertEquals(1.52, lib.get(name).index().n(589e-9), 1e-12);
        assertTrue(lib.get(name).indexProvenance().isAssumed());
        Path saved = dir.resolve("test-glass.yaml");
        vm.saveSelected(saved);
        assertEquals(1.52, org.glassguide.materials.io.MaterialReader.readFile(saved).index().n(589e-9), 1e-12);
        Path page = dir.resolve("silica-page.yml");
        java.nio.file.Files.writeString(page, "REFERENCES: \"I. H. Malitson 1965\"\nDATA:\n  - type: formula 1\n    wavelength_range: 0.21 6.7\n"
                + "    coefficients: 0 0.6961663 0.0684043 0.4079426 0.1162414 0.8974794 9.896161\n");
        String imported = vm.importMaterial(page);
        assertEquals(lib.get("fused silica").index().n(1e-6), lib.get(imported).index().n(1e-6), 1e-15);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> vm.createMaterial("X", "1.5", "589 nm", "60", " ", true));
    }

    @Test
    void propagationWithoutASectionSaysSo() throws IOException {
        Design d = new DesignReader(LIB).read(Path.of("../examples/single-mode-silica.yaml"));
        org.glassguide.ui.fx.viewmodel.PropagationViewModel vm = new org.glassguide.ui.fx.viewmodel.PropagationViewModel(new SynchronousTaskRunner());
        vm.run(d);
        assertTrue(vm.errorProperty().get().contains("propagation:"));
    }
}
