package org.glassguide.materials.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.Material;
import org.glassguide.materials.ViscosityFits;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.io.MaterialReader;
import org.glassguide.materials.yaml.YamlNode;
import org.junit.jupiter.api.Test;

class ViscosityModelsTest {
    @Test
    void vftInvertsToItsOwnTemperature() {
        // log10 eta = A + B / (T - T0): at 10^6.6, T = T0 + B / (6.6 - A)
        VftViscosity v = new VftViscosity(-2.5, 4000, 500);
        assertEquals(500 + 4000 / (6.6 + 2.5), v.temperatureAt(6.6, 501, 5000), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, v.log10Viscosity(400));
    }

    @Test
    void tableIsArrheniusBetweenPointsAndExactAtThem() {
        TabulatedViscosity t = new TabulatedViscosity(new double[] {700, 800, 900}, new double[] {9, 6, 4});
        assertEquals(6, t.log10Viscosity(800), 0);
        // linear in 1/T between 700 and 800 K
        double u = 1 / 750.0;
        double expected = 9 + (u - 1 / 700.0) / (1 / 800.0 - 1 / 700.0) * (6 - 9);
        assertEquals(expected, t.log10Viscosity(750), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new TabulatedViscosity(new double[] {700, 800}, new double[] {5, 6}));
    }

    @Test
    void inconsistentTripleIsRefusedAndAConsistentOneRecovered() {
        // ZIF-62's catalog figures: no L in the physical range reconciles them
        assertNull(MyegaViscosity.throughAll(595, 23.3, 694, 5, -6, 1));
        MyegaViscosity truth = new MyegaViscosity(-3.1, 600, 40);
        MyegaViscosity back = MyegaViscosity.throughAll(600, 40, 720, truth.log10Viscosity(720), -6, 1);
        assertNotNull(back);
        assertEquals(-3.1, back.log10EtaInfinity(), 1e-9);
    }

    @Test
    void catalogZif62CurvePassesItsMeltPointAndKeepsTheFragilityCurveAsAlternative() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        List<String> why = new ArrayList<>();
        ViscosityFit fit = ViscosityFits.of(lib.get("ZIF-62"), why).orElseThrow();
        assertEquals(5, fit.model().log10Viscosity(694), 1e-9);
        assertEquals(12, fit.model().log10Viscosity(595), 1e-9);
        assertNotNull(fit.alternative());
        assertEquals(23.3, ((MyegaViscosity) fit.alternative()).fragility(), 0);
        assertTrue(fit.assumed());
        assertTrue(fit.notes().get(0).contains("cannot all hold"), fit.notes().toString());
        ViscosityFit hfk = ViscosityFits.of(lib.get("HFK95N"), why).orElseThrow();
        assertEquals(MyegaViscosity.LOG_ETA_SOFTENING, hfk.model().log10Viscosity(758), 1e-9);
        assertNull(hfk.alternative());
    }

    @Test
    void explicitViscosityBlockIsReadAndUsed() {
        String yaml = "format: glassguide-material/1\nname: test-glass\nindex: {model: constant, n: 1.5}\n"
                + "viscosity: {model: table, points: [[700 K, 1e9 Pa s], [800 K, 1e6 Pa s], [900 K, 1e4 Pa s]], source: \"test data\"}\n";
        Material m = MaterialReader.read(YamlNode.parse("t.yaml", new StringReader(yaml)), null, null, "test");
        ViscosityFit fit = ViscosityFits.of(m, new ArrayList<>()).orElseThrow();
        assertEquals(6, fit.model().log10Viscosity(800), 1e-12);
        assertTrue(!fit.assumed());
    }

    @Test
    void badViscosityBlockNamesTheField() {
        String yaml = "format: glassguide-material/1\nname: test-glass\nindex: {model: constant, n: 1.5}\n"
                + "viscosity: {model: arrhenius, a: 1}\n";
        GlassGuideException e = assertThrows(GlassGuideException.class,
                () -> MaterialReader.read(YamlNode.parse("t.yaml", new StringReader(yaml)), null, null, "test"));
        assertEquals(Messages.BAD_CHOICE, e.key());
        assertTrue(e.getMessage().contains("viscosity.model"), e.getMessage());
    }

    @Test
    void materialWithoutThermalDataHasNoCurveAndSaysWhy() {
        List<String> why = new ArrayList<>();
        assertTrue(ViscosityFits.of(MaterialLibrary.builtIn().get("air"), why).isEmpty());
        assertTrue(why.get(0).contains("glassTransition"), why.toString());
    }
}
