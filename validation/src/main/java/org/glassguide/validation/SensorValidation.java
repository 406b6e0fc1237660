package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.sensor.SternVolmer;

/** Stern-Volmer sensing: the calibrated K_SV gives back its detection limit; the decay's fitted lifetime matches tau0/(1+K p). */
final class SensorValidation {
    private SensorValidation() {
    }

    static List<ValidationRow> sternVolmer(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        double lod = c.require("detection-limit").number();
        double sigma = c.require("noise").number();
        double k = c.require("sigmas").number();
        double tau = c.require("lifetime").number();
        SternVolmer m = new SternVolmer(SternVolmer.kForDetectionLimit(lod, sigma, k), tau);
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
}
