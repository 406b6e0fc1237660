package org.glassguide.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every validation case of `glassguide validate`, each checked quantity a test of its own. */
class ValidationCasesTest {
    @TestFactory
    Stream<DynamicTest> everyCasePasses() {
        ValidationRunner runner = new ValidationRunner(MaterialLibrary.builtIn());
        List<String> files = ValidationRunner.caseFiles();
        long start = System.nanoTime();
        return files.stream().flatMap(file -> {
            // a line per case: the suite runs for minutes, and the build log shows where it is
            System.out.printf(java.util.Locale.ROOT, "validation case %d/%d %s (%.0f s elapsed)%n", files.indexOf(file) + 1, files.size(),
                    file.replace(".yaml", ""), (System.nanoTime() - start) * 1e-9);
            List<ValidationRow> rows = runner.runCase(file);
            assertFalse(rows.isEmpty(), file + " checks something");
            return rows.stream().map(r -> DynamicTest.dynamicTest(r.caseId() + ": " + r.quantity(), () ->
                    assertTrue(r.passed(), r.quantity() + ": reference " + r.reference() + ", computed " + r.computed()
                            + ", error " + r.error() + " > tolerance " + r.tolerance())));
        });
    }
}
