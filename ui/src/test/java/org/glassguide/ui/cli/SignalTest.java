package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.glassguide.solver.run.OutputFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C and a killed job send) at several moments of real runs, in a separate JVM: the command stops
 * without a trace, and its output folder is either absent or whole — never half-written, never a hidden leftover.
 */
class SignalTest {
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static Process start(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), GlassGuideCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void sigtermLeavesWholeFoldersOrNone(@TempDir Path root) throws Exception {
        List<String[]> commands = List.of(new String[] {"gain", "yb-double-clad-amplifier.yaml"}, new String[] {"run", "zif62-hfk95n-fiber.yaml"},
                new String[] {"bpm", "few-mode-fiber-bpm.yaml"}, new String[] {"emission", "zif62-zn25-emission.yaml"});
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String[] c : commands) {
            for (long delayMs : new long[] {400, 1500, 3000}) {
                Path dir = Files.createDirectories(root.resolve("case" + n++));
                Process p = start(dir, c[0], EXAMPLES.resolve(c[1]).toString(), "--out", "out");
                if (p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                    // finished before the signal: nothing to check beyond a clean exit
                    checkFolder(dir, c, delayMs, p.exitValue(), failures);
                    continue;
                }
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    failures.add(c[0] + " @" + delayMs + " ms: still running 60 s after SIGTERM");
                    continue;
                }
                checkFolder(dir, c, delayMs, p.exitValue(), failures);
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void checkFolder(Path dir, String[] c, long delayMs, int code, List<String> failures) throws IOException {
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        String what = c[0] + " @" + delayMs + " ms (exit " + code + "): ";
        if (err.contains("internal error") || err.contains("Exception") || err.contains("\tat ")) {
            failures.add(what + err);
        }
        if (code != 0 && code != 130 && code != 143) {
            failures.add(what + "unexpected exit; " + err);
        }
        Path out = dir.resolve("out");
        if (Files.exists(out) && !(Files.isRegularFile(out.resolve("summary.json")) && Files.isRegularFile(out.resolve(OutputFolders.MARKER)))) {
            failures.add(what + "a half-written folder: " + String.join(",", new File(out.toString()).list()));
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> hidden = s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(".")).toList();
            if (!hidden.isEmpty()) {
                failures.add(what + "left " + hidden);
            }
        }
    }
}
