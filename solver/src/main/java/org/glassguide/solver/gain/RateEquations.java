package org.glassguide.solver.gain;

import java.util.List;

/**
 * The steady-state two-manifold rate equations of a doped fiber (Giles and Desurvire, J. Lightwave Technol. 9 (1991) 271),
 * uniform doping of density N over the doped area A, with an optional organic antenna that absorbs light and transfers
 * a fraction eta of it to ions in the ground state:
 *
 * <pre>
 *   n2 = sum_k (a_k + s_k) P_k / (sum_k (a_k + s_k + e_k) P_k + 1/tau),
 *        a_k = Gamma_k sigma_a,k / (h nu_k A),  e_k = Gamma_k sigma_e,k / (h nu_k A),  s_k = eta Gamma_k alpha_L,k / (h nu_k A N)
 *   u_k dP_k/dz = {Gamma_k [(sigma_e,k n2 - sigma_a,k (1 - n2)) N - alpha_L,k] - alpha_k} P_k + Gamma_k sigma_e,k N n2 m_k h nu_k dnu_k
 * </pre>
 *
 * with u_k = +1 forward and -1 backward; the last term is spontaneous emission into the m_k modes of an ASE bin of width
 * dnu_k. Coefficients live in primitive arrays; nothing allocates per evaluation.
 */
public final class RateEquations {
    /** Planck constant (J s) and the speed of light (m/s), SI 2019 exact values. */
    public static final double H = 6.62607015e-34;
    public static final double C = 299792458.0;

    private final List<Channel> channels;
    private final double density;
    private final double dopedArea;
    private final double lifetime;
    private final double transferEfficiency;
    final int n;
    final boolean[] forward;
    final double[] up;
    final double[] upAntenna;
    final double[] down;
    final double[] gainE;
    final double[] gainA;
    final double[] fixedLoss;
    final double[] spontaneous;

    /**
     * @param density ion density N (1/m^3)
     * @param dopedArea doped cross-section area (m^2)
     * @param lifetime upper-level lifetime (s)
     * @param transferEfficiency antenna-to-ion transfer efficiency (0..1; irrelevant without antenna absorption)
     */
    public RateEquations(List<Channel> channels, double density, double dopedArea, double lifetime, double transferEfficiency) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("the rate equations need at least one channel");
        }
        if (!(density > 0) || !(dopedArea > 0) || !(lifetime > 0) || !(transferEfficiency >= 0 && transferEfficiency <= 1)) {
            throw new IllegalArgumentException("ion density, doped area and lifetime must be positive and the transfer efficiency in 0..1");
        }
        this.channels = List.copyOf(channels);
        this.density = density;
        this.dopedArea = dopedArea;
        this.lifetime = lifetime;
        this.transferEfficiency = transferEfficiency;
        n = channels.size();
        forward = new boolean[n];
        up = new double[n];
        upAntenna = new double[n];
        down = new double[n];
        gainE = new double[n];
        gainA = new double[n];
        fixedLoss = new double[n];
        spontaneous = new double[n];
        for (int k = 0; k < n; k++) {
            Channel c = channels.get(k);
            double hv = c.photonEnergy();
            forward[k] = c.forward();
            up[k] = c.overlap() * c.sigmaA() / (hv * dopedArea);
            upAntenna[k] = transferEfficiency * c.overlap() * c.antennaAbsorption() / (hv * dopedArea * density);
            down[k] = c.overlap() * c.sigmaE() / (hv * dopedArea);
            gainE[k] = c.overlap() * c.sigmaE() * density;
            gainA[k] = c.overlap() * c.sigmaA() * density;
            fixedLoss[k] = c.overlap() * c.antennaAbsorption() + c.loss();
            spontaneous[k] = c.overlap() * c.sigmaE() * density * c.modes() * hv * c.bandwidth();
        }
    }

    public List<Channel> channels() {
        return channels;
    }

    public double density() {
        return density;
    }

    public double dopedArea() {
        return dopedArea;
    }

    public double lifetime() {
        return lifetime;
    }

    public double transferEfficiency() {
        return transferEfficiency;
    }

    /**
     * The largest rate (1/m) at which any channel can grow or decay: Gamma (sigma_a + sigma_e) N plus its fixed losses.
     * An integration step must be short against its inverse.
     */
    public double maxRate() {
        double r = 0;
        for (int k = 0; k < n; k++) {
            r = Math.max(r, Math.max(gainE[k], gainA[k]) + fixedLoss[k]);
        }
        return r;
    }

    /** Excited fraction n2 = N2/N for the channel powers p (W). */
    public double excitedFraction(double[] p) {
        double w = 0;
        double all = 1 / lifetime;
        for (int k = 0; k < n; k++) {
            double a = (up[k] + upAntenna[k]) * p[k];
            w += a;
            all += a + down[k] * p[k];
        }
        return w / all;
    }

    /** dP/dz of every channel (W/m; backward channels' growth enters with a minus sign); returns n2. */
    public double slope(double[] p, double[] f) {
        double n2 = excitedFraction(p);
        for (int k = 0; k < n; k++) {
            double g = growth(k, p[k], n2);
            f[k] = forward[k] ? g : -g;
        }
        return n2;
    }

    /**
     * The Jacobian of {@link #slope} at p as diag(d) + c r^T: n2 couples every channel through one scalar, so the full
     * matrix is a diagonal plus a rank-one term. d_k = u_k g_k, c_k = u_k ((sigma_e + sigma_a) Gamma N P_k + spont_k),
     * r_l = dn2/dP_l.
     */
    public void jacobian(double[] p, double[] d, double[] c, double[] r) {
        double w = 0;
        double all = 1 / lifetime;
        for (int k = 0; k < n; k++) {
            double a = (up[k] + upAntenna[k]) * p[k];
            w += a;
            all += a + down[k] * p[k];
        }
        double n2 = w / all;
        for (int k = 0; k < n; k++) {
            double u = forward[k] ? 1 : -1;
            double g = gainE[k] * n2 - gainA[k] * (1 - n2) - fixedLoss[k];
            d[k] = u * g;
            c[k] = u * ((gainE[k] + gainA[k]) * p[k] + spontaneous[k]);
            double a = up[k] + upAntenna[k];
            r[k] = (a * all - w * (a + down[k])) / (all * all);
        }
    }

    /** Growth of channel k along its own direction of travel (W/m) at excited fraction n2. */
    public double growth(int k, double pk, double n2) {
        return (gainE[k] * n2 - gainA[k] * (1 - n2) - fixedLoss[k]) * pk + spontaneous[k] * n2;
    }

    /**
     * Photons per metre per second leaving the channels other than by stimulated transitions: spontaneous decay
     * N A n2 / tau, antenna absorption not passed on to an ion, background loss; minus spontaneous emission captured by
     * ASE bins. The net photon flux of all channels changes by minus this (the photon-number balance).
     */
    public double photonSink(double[] p, double n2) {
        double s = density * dopedArea * n2 / lifetime;
        for (int k = 0; k < n; k++) {
            Channel c = channels.get(k);
            double hv = c.photonEnergy();
            double antenna = c.overlap() * c.antennaAbsorption() * (1 - transferEfficiency * (1 - n2));
            s += (antenna + c.loss()) * p[k] / hv - spontaneous[k] * n2 / hv;
        }
        return s;
    }
}
