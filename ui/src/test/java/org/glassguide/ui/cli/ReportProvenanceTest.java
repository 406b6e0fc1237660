package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report stands alone (pictures embedded, captioned) and every folder says where it came from. */
class ReportProvenanceTest {
    @Test
    void reportEmbedsItsPicturesAndRecordsVersionCommandAndDesignHash(@TempDir Path dir) throws IOException, NoSuchAlgorithmException {
        String design = "../examples/zif62-oxygen-sensor.yaml";
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sensor", design, "--out", dir.resolve("s").toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("s").resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"), "pictures embedded");
        assertFalse(html.contains("src=\"response.png\""), "no link to a file beside the page");
        assertTrue(html.contains("<figcaption>Figure 1. "), "captioned");
        JsonNode p = new ObjectMapper().readTree(dir.resolve("s").resolve("provenance.json").toFile());
        assertTrue(p.get("command").asText().startsWith("glassguide sensor "), p.toString());
        assertFalse(p.get("glassguide").asText().isEmpty());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(design))));
        assertEquals(sha, p.get("inputs").get(0).get("sha256").asText());
        assertTrue(html.contains(sha), "the design's hash at the foot of the report");
    }
}
