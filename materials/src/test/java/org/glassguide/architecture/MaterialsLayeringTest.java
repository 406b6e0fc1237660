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
 * materials is the base module: no JavaFX, no JCuda, no other GlassGuide module; its packages form no cycle; errors,
 * units, YAML reading and provenance are usable without the materials physics.
 */
class MaterialsLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.glassguide.materials");

    @Test
    void materialsStaysFreeOfUiGpuAndSolver() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "jcuda..", "org.glassguide.solver..",
                "org.glassguide.ui..", "org.glassguide.gpu..", "java.awt..").check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(CLASSES);
    }

    /** The foundations every module reads files and reports errors with. */
    @Test
    void foundationsDoNotNeedTheMaterialsPhysics() {
        noClasses().that().resideInAnyPackage("org.glassguide.materials.errors..", "org.glassguide.materials.units..",
                "org.glassguide.materials.yaml..", "org.glassguide.materials.source..").should().dependOnClassesThat()
                .resideInAnyPackage("org.glassguide.materials", "org.glassguide.materials.index..", "org.glassguide.materials.attenuation..",
                        "org.glassguide.materials.gain..", "org.glassguide.materials.thermal..", "org.glassguide.materials.io..",
                        "org.glassguide.materials.catalog..")
                .check(CLASSES);
    }

    /** Each package its own slice (the root package included, which a "(**)" pattern would leave out). */
    static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("org.glassguide.") ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each org.glassguide package";
        }
    };
}
