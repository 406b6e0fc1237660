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

/** glassguide emission on the Zn25 example: exact bookkeeping, the bound rays' output NA, a deterministic result; bad input. */
class EmissionCliTest {
    @Test
    void zn25ExampleIsDeterministicAndItsBoundRaysLeaveWithinTheFiberNa(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run a = GlassGuideCliTest.run("emission", "../examples/zif62-zn25-emission.yaml", "--out", dir.resolve("a").toString(), "--json");
        assertEquals(0, a.code(), a.err());
        JsonNode j = new ObjectMapper().readTree(a.out());
        double previous = 1;
        for (JsonNode l : j.get("lengths")) {
            assertEquals("exact", l.get("bookkeeping").asText());
            // NA = sqrt(1.567^2 - 1.445^2) ~ 0.60 near 450 nm: bound rays leave within it (1-degree far-field bins)
            assertTrue(Math.abs(l.get("outputNA95BoundRays").asDouble() - 0.60) < 0.03, l.toString());
            // blue light is scattered more: longer fibers pass less and redder
            assertTrue(l.get("outputFraction").asDouble() < previous);
            previous = l.get("outputFraction").asDouble();
        }
        // wave and ray pictures of the trapped emission agree (weak-guidance error of the 1.57/1.45 glasses: ~1 %)
        JsonNode mc = j.get("modeCoupling");
        assertEquals(mc.get("rayBoundFraction").asDouble(), mc.get("totalBothDirections").asDouble(), 0.02 * mc.get("rayBoundFraction").asDouble());
        GlassGuideCliTest.Run b = GlassGuideCliTest.run("emission", "../examples/zif62-zn25-emission.yaml", "--out", dir.resolve("b").toString(), "--json");
        assertEquals(Files.readString(dir.resolve("a").resolve("spectrum.csv")), Files.readString(dir.resolve("b").resolve("spectrum.csv")));
        for (String f : new String[] {"spectrum.png", "farfield.png", "nearfield.png", "report.html"}) {
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(f)), f);
        }
    }

    @Test
    void quantumYieldAboveOneIsBadInput(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("../examples/zif62-zn25-emission.yaml")).replace("plqy: 30 %", "plqy: 130 %");
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, text);
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("emission", d.toString(), "--out", dir.resolve("x").toString()), "plqy", "130 %");
    }

    /**
     * A short bare fiber: with its cladding guiding, the end face gets far more light than the core alone delivers; every
     * fraction carries its binomial standard error; a spectrum resting on few rays is warned about.
     */
    @Test
    void bareShortFiberCladdingLightStandardErrorsAndFewRayWarning(@TempDir Path dir) throws IOException {
        String base = Files.readString(Path.of("../examples/zif62-zn25-emission.yaml")).replace("lengths: [1 cm, 5 cm, 10 cm]", "lengths: [2 mm, 10 cm]")
                .replace("rays: 2000000", "rays: 200000");
        Path stripped = dir.resolve("s.yaml");
        Files.writeString(stripped, base);
        Path guided = dir.resolve("g.yaml");
        Files.writeString(guided, base.replace("  plqy: 30 %", "  plqy: 30 %\n  cladding-light: guided"));
        GlassGuideCliTest.Run s = GlassGuideCliTest.run("emission", stripped.toString(), "--out", dir.resolve("s").toString(), "--json");
        GlassGuideCliTest.Run g = GlassGuideCliTest.run("emission", guided.toString(), "--out", dir.resolve("g").toString(), "--json");
        assertEquals(0, s.code(), s.err());
        assertEquals(0, g.code(), g.err());
        JsonNode js = new ObjectMapper().readTree(s.out()).get("lengths").get(0);
        JsonNode jg = new ObjectMapper().readTree(g.out()).get("lengths").get(0);
        assertEquals(0, js.get("outputCladdingFraction").asDouble());
        assertTrue(jg.get("outputCladdingFraction").asDouble() > js.get("outputFraction").asDouble(), jg.toString());
        assertTrue(jg.get("outputFraction").asDouble() > 2 * js.get("outputFraction").asDouble(), jg.toString());
        double p = js.get("outputFraction").asDouble();
        assertEquals(Math.sqrt(p * (1 - p) / 200000), js.get("outputFractionStdErr").asDouble(), 1e-15);
        assertTrue(js.get("outputCieXStdErr").asDouble() > 0 && js.get("outputCieXStdErr").asDouble() < 0.01, js.toString());
        // 10 cm of the Zn25 glass passes a few hundred of 200,000 rays: the colour is quoted with its error and a warning
        assertTrue(s.err().contains("rests on") && s.err().contains("rays"), s.err());
        Path bad = dir.resolve("b.yaml");
        Files.writeString(bad, base.replace("  plqy: 30 %", "  plqy: 30 %\n  cladding-light: coated"));
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("emission", bad.toString(), "--out", dir.resolve("x").toString()), "cladding-light",
                "coated", "stripped");
    }
}
