package org.glassguide.solver.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed CPU ADI kernels (CpuAdiDouble, CpuAdiFloat) must come from the current template, as the committed PTX must
 * from the CUDA sources: each is headed by the SHA-256 of the template it was generated from; where python3 is on the
 * PATH, the generator also regenerates them in memory and compares every byte.
 */
class CpuAdiSourcesFreshnessTest {
    private static final System.Logger LOG = System.getLogger(CpuAdiSourcesFreshnessTest.class.getName());

    private static final Path TEMPLATE = Path.of("src/template/CpuAdi.java.template");
    private static final Path SOURCES = Path.of("src/main/java/org/glassguide/solver/compute");

    @Test
    void generatedKernelsNameTheCurrentTemplatesHash() throws Exception {
        String now = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(TEMPLATE)));
        for (String cls : new String[] {"CpuAdiDouble", "CpuAdiFloat"}) {
            String head = Files.readAllLines(SOURCES.resolve(cls + ".java"), StandardCharsets.UTF_8).get(0);
            assertTrue(head.startsWith("// Generated from solver/src/template/CpuAdi.java.template (sha256 "), cls + ": " + head);
            String recorded = head.substring(head.indexOf("sha256 ") + 7, head.indexOf(')'));
            assertEquals(now, recorded, cls + ".java was generated from another template: run python3 solver/src/template/generate.py");
        }
    }

    @Test
    void generatorGivesTheCommittedKernels() throws Exception {
        boolean python = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            python |= Files.isExecutable(Path.of(d, "python3"));
        }
        if (!python) {
            LOG.log(System.Logger.Level.INFO, "SKIPPED CPU kernel regeneration check: python3 is not on the PATH");
        }
        Assumptions.assumeTrue(python, "python3 is not on the PATH");
        Process p = new ProcessBuilder("python3", "src/template/generate.py", "--check").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "generate.py --check did not finish");
        assertEquals(0, p.exitValue(), log);
    }
}
