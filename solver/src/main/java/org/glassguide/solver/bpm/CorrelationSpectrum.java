package org.glassguide.solver.bpm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.glassguide.solver.special.Fft;

/**
 * Propagation constants from the field-correlation spectrum (Feit and Fleck, Appl. Opt. 17, 3990
 * (1978)): in a z-invariant guide c(z) = &lt;psi(0)|psi(z)&gt; = sum_m |a_m|^2 exp(i (beta_m - k_ref) z),
 * so the Fourier transform of c over z peaks at every excited mode's beta, guided or leaky, whatever the
 * launch. A Blackman window keeps the side lobes of strong peaks (-58 dB) below weak modes, zero padding
 * and a log-parabolic fit place each peak between bins, and each peak's phase rate is inverted through
 * the propagator's own dispersion ({@link WideAngle#betaFromPhaseRate}), so the indices compare with a
 * mode solver on the same grid. A peak's height |C| is proportional to its mode's share of the launched
 * power. Resolution: two modes closer than about 3 lambda / L in index merge.
 */
public final class CorrelationSpectrum {
    /** Peaks (|C|) below this fraction of the strongest are not reported (the window's side lobes reach 1.3e-3). */
    public static final double MIN_RELATIVE_WEIGHT = 1e-2;

    /** One mode: its effective index and weight |C| (its power share) relative to the strongest peak. */
    public record Peak(double nEff, double weight) {
    }

    /**
     * @param nEff index axis of the spectrum (ascending)
     * @param power |C|^2 along it, the largest 1
     * @param peaks the modes found, strongest first
     * @param resolution lambda / L: the bin width in index
     * @param nLow lowest index the sampling resolves (Nyquist)
     * @param nHigh highest
     */
    public record Spectrum(double[] nEff, double[] power, List<Peak> peaks, double resolution, double nLow, double nHigh) {
    }

    private CorrelationSpectrum() {
    }

    /**
     * The spectrum of correlation samples c (interleaved complex) at equally spaced z (the first at 0);
     * null when fewer than 16 samples or uneven spacing leave nothing to transform.
     */
    public static Spectrum of(double[] z, double[] c, double wavelength, double nRef, WideAngle wideAngle, double dz, int maxPeaks) {
        int n = z.length;
        if (n >= 2 && Math.abs((z[n - 1] - z[n - 2]) - (z[1] - z[0])) > 1e-6 * (z[1] - z[0])) {
            n--; // a shorter last chunk
        }
        if (n < 16) {
            return null;
        }
        double h = z[1] - z[0];
        for (int i = 1; i < n; i++) {
            if (Math.abs(z[i] - z[i - 1] - h) > 1e-6 * h) {
                return null;
            }
        }
        int m = Integer.highestOneBit(n - 1) << 4;
        double[] re = new double[m];
        double[] im = new double[m];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / (n - 1);
            double w = 0.42 - 0.5 * Math.cos(t) + 0.08 * Math.cos(2 * t);
            re[i] = w * c[2 * i];
            im[i] = w * c[2 * i + 1];
        }
        // c ~ exp(+i rate z): the forward transform (e^{-i...}) peaks at +rate
        Fft.transform(re, im, false);
        double[] p = new double[m];
        double max = 0;
        for (int q = 0; q < m; q++) {
            p[q] = re[q] * re[q] + im[q] * im[q];
            max = Math.max(max, p[q]);
        }
        if (!(max > 0)) {
            return null;
        }
        double k0 = 2 * Math.PI / wavelength;
        double kRef = k0 * nRef;
        // ascending rate: bins m/2 (the Nyquist rate, taken as negative) .. m-1, then 0 .. m/2-1
        double[] rates = new double[m];
        double[] sp = new double[m];
        for (int s = 0; s < m; s++) {
            int q = (s + m / 2) % m;
            rates[s] = q == m / 2 ? -Math.abs(Fft.angularFrequency(q, m, h)) : Fft.angularFrequency(q, m, h);
            sp[s] = p[q] / max;
        }
        // the index axis where the propagator's dispersion has a propagating beta for the rate
        double[] axis = new double[m];
        int kept = 0;
        for (int s = 0; s < m; s++) {
            double beta = wideAngle.betaFromPhaseRate(rates[s], dz, kRef);
            if (Double.isFinite(beta)) {
                axis[kept++] = beta / k0;
            } else {
                axis[kept++] = Double.NaN;
            }
        }
        double[] power = sp;
        List<Peak> peaks = new ArrayList<>();
        for (int s = 1; s + 1 < m; s++) {
            if (power[s] >= MIN_RELATIVE_WEIGHT * MIN_RELATIVE_WEIGHT && power[s] > power[s - 1] && power[s] >= power[s + 1]) {
                // log-parabolic (Gaussian) interpolation between the bins around the peak
                double a = Math.log(power[s - 1]);
                double b = Math.log(power[s]);
                double g = Math.log(power[s + 1]);
                double den = a - 2 * b + g;
                double off = den < 0 ? 0.5 * (a - g) / den : 0;
                double rate = rates[s] + off * 2 * Math.PI / (m * h);
                double beta = wideAngle.betaFromPhaseRate(rate, dz, kRef);
                if (Double.isFinite(beta)) {
                    peaks.add(new Peak(beta / k0, Math.sqrt(power[s])));
                }
            }
        }
        peaks.sort(Comparator.comparingDouble(Peak::weight).reversed());
        List<Peak> top = List.copyOf(peaks.subList(0, Math.min(maxPeaks, peaks.size())));
        // the part of the axis with an index: drop rates no propagating beta gives
        int first = 0;
        while (first < m && Double.isNaN(axis[first])) {
            first++;
        }
        int last = m - 1;
        while (last > first && Double.isNaN(axis[last])) {
            last--;
        }
        if (first > last) {
            return null;
        }
        double[] ax = java.util.Arrays.copyOfRange(axis, first, last + 1);
        double[] pw = java.util.Arrays.copyOfRange(power, first, last + 1);
        for (int i = 0; i < ax.length; i++) {
            if (Double.isNaN(ax[i])) {
                ax[i] = i > 0 ? ax[i - 1] : ax[ax.length - 1];
                pw[i] = 0;
            }
        }
        double length = (n - 1) * h;
        return new Spectrum(ax, pw, top, wavelength / length, ax[0], ax[ax.length - 1]);
    }
}
