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
        // input face: on-axis emitters at the face, lossless, air outside, a fiber 100 core radii long. Bound rays end half at
        // each face (1/(1+R) and R/(1+R) for the two directions); a backward ray the core does not guide meets the face before
        // the wall and leaves with Fresnel's T (0 beyond the face's critical angle); a forward one meets the wall
        t = new RayTracer().trace(flat(n1, n2, 0, 0), a, 100 * a, 1.0, 1, false, 1e12, rays, 9, true);
        double inFace = 0.5 * pb + 0.5 * Numerics.simpson(mu -> fresnelT(n1, 1.0, mu), 0, n, 200000);
        rows.add(new ValidationRow(id, "input face, on-axis emitters there: (1 - n2/n1)/2 + 1/2 int_0^(n2/n1) T(mu) dmu", inFace,
                (double) t.input / t.rays, tol(inFace, rays), source));
        rows.add(new ValidationRow(id, "input face: far face gets the bound half, (1 - n2/n1)/2", 0.5 * pb, (double) t.output / t.rays,
                tol(0.5 * pb, rays), source));
        // a bare fiber (air outside the cladding): on the axis a ray is guided by core or cladding when n1 |c| exceeds the
        // surround's index, and never leaves a lossless fiber when both glasses reflect it totally at the air faces
        t = new RayTracer().trace(flat(n1, n2, 0, 0), a, 1e4 * a, 1.0, 1, true, 1, rays, 15, true, new RayTracer.Cladding(4 * a, new double[] {1.0}));
        double guided = 1 - 1 / n1;
        rows.add(new ValidationRow(id, "bare fiber, on-axis emitters: guided by core or cladding, 1 - n_s/n1", guided,
                (double) (t.firstBound + t.firstCladding) / t.rays, tol(guided, rays), source));
        double forever = Math.max(0, Math.sqrt(n2 * n2 - 1) - 1) / n1;
        rows.add(new ValidationRow(id, "bare fiber: never leaving (beta between n_s and sqrt(n2^2 - n0^2))", forever, (double) t.trappedForever / t.rays,
                tol(forever, rays), source));
        // bookkeeping with self-absorption and re-emission, Fresnel at air faces
        t = new RayTracer().trace(flat(n1, n2, 5, 200), a, 0.05, 1.0, 0.7, false, 300, rays, 11, false, new RayTracer.Cladding(4 * a,
                new double[] {1.0}));
        long sum = t.output + t.input + t.escaped + t.absorbedBackground + t.absorbedNonRadiative + t.capped + t.trappedForever;
        rows.add(new ValidationRow(id, "bookkeeping: rays - (out + back + escaped + absorbed + trapped), with re-emission and cladding light", 0, t.rays - sum, 0,
                source));
        rows.add(new ValidationRow(id, "bookkeeping: emissions - rays - re-emissions", 0, t.emissions - t.rays - t.reEmitted - t.capped, 0, source));
        return rows;
    }

    /** Unpolarised Fresnel transmission from n1 into n0 at an angle of cosine mu inside (0 beyond the critical angle), written out. */
    static double fresnelT(double n1, double n0, double mu) {
        double sin1 = Math.sqrt(Math.max(0, 1 - mu * mu));
        double sin0 = n1 / n0 * sin1;
        if (sin0 >= 1) {
            return 0;
        }
        double cos0 = Math.sqrt(1 - sin0 * sin0);
        double ts = 2 * n1 * mu / (n1 * mu + n0 * cos0);
        double tp = 2 * n1 * mu / (n0 * mu + n1 * cos0);
        // power transmission: |t|^2 times the ratio of the beams' flux factors (n0 cos0) / (n1 mu)
        double flux = n0 * cos0 / (n1 * mu);
        return 0.5 * (ts * ts + tp * tp) * flux;
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
