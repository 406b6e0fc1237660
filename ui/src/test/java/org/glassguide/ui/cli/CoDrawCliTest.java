package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoDrawCliTest {
    @Test
    void codrawExampleWritesItsFolderAndJson(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cd");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("codraw", "../examples/zif62-hfk95n-codraw.yaml", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("coViscousWindowK").isNull());
        assertEquals(844, j.get("moltenCoreWindowK").get("toK").asDouble(), 1e-6);
        assertEquals(680e-6, j.get("drawnFiber").get("outerDiameterM").asDouble(), 1e-12);
        for (String f : new String[] {"summary.json", "viscosity.csv", "viscosity.png", "tolerance.csv", "report.md", "report.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void codrawOnAWaveguideIsBadInput(@TempDir Path dir) {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("codraw", "../examples/buried-channel.yaml", "--out", dir.resolve("x").toString());
        GlassGuideCliTest.assertBadInput(r, "co-draw");
        assertTrue(!Files.exists(dir.resolve("x")));
    }
}
