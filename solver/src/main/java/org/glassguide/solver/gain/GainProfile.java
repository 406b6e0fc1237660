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

    /**
     * Whether channel k leaves with less than the solver resolves (a billionth of its launched power, -90 dB): a pump
     * absorbed to nothing, reported as such.
     */
    public boolean fullyAbsorbed(int k) {
        return output(k) < GilesSolver.RESOLVED_FRACTION * equations.channels().get(k).inputPower();
    }

    /** The output of channel k as reported: 0 when fully absorbed (the solver's residual there means nothing). */
    public double reportedOutput(int k) {
        return fullyAbsorbed(k) ? 0 : output(k);
    }

    /** Gain of channel k, output over input, in dB (floored at -3000 dB: a pump absorbed to nothing). */
    public double gainDb(int k) {
        double in = equations.channels().get(k).inputPower();
        return 10 * Math.log10(Math.max(output(k) / in, 1e-300));
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
     * decay, antenna and background loss, less spontaneous emission into ASE bins), over the photons in. The sink is
     * integrated by Simpson's rule on the cubic Hermite reconstruction of the powers (node values and slopes), fourth order
     * in the step; the balance holds only if the field equations and the steady-state population equation agree.
     */
    public double photonBalanceError() {
        int n = equations.n;
        double in = 0;
        double out = 0;
        int last = z.length - 1;
        for (int k = 0; k < n; k++) {
            double hv = equations.channels().get(k).photonEnergy();
            if (equations.forward[k]) {
                in += power[k][0] / hv;
                out += power[k][last] / hv;
            } else {
                in += power[k][last] / hv;
                out += power[k][0] / hv;
            }
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[] mid = new double[n];
        double sink = 0;
        for (int i = 0; i < last; i++) {
            double h = z[i + 1] - z[i];
            for (int k = 0; k < n; k++) {
                a[k] = power[k][i];
                b[k] = power[k][i + 1];
            }
            double na = equations.slope(a, fa);
            double nb = equations.slope(b, fb);
            for (int k = 0; k < n; k++) {
                mid[k] = 0.5 * (a[k] + b[k]) + h / 8 * (fa[k] - fb[k]);
            }
            double nm = equations.excitedFraction(mid);
            sink += h / 6 * (equations.photonSink(a, na) + 4 * equations.photonSink(mid, nm) + equations.photonSink(b, nb));
        }
        return (out - in + sink) / in;
    }
}
