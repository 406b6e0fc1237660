package org.glassguide.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
 * solver never touches JavaFX, JCuda, AWT or the modules above it; its packages form no cycle; a design is data that
 * knows no analysis (each analysis reads its own section), and the analysis SPI knows no analysis either.
 */
class SolverLayeringTest {
    private static final JavaClasses SOLVER = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.glassguide.solver");

    @Test
    void solverStaysFreeOfUiAndGpu() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "jcuda..", "org.glassguide.ui..",
                "org.glassguide.gpu..", "org.glassguide.validation..", "java.awt..").check(SOLVER);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("org.glassguide.solver") ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each org.glassguide.solver package";
            }
        }).should().beFreeOfCycles().check(SOLVER);
    }

    /** The design package is structure, materials, wavelengths and the shared mode-solver settings: no analysis, no reader. */
    @Test
    void designImportsNoAnalysis() {
        noClasses().that().resideInAPackage("org.glassguide.solver.design").should().dependOnClassesThat(
                resideInAPackage("org.glassguide.solver..").and(not(resideInAnyPackage("org.glassguide.solver.design", "org.glassguide.solver"))))
                .check(SOLVER);
    }

    /** The registry and the SPI name no analysis: analyses are found at run time. */
    @Test
    void theAnalysisSpiNamesNoAnalysis() {
        noClasses().that().resideInAPackage("org.glassguide.solver.analysis").should().dependOnClassesThat()
                .resideInAnyPackage("org.glassguide.solver.bpm..", "org.glassguide.solver.codraw..", "org.glassguide.solver.emission..",
                        "org.glassguide.solver.fd..", "org.glassguide.solver.fiber..", "org.glassguide.solver.gain..",
                        "org.glassguide.solver.loss..", "org.glassguide.solver.radial..", "org.glassguide.solver.sensor..",
                        "org.glassguide.solver.run..", "org.glassguide.solver.sweep..", "org.glassguide.solver.optimise..",
                        "org.glassguide.solver.designfile..")
                .check(SOLVER);
    }
}
