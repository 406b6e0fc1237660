package org.glassguide.gpu;

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
 * The committed PTX (what machines without nvcc ship) must come from the current kernel sources: the hash
 * of the sources it was built from is committed beside it (gpu/build-ptx.sh --commit writes both); where
 * nvcc is on the PATH, the sources are also compiled afresh and must give the committed PTX.
 */
class PtxFreshnessTest {
    /** Where the skip reasons and the device used go (the surefire report shows them). */
    private static final System.Logger LOG = System.getLogger(PtxFreshnessTest.class.getName());

    private static final Path RES = Path.of("src/main/resources/org/glassguide/gpu");
    private static final Path SRC = Path.of("src/main/cuda");

    @Test
    void committedPtxComesFromTheCurrentSources() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(SRC.resolve("adi.cu")));
        md.update(Files.readAllBytes(SRC.resolve("adi_kernels.cuh")));
        String now = HexFormat.of().formatHex(md.digest());
        String recorded = Files.readString(RES.resolve("adi.ptx.sources.sha256")).trim();
        assertEquals(recorded, now, "the kernel sources changed since the PTX was committed: run gpu/build-ptx.sh --commit");
        String ptx = Files.readString(RES.resolve("adi.ptx"));
        for (String k : new String[] {"explicit_rows", "transpose_rows", "solve_rows", "multiply", "power_partial"}) {
            for (String s : new String[] {"_f", "_d"}) {
                assertTrue(ptx.contains(".entry " + k + s), "the PTX lacks the kernel " + k + s);
            }
        }
    }

    @Test
    void nvccRebuildsTheCommittedPtx() throws Exception {
        boolean nvcc = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            nvcc |= Files.isExecutable(Path.of(d, "nvcc"));
        }
        if (!nvcc) {
            LOG.log(System.Logger.Level.INFO, "SKIPPED PTX rebuild check: nvcc is not on the PATH");
        }
        Assumptions.assumeTrue(nvcc, "nvcc is not on the PATH");
        Path out = Files.createTempDirectory("ptx");
        Process p = new ProcessBuilder("nvcc", "-ptx", "-arch=compute_75", "-O3", "-o", out.resolve("adi.ptx").toString(),
                SRC.resolve("adi.cu").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "nvcc failed: " + log);
        String fresh = Files.readString(out.resolve("adi.ptx"));
        String committed = Files.readString(RES.resolve("adi.ptx"));
        String freshVersion = fresh.lines().filter(l -> l.startsWith("// Cuda compilation tools")).findFirst().orElse("");
        String committedVersion = committed.lines().filter(l -> l.startsWith("// Cuda compilation tools")).findFirst().orElse("");
        if (!freshVersion.equals(committedVersion)) {
            LOG.log(System.Logger.Level.INFO, "SKIPPED PTX text comparison: this nvcc (" + freshVersion + ") is not the one that built the committed PTX ("
                    + committedVersion + ")");
        }
        Assumptions.assumeTrue(freshVersion.equals(committedVersion), "a different nvcc version");
        assertEquals(committed, fresh, "the committed PTX is stale: run gpu/build-ptx.sh --commit");
    }
}
