package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.sensor.OxygenDiffusion;
import org.glassguide.solver.sensor.SternVolmer;

/**
 * Stern-Volmer sensing: the calibrated K_SV gives back its detection limit; the decay's fitted lifetime matches
 * tau0/(1+K p); the two-site model's curvature and plateau against their closed forms; O2 uptake by diffusion against
 * Crank's series.
 */
final class SensorValidation {
    private SensorValidation() {
    }

    static List<ValidationRow> sternVolmer(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        double lod = c.require("detection-limit").number();
        double sigma = c.require("noise").number();
        double k = c.require("sigmas").number();
        double tau = c.require("lifetime").number();
        SternVolmer m = SternVolmer.oneSite(SternVolmer.kForDetectionLimit(lod, sigma, k), tau);
        // at the detection limit the intensity falls by exactly k sigma
        rows.add(new ValidationRow(id, "relative intensity change at the detection limit / (k sigma)", 1, (1 - m.relativeIntensity(lod)) / (k * sigma),
                1e-12, source));
        rows.add(new ValidationRow(id, "detection limit from the calibrated K_SV (% O2)", lod, m.detectionLimit(sigma, k), 1e-12 * lod, source));
        for (double p : new double[] {5, 21, 100}) {
            // log-linear fit of the decay over 3 lifetimes: slope -1/tau(p)
            int n = 200;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int j = 0; j < n; j++) {
                double t = 3 * tau * j / (n - 1);
                double y = Math.log(m.decay(p, t));
                sx += t;
                sy += y;
                sxx += t * t;
                sxy += t * y;
            }
            double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            double expected = tau / (1 + m.kSv() * p);
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "lifetime from the decay at %.0f %% O2 vs tau0/(1 + K p) (s)", p), expected,
                    -1 / slope, 1e-9 * expected, source));
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "I0/I = tau0/tau at %.0f %% O2", p), 1 / m.relativeIntensity(p),
                    tau / m.lifetime(p), 1e-12, source));
        }
        return rows;
    }

    /**
     * Two-site (Demas) quenching: the Stern-Volmer plot's initial slope sum f K and curvature -2 sum f (K - K_app)^2 against
     * the model's I0/I differentiated numerically; I0/I at a high level against 1 / sum f/(1 + K p) written out; the
     * detection limit's intensity drop equal to k sigma.
     */
    static List<ValidationRow> twoSite(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        List<SternVolmer.Site> sites = new ArrayList<>();
        for (YamlNode s : c.require("sites").list()) {
            sites.add(new SternVolmer.Site(s.require("fraction").number(), s.require("k-sv").number()));
        }
        SternVolmer m = new SternVolmer(sites, 1.0);
        double f1 = sites.get(0).fraction();
        double k1 = sites.get(0).kSv();
        double f2 = sites.get(1).fraction();
        double k2 = sites.get(1).kSv();
        // closed forms for two sites, written out
        double slope = f1 * k1 + f2 * k2;
        double curvature = -2 * f1 * f2 * (k1 - k2) * (k1 - k2);
        // numerical derivatives of I0/I at 0 (one-sided, fourth order)
        double h = 1e-3 / Math.max(k1, k2);
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 1 / m.relativeIntensity(i * h);
        }
        double d1 = (-25 * y[0] + 48 * y[1] - 36 * y[2] + 16 * y[3] - 3 * y[4]) / (12 * h);
        double d2 = (35 * y[0] - 104 * y[1] + 114 * y[2] - 56 * y[3] + 11 * y[4]) / (12 * h * h);
        rows.add(new ValidationRow(id, "initial slope of I0/I (per % O2): f1 K1 + f2 K2", slope, d1, 1e-7 * slope, source));
        rows.add(new ValidationRow(id, "initial curvature of I0/I (per (% O2)^2): -2 f1 f2 (K1 - K2)^2", curvature, d2, 1e-4 * Math.abs(curvature),
                source));
        rows.add(new ValidationRow(id, "model's curvature formula against the two-site closed form", curvature, m.initialCurvature(),
                1e-12 * Math.abs(curvature), source));
        for (double p : new double[] {21, 100}) {
            double closed = 1 / (f1 / (1 + k1 * p) + f2 / (1 + k2 * p));
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "I0/I at %.0f %% O2 (downward from the initial line %.4g)", p, 1 + slope * p),
                    closed, 1 / m.relativeIntensity(p), 1e-12 * closed, source));
        }
        double sigma = c.require("noise").number();
        double k = c.require("sigmas").number();
        double lod = m.detectionLimit(sigma, k);
        rows.add(new ValidationRow(id, "intensity drop at the detection limit / (k sigma)", 1, (1 - m.relativeIntensity(lod)) / (k * sigma), 1e-10,
                source));
        return rows;
    }

    /**
     * O2 uptake of a film (one face exposed) and a cylinder, D t / size^2 where half and 90 % of the final uptake is
     * reached, against Crank's series (values in the case file).
     */
    static List<ValidationRow> diffusion(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        double tol = c.require("tolerance").number();
        for (YamlNode g : c.require("geometries").list()) {
            OxygenDiffusion.Geometry geometry = OxygenDiffusion.Geometry.valueOf(g.require("geometry").text().toUpperCase(Locale.ROOT));
            OxygenDiffusion diff = new OxygenDiffusion(geometry, 1, 1, 200);
            // a linear reading (I/I0 = 1 - p / 100 as p -> 0) follows the uptake itself
            SternVolmer weak = SternVolmer.oneSite(1e-9, 1);
            for (YamlNode pt : g.require("uptake").list()) {
                double t = pt.require("time").number();
                rows.add(new ValidationRow(id, String.format(Locale.ROOT, "%s: uptake at D t / size^2 = %.3g", geometry.name().toLowerCase(Locale.ROOT), t),
                        pt.require("fraction").number(), diff.uptake(t), tol, source));
            }
            for (YamlNode pt : g.require("times").list()) {
                double f = pt.require("fraction").number();
                rows.add(new ValidationRow(id, String.format(Locale.ROOT, "%s: D t / size^2 to %.0f %% of the change (weak quenching)",
                        geometry.name().toLowerCase(Locale.ROOT), 100 * f), pt.require("time").number(), diff.timeTo(weak, 0, 21, f),
                        tol * pt.require("time").number() * 10, source));
            }
        }
        return rows;
    }
}
