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

/** glassguide sensor: the calibration reproduces the published detection limit; two sites, temperature, diffusion; bad input. */
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
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("sensor", d.toString(), "--out", dir.resolve("x").toString()), "k-sv, sites or detection-limit");
    }

    private static Path design(Path dir, String sensor) throws IOException {
        String text = Files.readString(Path.of("../examples/zif62-oxygen-sensor.yaml"));
        text = text.substring(0, text.indexOf("sensor:\n")) + "sensor:\n" + sensor;
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, text);
        return d;
    }

    @Test
    void twoSitesCurveDownAndLeaveTheUnreachedLight(@TempDir Path dir) throws IOException {
        Path d = design(dir, "  sites:\n    - { fraction: 75 %, k-sv: 0.3 }\n    - { fraction: 25 %, k-sv: 0 }\n  oxygen-max: 100 %\n");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sensor", d.toString(), "--out", dir.resolve("s").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("2-site (Demas)", j.get("model").asText());
        assertEquals(0.75 * 0.3, j.get("kSvPerPercentO2").asDouble(), 1e-12);
        assertEquals(-2 * 0.75 * 0.25 * 0.09, j.get("initialCurvaturePerPercentO2Squared").asDouble(), 1e-12);
        assertEquals(0.25, j.get("unquenchableFraction").asDouble(), 1e-12);
        // I/I0 in pure O2: 0.75 / 31 + 0.25, the unreached quarter never quenched
        assertEquals(0.75 / 31 + 0.25, j.get("relativeIntensityAtMaxO2").asDouble(), 1e-12);
        // the mean lifetime: each site's tau weighted by its share of the steady light
        double w1 = 0.75 / 31;
        assertEquals((w1 / 31 + 0.25) / (w1 + 0.25), j.get("lifetimeAtMaxO2S").asDouble() / j.get("lifetimeS").asDouble(), 1e-12);
        // strong quenching: the first O2 near the surface dims the light at once, so the step up is quicker than the way back
        assertTrue(j.get("response").get("recoveryT90S").asDouble() > 1.5 * j.get("response").get("responseT90S").asDouble());
    }

    @Test
    void warmingScalesKsvByArrheniusAndReadsAsMoreOxygen(@TempDir Path dir) throws IOException {
        Path d = design(dir, "  k-sv: 0.05\n  lifetime: 1 s\n  temperature: 45 C\n  reference-temperature: 25 C\n"
                + "  quenching-activation: 25 kJ/mol\n  lifetime-activation: 10 kJ/mol\n"
                + "  diffusion: { geometry: film, thickness: 20 um, coefficient: 2e-12 m^2/s }\n  oxygen-max: 0.1 %\n");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sensor", d.toString(), "--out", dir.resolve("s").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double inv = 1 / 318.15 - 1 / 298.15;
        double r8 = 8.314462618;
        double tauScale = Math.exp(10e3 / r8 * inv);
        assertEquals(tauScale, j.get("lifetimeS").asDouble(), 1e-12);
        assertEquals(0.05 * Math.exp(-25e3 / r8 * inv) * tauScale, j.get("kSvPerPercentO2").asDouble(), 1e-12);
        assertTrue(j.get("temperature").get("crossSensitivityPercentO2PerK").asDouble() > 0, "warming quenches more: reads as more O2");
        JsonNode resp = j.get("response");
        assertEquals("film", resp.get("geometry").asText());
        assertEquals(2e-12 * Math.exp(-25e3 / r8 * inv), resp.get("coefficientM2PerS").asDouble(), 1e-24);
        // weak quenching (K p ~ 0.007): both steps take the linear film's 90 % uptake time, 0.848085 L^2 / D, to O(K p)
        double linear = 0.8480854080460255 * 20e-6 * 20e-6 / resp.get("coefficientM2PerS").asDouble();
        assertEquals(linear, resp.get("responseT90S").asDouble(), 0.02 * linear);
        assertEquals(linear, resp.get("recoveryT90S").asDouble(), 0.02 * linear);
        assertTrue(Files.isRegularFile(dir.resolve("s").resolve("step-response.png")));
        assertTrue(Files.isRegularFile(dir.resolve("s").resolve("temperature.csv")));
    }

    @Test
    void badSitesTemperaturesAndDiffusionAreRefused(@TempDir Path dir) throws IOException {
        String[][] cases = {
            {"  sites:\n    - { fraction: 0.7, k-sv: 0.3 }\n    - { fraction: 0.2, k-sv: 0 }\n", "fractions summing to 1"},
            {"  k-sv: 0.1\n  sites:\n    - { fraction: 0.8, k-sv: 0.3 }\n    - { fraction: 0.2, k-sv: 0 }\n", "not both"},
            {"  sites:\n    - { fraction: 0.8, k-sv: 0 }\n    - { fraction: 0.2, k-sv: 0 }\n", "at least one site"},
            {"  k-sv: 0.1\n  temperature: 900 K\n", "150 to 700 K"},
            {"  k-sv: 0.1\n  quenching-activation: 20 kJ\n", "kJ/mol"},
            {"  k-sv: 0.1\n  diffusion: { geometry: film }\n", "thickness"},
            {"  k-sv: 0.1\n  diffusion: { geometry: sphere }\n", "cylinder"},
            {"  k-sv: 0.1\n  diffusion: { coefficient: -1 m^2/s }\n", "above 0"},
        };
        for (String[] c : cases) {
            Path d = design(dir, c[0]);
            GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("sensor", d.toString(), "--out", dir.resolve("x").toString()), c[1]);
        }
    }
}
