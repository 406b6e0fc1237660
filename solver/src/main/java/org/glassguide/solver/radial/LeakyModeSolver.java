package org.glassguide.solver.radial;

import static org.glassguide.solver.special.ComplexMath.div;
import static org.glassguide.solver.special.ComplexMath.mul;
import static org.glassguide.solver.special.ComplexMath.sqrt;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ModalLoss;

/**
 * Complex effective indices of leaky scalar modes of an axisymmetric profile whose outermost layer
 * has a higher index than the cladding (tunnelling loss), with material absorption included exactly
 * through the complex n^2. The outer region ends in a perfectly matched layer: r is continued into the
 * complex plane, r~ = r + i S d/3 ((r - r0)/d)^3 for r &gt; r0, which turns the outgoing wave into a
 * decaying one. The flux-form operator (1/(r~ s)) d/dr[(r~/s) dpsi/dr] - l^2 psi/r~^2 + k0^2 n^2 psi,
 * s = dr~/dr, symmetrised by sqrt(r~ s), is a complex symmetric tridiagonal matrix; each mode is
 * found by Rayleigh-quotient iteration on its twisted factorisation (unconjugated bilinear form),
 * started from the same mode of the profile with the outer layer removed.
 */
public final class LeakyModeSolver {
    /**
     * PML settings.
     *
     * @param margin distance from the last interface to the start of the PML (m)
     * @param thickness PML thickness (m)
     * @param strength decades of one-way amplitude attenuation across the PML at normal incidence
     */
    public record Pml(double margin, double thickness, double strength) {
        public Pml {
            if (!(margin >= 0) || !(thickness > 0) || !(strength > 0)) {
                throw new IllegalArgumentException("PML needs margin >= 0, thickness > 0, strength > 0");
            }
        }

        /** Two wavelengths of margin, ten of PML (a gentle grading reflects least), 10^-8 attenuation. */
        public static Pml defaults(double wavelength) {
            return new Pml(2 * wavelength, 10 * wavelength, 8);
        }
    }

    private final int n;
    private final double h;
    private final double[] dRe;
    private final double[] dIm;
    private final double[] eRe; // symmetric off-diagonal
    private final double[] eIm;
    private final double[] eps;

    /** Builds the complex operator of one azimuthal order on the grid step h. */
    public LeakyModeSolver(RadialIndexProfile p, double wavelength, double step, int order, Pml pml) {
        double k0 = 2 * Math.PI / wavelength;
        double[] iface = p.interfaces();
        double last = iface[iface.length - 1];
        double h0 = step;
        this.h = iface[0] / Math.ceil(iface[0] / h0);
        double r0 = last + pml.margin();
        double end = r0 + pml.thickness();
        this.n = (int) Math.ceil(end / h);
        double nOut = p.claddingIndex();
        // amplitude decays as exp(-k0 n_out Im r~) at the wall: strength decades
        double sMax = ModalLoss.pmlPeakStretch(pml.strength(), k0, nOut, pml.thickness());
        double d = pml.thickness();
        // complex stretched radius and s = dr~/dr at cell centres and faces
        double[] rtRe = new double[n];
        double[] rtIm = new double[n];
        double[] sIm = new double[n];
        for (int i = 0; i < n; i++) {
            double r = (i + 0.5) * h;
            rtRe[i] = r;
            double t = Math.max(0, (r - r0) / d);
            rtIm[i] = sMax * d * t * t * t / 3;
            sIm[i] = sMax * t * t;
        }
        eps = new double[n];
        double[] epsIm = new double[n];
        for (int i = 0; i < n; i++) {
            double r = (i + 0.5) * h;
            eps[i] = RadialOperator.cellAverage(p, i * h, (i + 1) * h);
            double nn = Math.sqrt(eps[i]);
            double kk = p.k(r);
            // (n + ik)^2 = n^2 - k^2 + 2 i n k
            eps[i] = nn * nn - kk * kk;
            epsIm[i] = 2 * nn * kk;
        }
        double invK = 1 / (k0 * k0 * h * h);
        dRe = new double[n];
        dIm = new double[n];
        eRe = new double[n];
        eIm = new double[n];
        // face coefficients f = r~/s at faces; weights w = r~ s at centres
        double[] fRe = new double[n + 1];
        double[] fIm = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double r = i * h;
            double t = Math.max(0, (r - r0) / d);
            double[] rt = {r, sMax * d * t * t * t / 3};
            double[] s = {1, sMax * t * t};
            double[] q = div(rt, s);
            fRe[i] = q[0];
            fIm[i] = q[1];
        }
        double[][] sqrtW = new double[n][];
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] = mul(new double[] {rtRe[i], rtIm[i]}, new double[] {1, sIm[i]});
            sqrtW[i] = sqrt(w[i]);
        }
        for (int i = 0; i < n; i++) {
            // diagonal: -(f_{i+1/2} + f_{i-1/2}) / (w_i h^2) - l^2 / r~_i^2 + n^2, in units of k0^2
            double[] faces = {fRe[i + 1] + fRe[i], fIm[i + 1] + fIm[i]};
            double[] a = div(faces, w[i]);
            double[] rt2 = mul(new double[] {rtRe[i], rtIm[i]}, new double[] {rtRe[i], rtIm[i]});
            double[] cent = div(new double[] {(double) order * order / (k0 * k0), 0}, rt2);
            dRe[i] = -invK * a[0] - cent[0] + eps[i];
            dIm[i] = -invK * a[1] - cent[1] + epsIm[i];
            if (i + 1 < n) {
                double[] den = mul(sqrtW[i], sqrtW[i + 1]);
                double[] e = div(new double[] {fRe[i + 1], fIm[i + 1]}, den);
                eRe[i] = invK * e[0];
                eIm[i] = invK * e[1];
            }
        }
    }

    /**
     * The complex eigenvalue n_eff^2 nearest the start value, by Rayleigh-quotient iteration.
     *
     * @return {Re n_eff^2, Im n_eff^2}
     */
    public double[] refine(double startRe, double startIm) {
        double sRe = startRe;
        double sIm = startIm;
        double[] fRe = new double[n];
        double[] fIm = new double[n];
        double[] bRe = new double[n];
        double[] bIm = new double[n];
        for (int iter = 0; iter < 100; iter++) {
            // forward and backward pivots of T - s I (complex), e_i^2 as complex square
            double[] p = {dRe[0] - sRe, dIm[0] - sIm};
            fRe[0] = p[0];
            fIm[0] = p[1];
            for (int i = 1; i < n; i++) {
                double[] e2 = mul(new double[] {eRe[i - 1], eIm[i - 1]}, new double[] {eRe[i - 1], eIm[i - 1]});
                double[] q = div(e2, nonZero(fRe[i - 1], fIm[i - 1]));
                fRe[i] = dRe[i] - sRe - q[0];
                fIm[i] = dIm[i] - sIm - q[1];
            }
            bRe[n - 1] = dRe[n - 1] - sRe;
            bIm[n - 1] = dIm[n - 1] - sIm;
            for (int i = n - 2; i >= 0; i--) {
                double[] e2 = mul(new double[] {eRe[i], eIm[i]}, new double[] {eRe[i], eIm[i]});
                double[] q = div(e2, nonZero(bRe[i + 1], bIm[i + 1]));
                bRe[i] = dRe[i] - sRe - q[0];
                bIm[i] = dIm[i] - sIm - q[1];
            }
            int k = 0;
            double best = Double.MAX_VALUE;
            double gRe = 0;
            double gIm = 0;
            for (int i = 0; i < n; i++) {
                double re = fRe[i] + bRe[i] - (dRe[i] - sRe);
                double im = fIm[i] + bIm[i] - (dIm[i] - sIm);
                double g = Math.hypot(re, im);
                if (g < best) {
                    best = g;
                    k = i;
                    gRe = re;
                    gIm = im;
                }
            }
            // x_k = 1; x^T x (unconjugated) from the two recurrences
            double[] x = {1, 0};
            double[] sum = {1, 0};
            for (int i = k - 1; i >= 0; i--) {
                x = div(mul(new double[] {-eRe[i], -eIm[i]}, x), nonZero(fRe[i], fIm[i]));
                double[] x2 = mul(x, x);
                sum[0] += x2[0];
                sum[1] += x2[1];
                if (Math.hypot(x[0], x[1]) < 1e-30) {
                    break;
                }
            }
            x = new double[] {1, 0};
            for (int i = k + 1; i < n; i++) {
                x = div(mul(new double[] {-eRe[i - 1], -eIm[i - 1]}, x), nonZero(bRe[i], bIm[i]));
                double[] x2 = mul(x, x);
                sum[0] += x2[0];
                sum[1] += x2[1];
                if (Math.hypot(x[0], x[1]) < 1e-30) {
                    break;
                }
            }
            double[] step = div(new double[] {gRe, gIm}, sum);
            sRe += step[0];
            sIm += step[1];
            if (Math.hypot(step[0], step[1]) <= 1e-15 * Math.hypot(sRe, sIm)) {
                return new double[] {sRe, sIm};
            }
        }
        throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "leaky-mode solver",
                "Rayleigh-quotient iteration did not converge near n_eff^2 = " + startRe);
    }

    /** The complex effective index {Re, Im} of the mode nearest n_eff^2 = startEigenvalue (real start). */
    public double[] effectiveIndex(double startEigenvalue) {
        return sqrt(refine(startEigenvalue, 0));
    }

    public int gridPoints() {
        return n;
    }

    public double step() {
        return h;
    }

    private static double[] nonZero(double re, double im) {
        return re == 0 && im == 0 ? new double[] {1e-300, 0} : new double[] {re, im};
    }
}
