package org.glassguide.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A calibration's uncertainty is known only when the points state theirs or outnumber the mechanisms it fits; an exact fit
 * of unstated points has an unknown uncertainty, which the report must not draw as a zero-width band.
 */
class CalibrationUncertaintyTest {
    @Test
    void exactFitOfUnstatedPointsHasNoUncertainty() {
        Calibration.Result r = new Calibration().fit(List.of(Mechanism.rayleigh(), Mechanism.floor()),
                List.of(new Calibration.Point(819e-9, 225, Double.NaN), new Calibration.Point(1048e-9, 120, Double.NaN)));
        assertFalse(r.uncertaintyKnown());
        assertEquals(225, r.alpha(819e-9), 1e-9);
    }

    /** Stated 1 % errors on exact data from Rayleigh 0.3 /m and a floor of 0.05 /m: the amplitudes' sigmas are finite and positive. */
    @Test
    void statedOrRedundantPointsGiveOne() {
        List<Mechanism> mechs = List.of(Mechanism.rayleigh(), Mechanism.floor());
        double[] wls = {0.6e-6, 0.85e-6, 1.1e-6};
        List<Calibration.Point> stated = new java.util.ArrayList<>();
        List<Calibration.Point> unstated = new java.util.ArrayList<>();
        for (int i = 0; i < wls.length; i++) {
            double a = 0.3 * mechs.get(0).shape(wls[i]) + 0.05 * mechs.get(1).shape(wls[i]);
            stated.add(new Calibration.Point(wls[i], a, 0.01 * a));
            // scatter so the residuals are not zero
            unstated.add(new Calibration.Point(wls[i], a * (1 + (i == 1 ? 0.02 : -0.01)), Double.NaN));
        }
        Calibration.Result s = new Calibration().fit(mechs, stated);
        assertTrue(s.uncertaintyKnown());
        assertTrue(s.best().uncertainties()[0] > 0 && s.best().uncertainties()[1] > 0);
        Calibration.Result u = new Calibration().fit(mechs, unstated);
        assertTrue(u.uncertaintyKnown());
        assertTrue(u.sigmaAlpha(0.7e-6) > 0);
    }
}
