package org.glassguide.solver.radial;

import java.util.List;

/**
 * All guided scalar modes of an axisymmetric profile, n_eff descending, and the discretisation they
 * came from, so that any mode's field, power fractions and effective area can be had on demand
 * (O(N) each) without storing ~10^5 fields.
 */
public final class RadialModes {
    private final double wavelength;
    private final RadialIndexProfile profile;
    private final RadialOperator op;
    private final List<RadialMode> modes;
    private final long modeCount;

    RadialModes(double wavelength, RadialIndexProfile profile, RadialOperator op, List<RadialMode> modes, long modeCount) {
        this.wavelength = wavelength;
        this.profile = profile;
        this.op = op;
        this.modes = List.copyOf(modes);
        this.modeCount = modeCount;
    }

    public double wavelength() {
        return wavelength;
    }

    public RadialIndexProfile profile() {
        return profile;
    }

    /** Guided LP groups, n_eff descending. */
    public List<RadialMode> modes() {
        return modes;
    }

    /** Guided modes counting the 2- or 4-fold degeneracy of each LP group. */
    public long modeCount() {
        return modeCount;
    }

    public double step() {
        return op.h;
    }

    public int gridPoints() {
        return op.size();
    }

    /** Cell-centre radius of grid point i (m). */
    public double radius(int i) {
        return op.rc[i];
    }

    /** psi(r_i) with int psi^2 r dr = 1, positive where it first becomes significant from the axis. */
    public double[] field(RadialMode m) {
        double[] d = op.diagonal(m.order());
        double[] phi = new double[d.length];
        op.eigenvector(d, m.eigenvalue(), phi);
        double norm = 0;
        for (double v : phi) {
            norm += v * v;
        }
        double sign = 1;
        for (double v : phi) {
            if (Math.abs(v) > 1e-3 * Math.sqrt(norm)) {
                sign = Math.signum(v);
                break;
            }
        }
        double scale = sign / Math.sqrt(norm * op.h);
        double[] psi = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            psi[i] = scale * phi[i] / Math.sqrt(op.rc[i]);
        }
        return psi;
    }

    /** Fraction of the mode's power in each layer of the profile (the last entry: the outermost layer). */
    public double[] powerFractions(RadialMode m) {
        double[] psi = field(m);
        double[] f = new double[profile.layerCount()];
        for (int i = 0; i < psi.length; i++) {
            f[profile.layerOf(op.rc[i])] += psi[i] * psi[i] * op.rc[i] * op.h;
        }
        return f;
    }

    /**
     * Effective area (int |E|^2 dA)^2 / int |E|^4 dA of the mode with E = psi(r) cos(l phi) (m^2): the
     * angular integrals give 2 pi and 2 pi for l = 0, pi and 3 pi / 4 otherwise.
     */
    public double effectiveArea(RadialMode m) {
        double[] psi = field(m);
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < psi.length; i++) {
            double p2 = psi[i] * psi[i];
            s2 += p2 * op.rc[i] * op.h;
            s4 += p2 * p2 * op.rc[i] * op.h;
        }
        double a2 = m.order() == 0 ? 2 * Math.PI : Math.PI;
        double a4 = m.order() == 0 ? 2 * Math.PI : 0.75 * Math.PI;
        return (a2 * s2) * (a2 * s2) / (a4 * s4);
    }
}
