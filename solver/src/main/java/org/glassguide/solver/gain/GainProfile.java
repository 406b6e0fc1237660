package org.glassguide.solver.gain;

/**
 * A solved amplifier: channel powers and the excited fraction on the z grid, with how the boundary-value iteration ended.
 *
 * @param power power[k][i] of channel k at z[i] (W)
 * @param excited n2 = N2/N at z[i]
 * @param sweeps relaxation sweeps used (1: a single forward march)
 * @param newtonIterations Newton iterations on the collocation equations (0 when there was nothing to iterate)
 */
public record GainProfile(RateEquations equations, double[] z, double[][] power, double[] excited, int sweeps, int newtonIterations) {
    /** Power leaving the fiber in channel k: at z = L forward, at z = 0 backward. */
    public double output(int k) {
        return equations.forward[k] ? power[k][z.length - 1] : power[k][0];
    }

    /** Gain of channel k, output over input, in dB. */
    public double gainDb(int k) {
        double in = equations.channels().get(k).inputPower();
        return 10 * Math.log10(output(k) / in);
    }

    /** Length-averaged excited fraction (trapezoid rule). */
    public double meanExcitation() {
        double s = 0;
        for (int i = 1; i < z.length; i++) {
            s += 0.5 * (excited[i] + excited[i - 1]) * (z[i] - z[i - 1]);
        }
        return s / (z[z.length - 1] - z[0]);
    }

    /**
     * The photon-number balance: photons out minus photons in per second, plus every sink along the fiber (spontaneous
     * decay, antenna and background loss, less spontaneous emission into ASE bins), over the photons in. Zero but for the
     * quadrature error of the sink integral (trapezoid rule, second order in the step).
     */
    public double photonBalanceError() {
        double in = 0;
        double out = 0;
        int last = z.length - 1;
        for (int k = 0; k < equations.n; k++) {
            double hv = equations.channels().get(k).photonEnergy();
            if (equations.forward[k]) {
                in += power[k][0] / hv;
                out += power[k][last] / hv;
            } else {
                in += power[k][last] / hv;
                out += power[k][0] / hv;
            }
        }
        double[] p = new double[equations.n];
        double prev = 0;
        double sink = 0;
        for (int i = 0; i <= last; i++) {
            for (int k = 0; k < equations.n; k++) {
                p[k] = power[k][i];
            }
            double s = equations.photonSink(p, excited[i]);
            if (i > 0) {
                sink += 0.5 * (s + prev) * (z[i] - z[i - 1]);
            }
            prev = s;
        }
        return (out - in + sink) / in;
    }
}
