package org.glassguide.materials.attenuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.junit.jupiter.api.Test;

/** One rule for a measured loss: log-linear between points, held at the nearest one outside, and said wherever it is held. */
class MeasuredLossRuleTest {
    @Test
    void interpolatedBetweenHeldOutsideAndSaidSo() {
        MeasuredAttenuation m = new MeasuredAttenuation(new double[] {800e-9, 1000e-9}, new double[] {10, 40});
        // log-linear: the geometric mean halfway
        assertEquals(20, m.alpha(900e-9), 1e-12);
        assertNull(m.extension(900e-9));
        assertNull(m.extension(800e-9));
        assertEquals(10, m.alpha(600e-9), 0);
        assertEquals(40, m.alpha(1500e-9), 0);
        assertTrue(m.extension(600e-9).contains("measured at 800 nm"), m.extension(600e-9));
        assertTrue(m.extension(1500e-9).contains("measured at 1000 nm") && m.extension(1500e-9).contains("assumed"));
        assertTrue(m.validRange().contains(300e-9) && m.validRange().contains(3e-6));
    }

    @Test
    void theComplexIndexUsesTheRuleAndSaysSo() {
        Material zif = MaterialLibrary.builtIn().get("ZIF-62");
        List<String> notes = new ArrayList<>();
        double k589 = zif.complexIndex(589e-9, false, notes::add).k();
        double k650 = zif.complexIndex(650e-9, false, notes::add).k();
        // the same alpha (72 dB/m) at both: k = alpha lambda / (4 pi)
        assertEquals(589.0 / 650.0, k589 / k650, 1e-9);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("589 nm") && notes.get(0).contains("assumed"), notes.toString());
    }
}
