package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The splice resampling and the correlation spectrum against closed forms. */
class SpliceAndSpectrumTest {
    private static double[] gaussian(BpmGrid g, double w, double xc, double yc) {
        double[] f = new double[2 * g.cells()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                double x = g.x(i) - xc;
                double y = g.y(j) - yc;
                f[2 * (i + g.nx() * j)] = Math.exp(-(x * x + y * y) / (w * w));
            }
        }
        return f;
    }

    @Test
    void offsetResamplesASmoothFieldToThirdOrder() {
        BpmGrid g = BpmGrid.centred(20e-6, 20e-6, 0.2e-6);
        double w = 2e-6;
        double errPrev = 0;
        // the field seen from a guide displaced by (d, d/2) is the Gaussian centred at (-d, -d/2)
        for (double h : new double[] {0.4e-6, 0.2e-6}) {
            BpmGrid gh = BpmGrid.centred(20e-6, 20e-6, h);
            double[] f = gaussian(gh, w, 0, 0);
            double d = 0.37 * h + 1e-6;
            new Splice(0, d, d / 2, 0, 0).apply(f, gh, 1e7);
            double[] exact = gaussian(gh, w, -d, -d / 2);
            double err = 0;
            for (int q = 0; q < f.length; q++) {
                err = Math.max(err, Math.abs(f[q] - exact[q]));
            }
            if (errPrev > 0) {
                // Keys' cubic convolution: third order
                assertTrue(errPrev / err > 6, "error ratio " + errPrev / err);
            }
            errPrev = err;
        }
        assertTrue(errPrev < 2e-3, "max error " + errPrev);
        // a whole-cell offset is an exact shift
        double[] f = gaussian(g, w, 0, 0);
        new Splice(0, 3 * g.dx(), 0, 0, 0).apply(f, g, 1e7);
        double[] exact = gaussian(g, w, -3 * g.dx(), 0);
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int p = i + g.nx() * j;
                // exact; the three columns shifted in from outside the window are zero
                assertEquals(i < g.nx() - 3 ? exact[2 * p] : 0, f[2 * p], 1e-15);
            }
        }
    }

    @Test
    void tiltAddsTheTransversePhaseAndKeepsPower() {
        BpmGrid g = BpmGrid.centred(10e-6, 10e-6, 0.1e-6);
        double[] f = gaussian(g, 2e-6, 0, 0);
        double kRef = 1e7;
        new Splice(0, 0, 0, 3, 0).apply(f, g, kRef);
        double kx = kRef * Math.sin(Math.toRadians(3));
        int p = 70 + g.nx() * 50;
        double phase = Math.atan2(f[2 * p + 1], f[2 * p]);
        double expected = Math.IEEEremainder(-kx * g.x(70), 2 * Math.PI);
        assertEquals(expected, phase, 1e-12);
    }

    @Test
    void phaseRateInvertsThePropagatorsDispersion() {
        double k = 1e7;
        double dz = 0.5e-6;
        for (WideAngle wa : WideAngle.values()) {
            for (double x : new double[] {-0.3, -0.01, 0.002, 0.1}) {
                // forward: CN phase per step 2 atan(a N/D) for X
                double[][] fr = wa.fraction();
                double nv = 0;
                double dv = 0;
                for (int i = fr[0].length - 1; i >= 0; i--) {
                    nv = nv * x + fr[0][i];
                }
                for (int i = fr[1].length - 1; i >= 0; i--) {
                    dv = dv * x + fr[1][i];
                }
                double rate = 2 * Math.atan(0.5 * k * dz * nv / dv) / dz;
                assertEquals(k * Math.sqrt(1 + x), wa.betaFromPhaseRate(rate, dz, k), 1e-9 * k, wa + " X = " + x);
            }
        }
    }

    @Test
    void spectrumOfTwoModesFindsBothIndicesAndWeights() {
        double lambda = 1e-6;
        double k0 = 2 * Math.PI / lambda;
        double nRef = 1.45;
        double dz = 0.5e-6;
        double[] nEff = {1.4521, 1.4463};
        double[] power = {0.7, 0.2};
        int n = 800;
        double h = 2e-6;
        double[] z = new double[n];
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
            z[i] = i * h;
            for (int m = 0; m < 2; m++) {
                // the propagator's own phase rate for this beta (Pade (1,1))
                double x = nEff[m] * nEff[m] / (nRef * nRef) - 1;
                double rate = 2 * Math.atan(0.5 * k0 * nRef * dz * (x / 2) / (1 + x / 4)) / dz;
                c[2 * i] += power[m] * Math.cos(rate * z[i]);
                c[2 * i + 1] += power[m] * Math.sin(rate * z[i]);
            }
        }
        CorrelationSpectrum.Spectrum s = CorrelationSpectrum.of(z, c, lambda, nRef, WideAngle.PADE11, dz, 4);
        assertEquals(2, s.peaks().size());
        assertEquals(nEff[0], s.peaks().get(0).nEff(), 0.02 * s.resolution());
        assertEquals(nEff[1], s.peaks().get(1).nEff(), 0.02 * s.resolution());
        assertEquals(power[1] / power[0], s.peaks().get(1).weight(), 0.02);
    }
}
