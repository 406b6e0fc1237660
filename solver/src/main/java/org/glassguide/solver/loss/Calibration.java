package org.glassguide.solver.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Fits loss mechanisms to measured attenuation points: alpha(lambda) = sum_k a_k shape_k(lambda) with every a_k >= 0
 * (no mechanism can remove light), by weighted least squares. The non-negative solution is found exactly by trying
 * every subset of mechanisms (a handful at most) and keeping the best whose coefficients are all non-negative.
 * Parameter uncertainties come from the covariance (A^T W A)^-1 — scaled by the residual variance when the points
 * carry no stated uncertainty and outnumber the mechanisms fitted. When other subsets fit the points as well, the
 * points cannot separate those mechanisms, and the result says so.
 */
public final class Calibration {
    /** A measured point: wavelength (m), alpha (1/m) and its standard uncertainty (1/m; NaN when not stated). */
    public record Point(double wavelength, double alpha, double sigma) {
    }

    /** A subset's fit: amplitudes (1/m at the shape's reference; 0 for mechanisms left out) and residual sum of squares. */
    public record Fit(double[] amplitudes, double[] uncertainties, double rss, List<Integer> used) {
        public double alpha(List<Mechanism> mechanisms, double wavelength) {
            double s = 0;
            for (int k = 0; k < mechanisms.size(); k++) {
                s += amplitudes[k] * mechanisms.get(k).shape(wavelength);
            }
            return s;
        }

        /** One-sigma uncertainty of alpha at a wavelength, from the amplitudes' covariance. */
        public double sigmaAlpha(List<Mechanism> mechanisms, double wavelength, double[][] covariance) {
            double v = 0;
            for (int i = 0; i < mechanisms.size(); i++) {
                for (int j = 0; j < mechanisms.size(); j++) {
                    v += mechanisms.get(i).shape(wavelength) * covariance[i][j] * mechanisms.get(j).shape(wavelength);
                }
            }
            return Math.sqrt(Math.max(0, v));
        }
    }

    /**
     * The calibration: the best fit, its covariance (full size, zeros for mechanisms not used), the other subsets that
     * fit as well (equally good explanations), and the notes a user must read.
     */
    public record Result(List<Mechanism> mechanisms, List<Point> points, Fit best, double[][] covariance, List<Fit> alternatives,
            List<String> notes) {
        public Result {
            mechanisms = List.copyOf(mechanisms);
            points = List.copyOf(points);
            alternatives = List.copyOf(alternatives);
            notes = List.copyOf(notes);
        }

        public double alpha(double wavelength) {
            return best.alpha(mechanisms, wavelength);
        }

        public double sigmaAlpha(double wavelength) {
            return best.sigmaAlpha(mechanisms, wavelength, covariance);
        }

        /**
         * Whether the fit has an uncertainty at all: the points state theirs, or outnumber the fitted mechanisms so the
         * residuals estimate it. Otherwise the fit is exact and its uncertainty unknown (not zero).
         */
        public boolean uncertaintyKnown() {
            boolean stated = points.stream().allMatch(p -> p.sigma() > 0);
            return stated || points.size() > best.used().size();
        }
    }

    public Result fit(List<Mechanism> mechanisms, List<Point> points) {
        int p = mechanisms.size();
        int m = points.size();
        if (p == 0 || m == 0) {
            throw new IllegalArgumentException("a calibration needs at least one mechanism and one point");
        }
        boolean stated = points.stream().allMatch(q -> q.sigma() > 0);
        List<Fit> fits = new ArrayList<>();
        for (int mask = 1; mask < (1 << p); mask++) {
            List<Integer> used = new ArrayList<>();
            for (int k = 0; k < p; k++) {
                if ((mask & (1 << k)) != 0) {
                    used.add(k);
                }
            }
            Fit f = solve(mechanisms, points, used, stated);
            if (f != null) {
                fits.add(f);
            }
        }
        if (fits.isEmpty()) {
            throw new IllegalArgumentException("no non-negative combination of the mechanisms fits the points");
        }
        double scale = points.stream().mapToDouble(q -> q.alpha() * q.alpha()).sum();
        double bestRss = fits.stream().mapToDouble(Fit::rss).min().orElseThrow();
        double tol = 1e-20 * Math.max(scale, 1e-300) + 1e-12 * bestRss;
        // among the best, the one with fewest mechanisms (then the first in the order given)
        Fit best = null;
        List<Fit> equal = new ArrayList<>();
        for (Fit f : fits) {
            if (f.rss() <= bestRss + tol) {
                equal.add(f);
                if (best == null || f.used().size() < best.used().size()) {
                    best = f;
                }
            }
        }
        List<Fit> alternatives = new ArrayList<>();
        for (Fit f : equal) {
            if (f != best) {
                alternatives.add(f);
            }
        }
        double[][] cov = covariance(mechanisms, points, best, stated);
        List<String> notes = new ArrayList<>();
        if (!alternatives.isEmpty()) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "the %d point%s cannot separate the mechanisms: ", m, m == 1 ? "" : "s"));
            b.append(describe(mechanisms, best)).append(" fits them as well as ");
            List<String> alt = new ArrayList<>();
            for (Fit f : alternatives) {
                alt.add(describe(mechanisms, f));
            }
            b.append(String.join("; or ", alt)).append(". Measure more wavelengths (at least one more than the mechanisms) to tell them apart");
            notes.add(b.toString());
        }
        if (bestRss > tol && m <= best.used().size()) {
            notes.add("no non-negative combination reproduces the points exactly: a mechanism with the right wavelength dependence is missing");
        }
        for (int k = 0; k < p; k++) {
            if (mechanisms.get(k).kind().equals("rayleigh") && best.amplitudes()[k] == 0 && decreasingFails(points)) {
                notes.add("the loss rises with wavelength, which Rayleigh scattering (falling as lambda^-4) cannot do: it is attributed to "
                        + "the other mechanisms");
            }
        }
        if (!stated && m <= best.used().size()) {
            notes.add("as many points as fitted mechanisms and no stated uncertainties: the fit is exact and its uncertainty unknown "
                    + "(give each point a third value, its standard uncertainty)");
        }
        return new Result(mechanisms, points, best, cov, alternatives, notes);
    }

    private static boolean decreasingFails(List<Point> points) {
        Point lo = points.stream().min((a, b) -> Double.compare(a.wavelength(), b.wavelength())).orElseThrow();
        Point hi = points.stream().max((a, b) -> Double.compare(a.wavelength(), b.wavelength())).orElseThrow();
        return hi.wavelength() > lo.wavelength() && hi.alpha() > lo.alpha();
    }

    static String describe(List<Mechanism> mechanisms, Fit f) {
        List<String> parts = new ArrayList<>();
        for (int k : f.used()) {
            parts.add(mechanisms.get(k).label());
        }
        return String.join(" + ", parts);
    }

    /** Weighted least squares on the used mechanisms; null if any coefficient comes out negative or the system is singular. */
    private static Fit solve(List<Mechanism> mechanisms, List<Point> points, List<Integer> used, boolean stated) {
        int m = points.size();
        int q = used.size();
        RealMatrix a = new Array2DRowRealMatrix(m, q);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            Point pt = points.get(i);
            double w = stated ? 1 / pt.sigma() : 1 / Math.max(pt.alpha(), 1e-300);
            for (int j = 0; j < q; j++) {
                a.setEntry(i, j, mechanisms.get(used.get(j)).shape(pt.wavelength()) * w);
            }
            y[i] = pt.alpha() * w;
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(a);
        if (svd.getRank() < q) {
            return null;
        }
        double[] x = svd.getSolver().solve(new ArrayRealVector(y)).toArray();
        double[] amp = new double[mechanisms.size()];
        for (int j = 0; j < q; j++) {
            if (x[j] < 0) {
                return null;
            }
            amp[used.get(j)] = x[j];
        }
        double rss = 0;
        for (int i = 0; i < m; i++) {
            double r = y[i];
            for (int j = 0; j < q; j++) {
                r -= a.getEntry(i, j) * x[j];
            }
            // back to 1/m units, so subsets compare on the same scale
            Point pt = points.get(i);
            double w = stated ? 1 / pt.sigma() : 1 / Math.max(pt.alpha(), 1e-300);
            rss += (r / w) * (r / w);
        }
        return new Fit(amp, new double[mechanisms.size()], rss, List.copyOf(used));
    }

    private static double[][] covariance(List<Mechanism> mechanisms, List<Point> points, Fit best, boolean stated) {
        int p = mechanisms.size();
        double[][] cov = new double[p][p];
        int m = points.size();
        int q = best.used().size();
        if (!stated && m <= q) {
            for (double[] row : cov) {
                java.util.Arrays.fill(row, 0);
            }
            return cov;
        }
        RealMatrix a = new Array2DRowRealMatrix(m, q);
        double chi2 = 0;
        for (int i = 0; i < m; i++) {
            Point pt = points.get(i);
            double sigma = stated ? pt.sigma() : 1;
            for (int j = 0; j < q; j++) {
                a.setEntry(i, j, mechanisms.get(best.used().get(j)).shape(pt.wavelength()) / sigma);
            }
            double r = (pt.alpha() - best.alpha(mechanisms, pt.wavelength())) / sigma;
            chi2 += r * r;
        }
        RealMatrix inv = new LUDecomposition(a.transpose().multiply(a)).getSolver().getInverse();
        // no stated uncertainties: the residual scatter estimates them (m > q here)
        double s2 = stated ? 1 : chi2 / (m - q);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                cov[best.used().get(i)][best.used().get(j)] = s2 * inv.getEntry(i, j);
            }
        }
        for (int k = 0; k < p; k++) {
            best.uncertainties()[k] = Math.sqrt(Math.max(0, cov[k][k]));
        }
        return cov;
    }
}
