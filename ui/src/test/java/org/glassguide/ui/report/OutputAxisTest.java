package org.glassguide.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Output keys as axes: words and units, SI metres shown in a unit that suits, log-spaced sweeps recognised. */
class OutputAxisTest {
    @Test
    void keysBecomeWordsAndUnits() {
        OutputAxis mfd = OutputAxis.of("modeFieldDiameterM", new double[] {9.6e-6, 10.2e-6});
        assertEquals("mode field diameter (um)", mfd.label());
        assertEquals(9.6, mfd.apply(new double[] {9.6e-6})[0], 1e-12);
        assertEquals("cutoff wavelength LP11 (nm)", OutputAxis.of("cutoffWavelengthLP11M", new double[] {1.2e-6}).label());
        assertEquals("propagation (dB/cm)", OutputAxis.of("propagationDbPerCm", new double[] {1}).label());
        assertEquals("numerical aperture", OutputAxis.of("numericalAperture", new double[] {0.2}).label());
        assertEquals("signal out (W)", OutputAxis.of("signalOutW", new double[] {1}).label());
    }

    @Test
    void logSpacedSweepsAreRecognised() {
        assertTrue(OutputAxis.logSpaced(new double[] {1e-3, 1e-2, 1e-1, 1}));
        assertFalse(OutputAxis.logSpaced(new double[] {1, 2, 3, 4, 5, 10, 20}));
        assertFalse(OutputAxis.logSpaced(new double[] {1, 2, 4}));
    }
}
