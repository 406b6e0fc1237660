package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example design, run as a user runs it (`glassguide run EXAMPLE --device cpu`: all its analyses), gives the numbers
 * recorded in src/test/resources/example-summaries: every leaf of its summary.json (sub-analyses included), numbers to 1e-6
 * relative (and 1e-22 absolute: a power of 1e-26 of the launch, a mode the beam does not excite, is round-off and moves with
 * the order of a solver's sums), text exactly; only timings, timestamps and the device line are left out. A change that moves any number of any
 * example fails here and says which; when the change is meant, rerun with -Dglassguide.writeExampleSummaries=true (it
 * rewrites the recorded summaries) and commit them with the reason.
 */
class ExampleSummariesTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path RECORDED = Path.of("src/test/resources/example-summaries");
    private static final double RELATIVE = 1e-6;
    /** Below this a number is round-off (the smallest meaningful one recorded is a Cauchy coefficient of 2.4e-15 m^2). */
    private static final double ABSOLUTE = 1e-22;

    static Stream<String> designs() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                // designs, not study files (sweeps, optimisations), which name a design of their own
                if (p.toString().endsWith(".yaml") && text.lines().anyMatch(l -> l.equals("format: glassguide/1"))) {
                    names.add(p.getFileName().toString().replace(".yaml", ""));
                }
            }
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("designs")
    void exampleGivesTheRecordedNumbers(String name, @TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("run", EXAMPLES.resolve(name + ".yaml").toString(), "--device", "cpu", "--out",
                dir.resolve(name).toString());
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> now = leaves(new ObjectMapper().readTree(dir.resolve(name).resolve("summary.json").toFile()));
        // what a user would distrust in a shipped example: a warning about its own settings, a negative loss, V rising with wavelength
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning:")).toList();
        assertTrue(warnings.isEmpty(), name + " warns about its own settings: " + warnings);
        for (Map.Entry<String, JsonNode> e : now.entrySet()) {
            String last = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            if (last.matches("(?i).*loss.*(db|neper).*") && e.getValue().isNumber()) {
                assertTrue(e.getValue().asDouble() >= 0, name + ": negative loss " + e.getKey() + " = " + e.getValue());
            }
        }
        for (int i = 1; now.containsKey("/fiber/" + i + "/vNumber"); i++) {
            double l0 = now.get("/fiber/" + (i - 1) + "/wavelengthM").asDouble();
            double l1 = now.get("/fiber/" + i + "/wavelengthM").asDouble();
            double v0 = now.get("/fiber/" + (i - 1) + "/vNumber").asDouble();
            double v1 = now.get("/fiber/" + i + "/vNumber").asDouble();
            assertTrue((l1 - l0) * (v1 - v0) < 0, name + ": V moves with the wavelength (" + v0 + " at " + l0 + " m, " + v1 + " at " + l1
                    + " m): a constant-index glass beside a dispersive one?");
        }
        Path file = RECORDED.resolve(name + ".json");
        if (Boolean.getBoolean("glassguide.writeExampleSummaries")) {
            Files.createDirectories(RECORDED);
            Map<String, JsonNode> sorted = new TreeMap<>(now);
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(sorted) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "no recorded summary for " + name + ": run with -Dglassguide.writeExampleSummaries=true");
        JsonNode recorded = new ObjectMapper().readTree(file.toFile());
        List<String> diffs = new ArrayList<>();
        for (Iterator<String> it = recorded.fieldNames(); it.hasNext();) {
            String key = it.next();
            JsonNode want = recorded.get(key);
            JsonNode got = now.get(key);
            if (got == null) {
                diffs.add(key + ": missing (recorded " + want + ")");
            } else if (want.isNumber() && got.isNumber()) {
                double a = want.asDouble();
                double b = got.asDouble();
                if (!(Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE) && !(Double.isNaN(a) && Double.isNaN(b))) {
                    diffs.add(key + ": " + b + " (recorded " + a + ")");
                }
            } else if (!want.equals(got)) {
                diffs.add(key + ": " + got + " (recorded " + want + ")");
            }
        }
        for (String key : now.keySet()) {
            if (!recorded.has(key)) {
                diffs.add(key + ": new (" + now.get(key) + ")");
            }
        }
        assertTrue(diffs.isEmpty(), name + ": " + diffs.size() + " values differ from the recorded summary, e.g. "
                + String.join("; ", diffs.subList(0, Math.min(8, diffs.size()))));
    }

    /** Every leaf of the summary by its path, without the run's timings, timestamp and device. */
    static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new TreeMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(JsonNode n, String path, Map<String, JsonNode> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (k.equals("generated") || k.equals("device") || k.endsWith("Seconds") || k.endsWith("PerSecond") || k.endsWith("PerSecondSlowest")
                        || k.endsWith("PerSecondFastest")) {
                    continue;
                }
                walk(e.getValue(), path + "/" + k, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "/" + i, out);
            }
        } else {
            out.put(path, n);
        }
    }
}
