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

/** glassguide sensor: the calibration reproduces the published detection limit; bad input. */
class SensorCliTest {
    @Test
    void zif62SensorReproducesItsDetectionLimit(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sensor", "../examples/zif62-oxygen-sensor.yaml", "--out", dir.resolve("s").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3.5, j.get("detectionLimitPercentO2").asDouble(), 1e-12);
        // dynamic quenching: intensity and lifetime fall together
        assertEquals(j.get("relativeIntensityAtMaxO2").asDouble(), j.get("lifetimeAtMaxO2S").asDouble() / j.get("lifetimeS").asDouble(), 1e-12);
        assertTrue(Files.isRegularFile(dir.resolve("s").resolve("decay.png")));
    }

    @Test
    void sensorWithoutConstantOrLimitIsBadInput(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("../examples/zif62-oxygen-sensor.yaml")).replace("  detection-limit: 3.5 %\n", "");
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, text);
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("sensor", d.toString(), "--out", dir.resolve("x").toString()), "k-sv or detection-limit");
    }
}
