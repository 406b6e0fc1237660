package org.glassguide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * MVVM: view models hold properties and never touch controls, scenes or the toolkit; the command line never touches JavaFX;
 * the GPU backend only through the compute SPI.
 */
class UiLayeringTest {
    private static final JavaClasses UI = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.glassguide.ui");

    @Test
    void viewModelsStayOffTheSceneGraph() {
        noClasses().that().resideInAPackage("org.glassguide.ui.fx.viewmodel..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "org.glassguide.ui.fx.view..").check(UI);
    }

    @Test
    void commandsAndReportsDoNotNeedJavaFx() {
        noClasses().that().resideInAnyPackage("org.glassguide.ui.cli..", "org.glassguide.ui.report..").and().doNotHaveSimpleName("GuiCommand")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(UI);
    }

    /** The GPU backend is a run-time plug-in behind the compute SPI: the app and the command line never name its classes. */
    @Test
    void theGpuBackendIsReachedThroughTheComputeSpiOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.glassguide.gpu..", "jcuda..").check(UI);
    }

    /** Report writing lives in ui.report, one place per analysis: the command line only calls it (pictures, markup, arrays). */
    @Test
    void commandsHoldNoReportCode() {
        noClasses().that().resideInAPackage("org.glassguide.ui.cli..").should().dependOnClassesThat()
                .haveFullyQualifiedName("org.glassguide.ui.report.Plot").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.glassguide.ui.report.Png").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.glassguide.ui.report.MarkdownHtml").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.glassguide.ui.report.Npy").check(UI);
    }

    /**
     * The command line holds no physics: the analyses are reached through the registry (or the one entry point a shortcut
     * command calls), their results through the reports; a command reads options, makes one call and sets the exit code.
     */
    @Test
    void commandsHoldNoPhysics() {
        noClasses().that().resideInAPackage("org.glassguide.ui.cli..").should().dependOnClassesThat().resideInAnyPackage(
                "org.glassguide.solver.special..", "org.glassguide.solver.radial..", "org.glassguide.solver.fd..", "org.glassguide.solver.loss..",
                "org.glassguide.solver.gain..", "org.glassguide.solver.emission..", "org.glassguide.solver.sensor..", "org.glassguide.solver.codraw..",
                "org.glassguide.materials.index..", "org.glassguide.materials.attenuation..", "org.glassguide.materials.gain..",
                "org.glassguide.materials.thermal..").check(UI);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("org.glassguide.ui") ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each org.glassguide.ui package";
            }
        }).should().beFreeOfCycles().check(UI);
    }
}
