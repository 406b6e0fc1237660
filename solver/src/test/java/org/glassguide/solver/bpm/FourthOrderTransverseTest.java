package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.fd.CrossSection;
import org.junit.jupiter.api.Test;

/**
 * The fourth-order compact transverse operator, through the propagator users run. In a uniform guide between metal
 * walls the discrete sine sin(pi m (i + 1) / (nx + 1)) is an exact eigenvector of the 3-point second difference and of
 * the compact operator, with eigenvalues -S(theta) / h^2 (S = u = 2 - 2 cos theta, or u / (1 - u / 12)), theta = pi m /
 * (nx + 1). A step then multiplies it by the factor's own number, so the propagated field is known in closed form: that
 * checks the unsplit solve of the compact operator to its tolerance; and its phase, against the exact continuum
 * -k_perp^2 / (2 k), checks the operator's order: at about 8 points per transverse period the 3-point stencil's
 * propagation constant is off by 5 %, the compact one's by 0.2 %.
 */
class FourthOrderTransverseTest {
    private static final double LAMBDA = 1e-6;

    /** The paraxial Crank-Nicolson factor of the exact discrete eigenvalue p after the given steps. */
    private static double[] expectedFactor(double p, double kRef, double dz, int steps) {
        // (1 + c p) / (1 + d p), c = -d = i dz / (4 k)
        double a = dz / (4 * kRef) * p;
        double nr = 1;
        double ni = a;
        double dr = 1;
        double di = -a;
        double den = dr * dr + di * di;
        double fr = (nr * dr + ni * di) / den;
        double fi = (ni * dr - nr * di) / den;
        double ang = Math.atan2(fi, fr) * steps;
        return new double[] {Math.cos(ang), Math.sin(ang)};
    }

    private static double symbol(double theta, boolean compact) {
        double u = 2 - 2 * Math.cos(theta);
        return compact ? u / (1 - u / 12) : u;
    }

    @Test
    void sineModeOfA2dRunAdvancesByTheCompactOperatorsOwnEigenvalue() {
        double h = 0.1e-6;
        int nx = 63;
        int m = 16;
        // theta = pi m / (nx + 1) = pi / 4: 8 points per period
        double theta = Math.PI * m / (nx + 1);
        BpmGrid g = new BpmGrid(-0.5 * nx * h, 0, h, h, nx, 1);
        double[] launch = new double[2 * nx];
        for (int i = 0; i < nx; i++) {
            launch[2 * i] = Math.sin(theta * (i + 1));
        }
        double k = 2 * Math.PI / LAMBDA;
        double dz = 0.05e-6;
        // ten steps: the phase advance (2.4 rad) stays below pi, so that it can be read off the field
        int steps = 10;
        double[] err = new double[2];
        for (int order = 0; order < 2; order++) {
            boolean compact = order == 1;
            BeamPropagator.Settings s = new BeamPropagator.Settings(LAMBDA, 1.0, dz, steps * dz, WideAngle.PARAXIAL, 0, Precision.DOUBLE, 1, steps);
            double[] end = new BeamPropagator().withFourthOrder(compact).propagate(new CrossSection(1.0, 0), g, launch.clone(), null, s,
                    new CpuBackend(), ProgressMonitor.NONE).endField();
            double p = -symbol(theta, compact) / (h * h);
            double[] f = expectedFactor(p, k, dz, steps);
            double worst = 0;
            double re = 0;
            double im = 0;
            for (int i = 0; i < nx; i++) {
                worst = Math.max(worst, Math.hypot(end[2 * i] - f[0] * launch[2 * i], end[2 * i + 1] - f[1] * launch[2 * i]));
                re += launch[2 * i] * end[2 * i];
                im += launch[2 * i] * end[2 * i + 1];
            }
            assertTrue(worst < 1e-6, (compact ? "compact" : "3-point") + ": field off its closed form by " + worst);
            // the measured phase advance against the continuum's, k_perp = theta / h exactly, same steps in z
            double[] c = expectedFactor(-(theta / h) * (theta / h), k, dz, steps);
            err[order] = Math.abs(Math.atan2(im, re) / Math.atan2(c[1], c[0]) - 1);
        }
        // 3-point: k_perp^2 low by 1 - u / theta^2 = 5.1 % at 8 points per period (the phase a little less, through the CN
        // factor); compact: theta^4 / 240 = 0.16 %
        assertTrue(err[0] > 0.04, "3-point phase error at 8 points per period: " + err[0]);
        assertTrue(err[1] < 2e-3, "compact operator's phase error at 8 points per period: " + err[1]);
    }

    @Test
    void sineModeOfA3dRunOnTwoThreadsAdvancesByItsEigenvalue() {
        double h = 0.1e-6;
        int nx = 191;
        int ny = 175;
        int mx = 24;
        int my = 11;
        double tx = Math.PI * mx / (nx + 1);
        double ty = Math.PI * my / (ny + 1);
        BpmGrid g = new BpmGrid(-0.5 * nx * h, -0.5 * ny * h, h, h, nx, ny);
        double[] launch = new double[2 * nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                launch[2 * (i + nx * j)] = Math.sin(tx * (i + 1)) * Math.sin(ty * (j + 1));
            }
        }
        double k = 2 * Math.PI / LAMBDA;
        double dz = 0.1e-6;
        int steps = 10;
        double[][] ends = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            BeamPropagator.Settings s = new BeamPropagator.Settings(LAMBDA, 1.0, dz, steps * dz, WideAngle.PARAXIAL, 0, Precision.DOUBLE, threads,
                    steps);
            ends[threads - 1] = new BeamPropagator().withFourthOrder(true).propagate(new CrossSection(1.0, 0), g, launch.clone(), null, s,
                    new CpuBackend(), ProgressMonitor.NONE).endField();
        }
        double p = -(symbol(tx, true) + symbol(ty, true)) / (h * h);
        double[] f = expectedFactor(p, k, dz, steps);
        double worst = 0;
        double threadsApart = 0;
        for (int q = 0; q < nx * ny; q++) {
            worst = Math.max(worst, Math.hypot(ends[1][2 * q] - f[0] * launch[2 * q], ends[1][2 * q + 1] - f[1] * launch[2 * q]));
            threadsApart = Math.max(threadsApart, Math.abs(ends[0][2 * q] - ends[1][2 * q]) + Math.abs(ends[0][2 * q + 1] - ends[1][2 * q + 1]));
        }
        assertTrue(worst < 1e-6, "field off its closed form by " + worst);
        assertTrue(threadsApart < 1e-9, "one and two threads differ by " + threadsApart);
    }

    @Test
    void semiVectorialAndSplitRunsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new BeamPropagator()
                .withPolarization(org.glassguide.solver.fd.FdScalarModeSolver.Polarization.QUASI_TE).withFourthOrder(true));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new BeamPropagator().withSplitWideAngle(true)
                .withFourthOrder(true));
    }
}
