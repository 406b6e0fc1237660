package org.glassguide.solver.sensor;

/**
 * Dynamic (collisional) quenching: I0 / I = tau0 / tau = 1 + K_SV p, p the O2 partial pressure (% of 1 atm). A reading
 * with relative noise sigma detects a change when 1 - I/I0 exceeds k sigma, so the detection limit is
 * p_LOD = (1 / (1 - k sigma) - 1) / K_SV, and conversely K_SV follows from a measured p_LOD.
 */
public record SternVolmer(double kSv, double lifetime) {
    public SternVolmer {
        if (!(kSv > 0) || !(lifetime > 0)) {
            throw new IllegalArgumentException("K_SV and the lifetime must be positive");
        }
    }

    /** The K_SV that makes p_LOD the detection limit for k sigma. */
    public static double kForDetectionLimit(double pLod, double sigma, double k) {
        return (1 / (1 - k * sigma) - 1) / pLod;
    }

    public double detectionLimit(double sigma, double k) {
        return (1 / (1 - k * sigma) - 1) / kSv;
    }

    /** I / I0 at p. */
    public double relativeIntensity(double p) {
        return 1 / (1 + kSv * p);
    }

    public double lifetime(double p) {
        return lifetime / (1 + kSv * p);
    }

    /** Phosphorescence after the excitation stops, relative to the unquenched steady level: I/I0(p) e^{-t/tau(p)}. */
    public double decay(double p, double t) {
        return relativeIntensity(p) * Math.exp(-t / lifetime(p));
    }

    /** Smallest resolvable O2 change at level p: dp = k sigma (1 + K p) / K (from d(I/I0)/dp over the reading's noise). */
    public double resolution(double p, double sigma, double k) {
        return k * sigma * (1 + kSv * p) / kSv;
    }
}
