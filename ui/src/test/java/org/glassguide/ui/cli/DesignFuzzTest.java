package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.designfile.DesignReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A design-file fuzzer with a fixed seed: mutations of every example design (lines dropped, doubled, swapped or
 * re-indented; numbers and units replaced by extreme or broken ones; stray characters; the file cut short). Each
 * mutant is read as `glassguide` reads it, and the cheap examples' mutants are run end to end: the only acceptable
 * outcomes are a result or a GlassGuide message — never another exception, an "internal error", a hang, or a
 * partial folder.
 */
class DesignFuzzTest {
    static final long SEED = 20261203L;
    static final Path EXAMPLES = Path.of("../examples");
    static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    static final Pattern UNIT = Pattern.compile("\\b(um|nm|mm|cm|m|dB/cm|dB/mm|dB/m|W|mW|m\\^-3|K|s|ms|us)\\b");
    static final String[] NUMBERS = {"0", "-1", "1e300", "-1e300", "1e-300", "NaN", ".inf", "-.inf", "abc", "1e999", "0x10", "", "2147483648",
        "1e9", "3.0", "0.000001"};
    static final String[] UNITS = {"parsecs", "", "um um", "nm/s", "%", "dB", "µm", "1"};
    static final String[] STRAY = {"\u0000", "\t", "\u202E", "\uFEFF", ":", "[", "{", "]", "}", "&a ", "*a", "!!binary ", "#", "'", "\"", "- ", "? ",
        "\r", "\u2028", "%YAML 1.1\n"};

    static String mutate(String text, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int kind = rnd.nextInt(8);
        int i = rnd.nextInt(lines.size());
        switch (kind) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> {
                int j = rnd.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 3 -> lines.set(i, rnd.nextBoolean() ? "  " + lines.get(i) : lines.get(i).replaceFirst("^ {1,2}", ""));
            case 4 -> {
                return replaceOne(text, NUMBER, NUMBERS, rnd);
            }
            case 5 -> {
                return replaceOne(text, UNIT, UNITS, rnd);
            }
            case 6 -> {
                int at = rnd.nextInt(text.length() + 1);
                return text.substring(0, at) + STRAY[rnd.nextInt(STRAY.length)] + text.substring(at);
            }
            default -> {
                return text.substring(0, rnd.nextInt(text.length() + 1));
            }
        }
        return String.join("\n", lines);
    }

    static String replaceOne(String text, Pattern p, String[] choices, Random rnd) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text + "\n";
        }
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return text.substring(0, s[0]) + choices[rnd.nextInt(choices.length)] + text.substring(s[1]);
    }

    static List<Path> designs() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> {
                try {
                    return Files.readString(p).contains("format: glassguide/1");
                } catch (IOException e) {
                    return false;
                }
            }).sorted().toList();
        }
    }

    @Test
    void everyExampleMutatedIsReadOrRefusedWithAMessage() throws IOException {
        Random rnd = new Random(SEED);
        DesignReader reader = new DesignReader(MaterialLibrary.builtIn());
        List<Path> designs = designs();
        assertTrue(designs.size() >= 20, "the examples are found: " + designs);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (int round = 0; round < 14; round++) {
            for (Path d : designs) {
                String text = Files.readString(d);
                String mutant = mutate(text, rnd);
                if (rnd.nextInt(4) == 0) {
                    mutant = mutate(mutant, rnd);
                }
                cases++;
                String m = mutant;
                try {
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                        try {
                            reader.read(d.getFileName().toString(), new StringReader(m), EXAMPLES.toAbsolutePath());
                        } catch (GlassGuideException expected) {
                            assertFalse(expected.getMessage().contains("\n"), "one line: " + expected.getMessage());
                        }
                    }, "hang");
                } catch (Throwable t) {
                    failures.add(d.getFileName() + " round " + round + ": " + t + "\n--- mutant ---\n" + m);
                }
            }
        }
        assertTrue(cases >= 300, "cases: " + cases);
        assertEquals(List.of(), failures, failures.size() + " of " + cases + " mutants failed");
    }

    @Test
    void cheapExamplesMutatedRunEndToEndCleanly(@TempDir Path dir) throws IOException {
        Random rnd = new Random(SEED + 1);
        List<String[]> commands = List.of(new String[] {"run", "single-mode-silica.yaml"}, new String[] {"run", "graded-index-fiber.yaml"},
                new String[] {"loss", "zif62-hfk95n-loss.yaml"}, new String[] {"codraw", "zif62-hfk95n-codraw.yaml"},
                new String[] {"sensor", "zif62-oxygen-sensor.yaml"});
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (int round = 0; round < 12; round++) {
            for (String[] c : commands) {
                String text = Files.readString(EXAMPLES.resolve(c[1]));
                Path caseDir = Files.createDirectories(dir.resolve("case" + cases++));
                Path design = caseDir.resolve(c[1]);
                String mutant = mutate(text, rnd);
                Files.write(design, mutant.getBytes(StandardCharsets.UTF_8));
                Path out = caseDir.resolve("out");
                try {
                    GlassGuideCliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> GlassGuideCliTest.run(c[0], design.toString(),
                            "--out", out.toString()), "hang");
                    boolean ok = r.code() == 0 && Files.isRegularFile(out.resolve("summary.json"))
                            || r.code() == 2 && !Files.exists(out) && r.err().strip().lines().filter(l -> l.startsWith("error: ")).count() == 1;
                    if (!ok || r.err().contains("internal error") || r.err().contains("\tat ")) {
                        failures.add(c[1] + " case " + cases + ": exit " + r.code() + " " + r.err() + "\n--- mutant ---\n" + mutant);
                    }
                    try (Stream<Path> s = Files.list(caseDir)) {
                        List<String> partial = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
                        if (!partial.isEmpty()) {
                            failures.add(c[1] + " case " + cases + ": left " + partial);
                        }
                    }
                } catch (Throwable t) {
                    failures.add(c[1] + " case " + cases + ": " + t + "\n--- mutant ---\n" + mutant);
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases + " mutants failed");
    }
}
