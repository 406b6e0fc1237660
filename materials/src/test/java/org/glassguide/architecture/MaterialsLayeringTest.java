package org.glassguide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** materials is the base module: no JavaFX, no JCuda, no other GlassGuide module. */
class MaterialsLayeringTest {
    @Test
    void materialsStaysFreeOfUiGpuAndSolver() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.glassguide.materials");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "jcuda..", "org.glassguide.solver..",
                "org.glassguide.ui..", "org.glassguide.gpu..", "java.awt..").check(classes);
    }
}
