package org.glassguide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** solver never touches JavaFX, JCuda, AWT or the modules above it. */
class SolverLayeringTest {
    @Test
    void solverStaysFreeOfUiAndGpu() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.glassguide.solver");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "jcuda..", "org.glassguide.ui..",
                "org.glassguide.gpu..", "org.glassguide.validation..", "java.awt..").check(classes);
    }
}
