package org.glassguide.solver.bpm;

import java.util.Locale;

/**
 * A propagation loss read from the decay of a monitored power P(z): a straight-line fit of 10 log10 P against z over
 * the part of the run where the decay has settled, with what the fit can and cannot tell.
 *
 * <p>A launch that is not the guide's mode sheds radiation over the first stretch of the run (and the core power of
 * several modes beats), so a fit over the whole run reads the transient as loss. The window starts at the earliest of
 * 0, 1/4 and 1/2 of the run from which the slopes over the window's two halves agree (within 15 %, or within twice
 * four times the resolution); when none does, the last half is fitted and the loss is called unsettled. The
 * resolution is the scatter of the slopes fitted over the four quarters of the run's last half about their trend,
 * scaled to that half (divided by 4: two standard errors of a mean of four, or less for beating, whose slope error falls as
 * the window squared), and at least the loss whose whole decay over the window equals twice the line's rms residual: a
 * smaller loss cannot be told from the beating and is reported as below it.
 *
 * @param lossDbPerCm the fitted loss (dB/cm), NaN with fewer than 4 usable points
 * @param zFrom start of the fit window (m)
 * @param zTo end of the fit window (m)
 * @param residualDb rms deviation of 10 log10 P from the fitted line in the window (dB)
 * @param resolutionDbPerCm the smallest loss the window resolves (dB/cm)
 * @param verdict whether the number is a settled loss
 */
public record LossFit(double lossDbPerCm, double zFrom, double zTo, double residualDb, double resolutionDbPerCm, Verdict verdict) {

    /** What the fitted number is. */
    public enum Verdict {
        /** The decay is straight over the window and larger than the resolution. */
        SETTLED,
        /** The loss is smaller than the run can resolve: at most the resolution in size. */
        BELOW_RESOLUTION,
        /** The slope still changes along the run (transient, beating or a changing guide): run longer. */
        UNSETTLED,
        /** Too few monitor points to fit. */
        TOO_FEW_POINTS,
        /** The guide changes along z (taper, splices, an index that varies with z): the end-to-end mean loss. */
        END_TO_END;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The agreement asked of the window halves' slopes, relative to the loss. */
    static final double HALVES_AGREEMENT = 0.15;

    /** The fit of P (powers at positions z, ascending; non-positive powers are skipped). */
    public static LossFit of(double[] z, double[] p) {
        int n = 0;
        double[] zz = new double[z.length];
        double[] db = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (p[i] > 0 && Double.isFinite(p[i])) {
                zz[n] = z[i];
                db[n] = 10 * Math.log10(p[i]);
                n++;
            }
        }
        if (n < 4) {
            return new LossFit(Double.NaN, n > 0 ? zz[0] : 0, n > 0 ? zz[n - 1] : 0, Double.NaN, Double.NaN, Verdict.TOO_FEW_POINTS);
        }
        // the beating's scatter, read where the decay is most likely settled: the run's last half
        int half = (n - 1) / 2;
        double resolution = quarterScatter(zz, db, half, n) / 4 / 100;
        LossFit last = null;
        for (double startFraction : new double[] {0, 0.25, 0.5}) {
            int from = (int) Math.floor(startFraction * (n - 1));
            if (n - from < 4) {
                break;
            }
            double[] line = line(zz, db, from, n);
            int mid = from + (n - from) / 2;
            double first = mid - from >= 2 ? line(zz, db, from, mid + 1)[0] : Double.NaN;
            double second = n - mid >= 2 ? line(zz, db, mid, n)[0] : Double.NaN;
            double rms = rms(zz, db, from, n, line);
            // slopes are dB per metre; the loss is their negative in dB/cm
            double loss = -line[0] / 100;
            double gap = Math.abs(first - second) / 100;
            boolean straight = gap <= Math.max(HALVES_AGREEMENT * Math.abs(loss), 4 * resolution);
            // nor can a loss whose whole decay over the window is within twice the line's rms residual be told apart
            double told = Math.max(resolution, 2 * rms / ((zz[n - 1] - zz[from]) * 100));
            Verdict v = !straight ? Verdict.UNSETTLED : Math.abs(loss) < told ? Verdict.BELOW_RESOLUTION : Verdict.SETTLED;
            last = new LossFit(loss, zz[from], zz[n - 1], rms, told, v);
            if (straight) {
                return last;
            }
        }
        return last;
    }

    /**
     * The mean loss from the first to the last usable monitor, 10 log10(P_first / P_last) / length: the number that
     * means something where the guide changes along z and no single decay rate exists.
     */
    public static LossFit endToEnd(double[] z, double[] p) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < z.length; i++) {
            if (p[i] > 0 && Double.isFinite(p[i])) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0 || last == first) {
            return new LossFit(Double.NaN, 0, 0, Double.NaN, Double.NaN, Verdict.TOO_FEW_POINTS);
        }
        double loss = 10 * Math.log10(p[first] / p[last]) / ((z[last] - z[first]) * 100);
        return new LossFit(loss, z[first], z[last], 0, 0, Verdict.END_TO_END);
    }

    /** Least-squares line through (z, y) over [from, to): {slope, intercept}. */
    private static double[] line(double[] z, double[] y, int from, int to) {
        int m = to - from;
        double zm = 0;
        double ym = 0;
        for (int i = from; i < to; i++) {
            zm += z[i];
            ym += y[i];
        }
        zm /= m;
        ym /= m;
        double szz = 0;
        double szy = 0;
        for (int i = from; i < to; i++) {
            szz += (z[i] - zm) * (z[i] - zm);
            szy += (z[i] - zm) * (y[i] - ym);
        }
        double slope = szz > 0 ? szy / szz : 0;
        return new double[] {slope, ym - slope * zm};
    }

    /** The scatter of the slopes over the four quarters of [from, to) about their linear trend (each quarter two points or more). */
    private static double quarterScatter(double[] z, double[] y, int from, int to) {
        double[] q = new double[4];
        int m = 0;
        for (int k = 0; k < 4; k++) {
            int a = from + (to - from) * k / 4;
            int b = Math.min(to, from + (to - from) * (k + 1) / 4 + 1);
            if (b - a >= 2) {
                q[m++] = line(z, y, a, b)[0];
            }
        }
        if (m < 3) {
            return 0;
        }
        // about their own straight trend: a steady drift of the slope is the unsettled case, judged by the halves
        double[] k = new double[m];
        for (int i = 0; i < m; i++) {
            k[i] = i;
        }
        double[] t = line(k, q, 0, m);
        double v = 0;
        for (int i = 0; i < m; i++) {
            double r = q[i] - (t[0] * i + t[1]);
            v += r * r / (m - 2);
        }
        return Math.sqrt(v);
    }

    private static double rms(double[] z, double[] y, int from, int to, double[] line) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double r = y[i] - (line[0] * z[i] + line[1]);
            s += r * r;
        }
        return Math.sqrt(s / (to - from));
    }

    /** One line for a report: the number with its window, residual and verdict. */
    public String describe() {
        switch (verdict) {
            case TOO_FEW_POINTS:
                return "loss: too few monitor points to fit (lower propagation.monitor-every)";
            case BELOW_RESOLUTION:
                return String.format(Locale.ROOT, "loss below %.3g dB/cm, what this run resolves (fit %.4g dB/cm over z = %.4g-%.4g um, rms residual %.2g dB)",
                        resolutionDbPerCm, lossDbPerCm, zFrom * 1e6, zTo * 1e6, residualDb);
            case UNSETTLED:
                return String.format(Locale.ROOT, "loss %.4g dB/cm NOT SETTLED: the decay's slope still changes along the run (fit over z = %.4g-%.4g um,"
                        + " rms residual %.2g dB); propagate further", lossDbPerCm, zFrom * 1e6, zTo * 1e6, residualDb);
            case END_TO_END:
                return String.format(Locale.ROOT, "loss %.4g dB/cm, the mean from z = %.4g to %.4g um (the guide changes along z: no single decay rate)",
                        lossDbPerCm, zFrom * 1e6, zTo * 1e6);
            default:
                return String.format(Locale.ROOT, "loss %.4g dB/cm (fit over z = %.4g-%.4g um, rms residual %.2g dB, resolution %.2g dB/cm)",
                        lossDbPerCm, zFrom * 1e6, zTo * 1e6, residualDb, resolutionDbPerCm);
        }
    }
}
