package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.emission.Cie1931;
import org.glassguide.solver.emission.RayTracer;

/** The luminescence ray tracer against closed forms: trapping, Beer-Lambert, bookkeeping; and the CIE fit against the spectral locus. */
final class EmissionValidation {
    private EmissionValidation() {
    }

    /** One-bin spectral tables: constant indices and losses. */
    static RayTracer.Spectral flat(double n1, double n2, double alphaBackground, double alphaDopant) {
        return new RayTracer.Spectral(new double[] {500e-9}, new double[] {n1}, new double[] {n2}, new double[] {alphaBackground},
                new double[] {alphaDopant}, new double[] {1});
    }

    static List<ValidationRow> rayTracer(YamlNode c, String id, String source) {
        double n1 = c.require("n-core").number();
        double n2 = c.require("n-clad").number();
        long rays = (long) c.require("rays").number();
        double n = n2 / n1;
        double a = 50e-6;
        List<ValidationRow> rows = new ArrayList<>();
        // on-axis point emitter: bound = (1 - n2/n1) over both directions, no tunnelling rays at all
        RayTracer.Tally t = new RayTracer().trace(flat(n1, n2, 0, 0), a, 0.01, 1.0, 1, true, 1, rays, 3, true);
        double pb = 1 - n;
        rows.add(new ValidationRow(id, "on-axis emitter: bound fraction, 1 - n2/n1", pb, (double) t.firstBound / t.rays, tol(pb, rays), source));
        rows.add(new ValidationRow(id, "on-axis emitter: tunnelling fraction", 0, (double) t.firstTunnelling / t.rays, 0, source));
        // uniformly doped core: totally reflected (bound + tunnelling) vs the integral over impact parameters
        t = new RayTracer().trace(flat(n1, n2, 0, 0), a, 0.01, 1.0, 1, true, 1, rays, 5, false);
        double eta = tirFraction(n);
        rows.add(new ValidationRow(id, "uniform core: bound + tunnelling (skew rays)", eta, (double) (t.firstBound + t.firstTunnelling) / t.rays,
                tol(eta, rays), source));
        rows.add(new ValidationRow(id, "uniform core: bound fraction", pb, (double) t.firstBound / t.rays, tol(pb, rays), source));
        // Beer-Lambert: index-matched faces (no Fresnel), emitters at the input face, background alpha over L
        double alpha = 50;
        double len = 0.02;
        t = new RayTracer().trace(flat(n1, n2, alpha, 0), a, len, n1, 1, false, 1e9, rays, 7, false);
        double expect = 0.5 * Numerics.simpson(cc -> Math.exp(-alpha * len / cc), n, 1, 20000);
        rows.add(new ValidationRow(id, String.format(Locale.ROOT, "Beer-Lambert: bound rays out after %.0f mm at %.0f /m", len * 1e3, alpha), expect,
                (double) (t.output - t.outputTunnelling) / t.rays, tol(expect, rays), source));
        // bookkeeping with self-absorption and re-emission, Fresnel at air faces
        t = new RayTracer().trace(flat(n1, n2, 5, 200), a, 0.05, 1.0, 0.7, false, 300, rays, 11, false);
        long sum = t.output + t.input + t.escaped + t.absorbedBackground + t.absorbedNonRadiative + t.capped + t.trappedForever;
        rows.add(new ValidationRow(id, "bookkeeping: rays - (out + back + escaped + absorbed + trapped), with re-emission", 0, t.rays - sum, 0,
                source));
        rows.add(new ValidationRow(id, "bookkeeping: emissions - rays - re-emissions", 0, t.emissions - t.rays - t.reEmitted - t.capped, 0, source));
        return rows;
    }

    /** 5 binomial standard deviations of a fraction p over n rays. */
    static double tol(double p, long n) {
        return 5 * Math.sqrt(p * (1 - p) / n);
    }

    /**
     * Fraction of isotropic rays from a uniformly filled disc that are totally reflected: with t = 1 - u^2 (u the impact
     * parameter over a, density (4/pi) sqrt(1 - u^2)) and K = 1 - (n2/n1)^2, the fraction of directions with
     * sin^2(theta) t < K is 1 when t <= K, else 1 - sqrt(1 - K/t).
     */
    static double tirFraction(double n) {
        double k = 1 - n * n;
        return Numerics.simpson(u -> {
            double t = 1 - u * u;
            return 4 / Math.PI * Math.sqrt(t) * (t <= k ? 1 : 1 - Math.sqrt(1 - k / t));
        }, 0, 1, 200000);
    }

    static List<ValidationRow> cie(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode p : c.require("locus").list()) {
            double wl = p.require("nm").number() * 1e-9;
            double[] xy = Cie1931.chromaticity(new double[] {wl}, new double[] {1});
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "spectral locus %.0f nm: x", wl * 1e9), p.require("x").number(), xy[0], 2e-4, source));
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "spectral locus %.0f nm: y", wl * 1e9), p.require("y").number(), xy[1], 2e-4, source));
        }
        int n = 471;
        double[] w = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (360 + i) * 1e-9;
            e[i] = 1;
        }
        double[] xy = Cie1931.chromaticity(w, e);
        rows.add(new ValidationRow(id, "equal-energy white: x", 1.0 / 3, xy[0], 2e-3, source));
        rows.add(new ValidationRow(id, "equal-energy white: y", 1.0 / 3, xy[1], 2e-3, source));
        return rows;
    }
}
