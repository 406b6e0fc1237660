package org.glassguide.ui.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.analysis.Analyses;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.ui.cli.GlassGuideCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding an analysis needs its own package and one registration line, nothing else: the registration here is a services
 * file this test writes, seen through the thread's context class loader (so the rest of the suite never sees "contrast").
 * With it, a design file may have a contrast: section (read and checked by the analysis, with line and column), list the
 * analysis, `glassguide run` writes its folder and summary, and a sweep tabulates its outputs.
 */
class IndexContrastAnalysisTest {
    private static final String DESIGN = """
            format: glassguide/1
            name: toy
            structure:
              fiber:
                layers:
                  - { material: ZIF-62, diameter: 150 um }
                  - { material: HFK95N, diameter: 680 um }
                surround: air
            wavelengths: [589 nm, 633 nm]
            analyses: [fiber, contrast]
            contrast: { scale: %s }
            """;

    @Test
    void unregisteredTheSectionIsAnUnknownKey() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> read(DESIGN.formatted("percent")));
        assertTrue(e.getMessage().contains("contrast"), e.getMessage());
    }

    @Test
    void registeredItsSectionIsReadAndCheckedByIt(@TempDir Path dir) throws Exception {
        withRegistration(dir, () -> {
            assertTrue(Analyses.names().contains("contrast"));
            Design d = read(DESIGN.formatted("percent"));
            assertEquals(new IndexContrastAnalysis.Settings(true), d.section("contrast", IndexContrastAnalysis.Settings.class));
            GlassGuideException e = assertThrows(GlassGuideException.class, () -> read(DESIGN.formatted("ppm")));
            // the analysis' own message, placed in the file: line 11 is the contrast: section
            assertTrue(e.getMessage().contains(":11:") && e.getMessage().contains("contrast.scale") && e.getMessage().contains("ppm")
                    && e.getMessage().contains("fraction, percent"), e.getMessage());
            return null;
        });
    }

    /** Delta = NA^2 / (2 n1^2): the toy's number against the step-index analysis' numerical aperture from the same run. */
    @Test
    void runWritesItsFolderAndItsNumbersAgreeWithTheFiberAnalysis(@TempDir Path dir) throws Exception {
        Path design = dir.resolve("toy.yaml");
        Files.writeString(design, DESIGN.formatted("fraction"));
        withRegistration(dir, () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = GlassGuideCli.execute(new String[] {"run", design.toString(), "--out", dir.resolve("out").toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(0, code, err.toString());
            Path folder = dir.resolve("out");
            assertTrue(Files.isRegularFile(folder.resolve("contrast").resolve("outputs.csv")));
            JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
            JsonNode rows = summary.get("analyses").get("contrast").get("summary").get("outputs");
            assertEquals(2, rows.size());
            for (int i = 0; i < 2; i++) {
                double na = summary.get("fiber").get(i).get("numericalAperture").asDouble();
                double n1 = summary.get("fiber").get(i).get("nCore").asDouble();
                assertEquals(na * na / (2 * n1 * n1), rows.get(i).get("relativeIndexDifference").asDouble(), 1e-12);
            }
            assertTrue(out.toString().contains("relativeIndexDifference"), out.toString());
            return null;
        });
    }

    @Test
    void aSweepTabulatesItsOutputs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("toy.yaml"), DESIGN.formatted("percent"));
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                format: glassguide-sweep/1
                name: toy-contrast
                design: toy.yaml
                analysis: contrast
                parameters:
                  - path: wavelength
                    values: [500 nm, 1000 nm]
                outputs: [relativeIndexDifference]
                """);
        withRegistration(dir, () -> {
            StringWriter err = new StringWriter();
            int code = GlassGuideCli.execute(new String[] {"sweep", sweep.toString(), "--out", dir.resolve("sweep-out").toString()},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(0, code, err.toString());
            List<String> csv = Files.readAllLines(dir.resolve("sweep-out").resolve("results.csv"));
            assertTrue(csv.get(0).contains("relativeIndexDifference"), csv.get(0));
            assertEquals(3, csv.size(), String.join("\n", csv));
            return null;
        });
    }

    private static Design read(String text) {
        return new DesignReader(MaterialLibrary.builtIn()).read("toy.yaml", new StringReader(text), Path.of("."));
    }

    /** Runs the body with "contrast" registered: a services file in a folder the context class loader also searches. */
    private static <T> T withRegistration(Path dir, Callable<T> body) throws Exception {
        Path services = dir.resolve("registration").resolve("META-INF").resolve("services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("org.glassguide.solver.analysis.Analysis"), IndexContrastAnalysis.class.getName() + "\n");
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("registration").toUri().toURL()}, before)) {
            t.setContextClassLoader(loader);
            return body.call();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void theRegistrationIsAllItTakes() throws IOException {
        // the analysis is reached only through the registry: nothing in main code names it
        for (String module : List.of("../solver/src/main", "../ui/src/main", "../validation/src/main")) {
            try (var files = Files.walk(Path.of(module))) {
                assertFalse(files.filter(Files::isRegularFile).anyMatch(f -> {
                    try {
                        return Files.readString(f).contains("IndexContrast");
                    } catch (IOException e) {
                        return false;
                    }
                }), module);
            }
        }
    }
}
