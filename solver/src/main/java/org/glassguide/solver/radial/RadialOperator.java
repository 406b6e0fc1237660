package org.glassguide.solver.radial;

/**
 * The discretised radial operator in normalised units (eigenvalue n_eff^2): cell-centred grid
 * r_i = (i + 1/2) h, r-weighted cell averages of n^2, the symmetrised flux-form second derivative
 * with zero flux through r = 0 and a Dirichlet wall at r = N h. Immutable after construction.
 */
final class RadialOperator {
    final double h;
    final double k0;
    final double[] rc;
    final double[] eps;
    final double[] nk;
    final double[] off;
    final double[] off2;
    /** q_i / (2 k0^2) with q = d ln(n^2)/dr by central differences of the cell averages (interfaces: a split delta). */
    final double[] halfQ;
    final double inv;

    RadialOperator(RadialIndexProfile p, double k0, double h, int n) {
        this.h = h;
        this.k0 = k0;
        rc = new double[n];
        eps = new double[n];
        nk = new double[n];
        for (int i = 0; i < n; i++) {
            rc[i] = (i + 0.5) * h;
            eps[i] = cellAverage(p, i * h, (i + 1) * h);
            nk[i] = Math.sqrt(eps[i]) * p.k(rc[i]);
        }
        inv = 1 / (k0 * k0 * h * h);
        off = new double[n];
        off2 = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            off[i] = inv * (i + 1) * h / Math.sqrt(rc[i] * rc[i + 1]);
            off2[i] = off[i] * off[i];
        }
        halfQ = new double[n];
        for (int i = 0; i < n; i++) {
            double lo = Math.log(eps[Math.max(i - 1, 0)]);
            double hi = Math.log(eps[Math.min(i + 1, n - 1)]);
            halfQ[i] = (hi - lo) / (2 * h) / (2 * k0 * k0);
        }
    }

    /** Unsymmetrised scalar row of order m at cell i: coefficients of psi_{i-1}, psi_i, psi_{i+1}. */
    double[] scalarRow(int m, int i) {
        double lower = i > 0 ? inv * i * h / rc[i] : 0;
        double upper = i + 1 < rc.length ? inv * (i + 1) * h / rc[i] : 0;
        double diag = eps[i] - inv * (2 * i + 1) * h / rc[i] - (double) m * m / (k0 * k0 * rc[i] * rc[i]);
        return new double[] {lower, diag, upper};
    }

    int size() {
        return rc.length;
    }

    /** Diagonal for azimuthal order l. */
    double[] diagonal(int l) {
        int n = rc.length;
        double[] diag = new double[n];
        double l2 = (double) l * l / (k0 * k0);
        for (int i = 0; i < n; i++) {
            double faces = (2 * i + 1) * h; // r_{i+1/2} + r_{i-1/2}
            diag[i] = eps[i] - inv * faces / rc[i] - l2 / (rc[i] * rc[i]);
        }
        return diag;
    }

    /**
     * Twisted factorisation of T - s I (diagonal d, squared off-diagonal off2): forward pivots into fwd,
     * backward pivots into bwd; returns the twist index k where |gamma_k| = |fwd_k + bwd_k - (d_k - s)|,
     * the reciprocal of the inverse's diagonal, is smallest: where an eigenvector near s is largest.
     * If {@code below} is not null, below[0] receives the Sturm count of eigenvalues under s.
     */
    static int twist(double[] d, double[] off2, double s, double[] fwd, double[] bwd, int[] below) {
        int n = d.length;
        int negative = d[0] - s < 0 ? 1 : 0;
        fwd[0] = d[0] - s;
        for (int i = 1; i < n; i++) {
            double prev = fwd[i - 1] == 0 ? -1e-300 : fwd[i - 1];
            double q = d[i] - s - off2[i - 1] / prev;
            fwd[i] = q;
            if (q < 0) {
                negative++;
            }
        }
        if (below != null) {
            below[0] = negative;
        }
        bwd[n - 1] = d[n - 1] - s;
        for (int i = n - 2; i >= 0; i--) {
            double next = bwd[i + 1] == 0 ? -1e-300 : bwd[i + 1];
            bwd[i] = d[i] - s - off2[i] / next;
        }
        int k = 0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double g = Math.abs(fwd[i] + bwd[i] - (d[i] - s));
            if (g < best) {
                best = g;
                k = i;
            }
        }
        return k;
    }

    /**
     * Eigenvector (symmetrised form phi = sqrt(r) psi) for the eigenvalue lambda: from the twist index
     * the vector follows by two stable recurrences, x_k = 1.
     */
    void eigenvector(double[] d, double lambda, double[] x) {
        int n = d.length;
        double[] fwd = new double[n];
        double[] bwd = new double[n];
        int k = twist(d, off2, lambda, fwd, bwd, null);
        java.util.Arrays.fill(x, 0);
        x[k] = 1;
        for (int i = k - 1; i >= 0; i--) {
            x[i] = -off[i] * x[i + 1] / (fwd[i] == 0 ? 1e-300 : fwd[i]);
            if (Math.abs(x[i]) < 1e-200) {
                break; // decayed: the rest is zero to double precision
            }
        }
        for (int i = k + 1; i < n; i++) {
            x[i] = -off[i - 1] * x[i - 1] / (bwd[i] == 0 ? 1e-300 : bwd[i]);
            if (Math.abs(x[i]) < 1e-200) {
                break;
            }
        }
    }

    /** r-weighted average of n^2 over the cell [r0, r1], split at interfaces, 4-point Gauss on each piece. */
    static double cellAverage(RadialIndexProfile p, double r0, double r1) {
        double[] gx = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
        double[] gw = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
        double sum = 0;
        double a = r0;
        double[] iface = p.interfaces();
        int next = 0;
        while (next < iface.length && iface[next] <= r0) {
            next++;
        }
        while (a < r1) {
            double b = next < iface.length && iface[next] < r1 ? iface[next++] : r1;
            double c = 0.5 * (a + b);
            double hw = 0.5 * (b - a);
            for (int q = 0; q < 4; q++) {
                double r = c + hw * gx[q];
                sum += gw[q] * hw * r * p.nSquared(r);
            }
            a = b;
        }
        return sum / (0.5 * (r1 * r1 - r0 * r0));
    }
}
