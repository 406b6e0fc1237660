package org.glassguide.solver.sensor;

import java.util.List;

import org.glassguide.solver.special.RootFinder;

/**
 * Dynamic (collisional) quenching of a luminophore spread over one or more independent sites (Demas's multi-site model):
 * I / I0 = sum_i f_i / (1 + K_i p), p the O2 partial pressure (% of 1 atm), f_i the share of the unquenched light from site
 * i (summing to 1), K_i its Stern-Volmer constant (per % O2). One site is the classic I0 / I = 1 + K p; two sites give the
 * downward-curving plot that solid matrices show (a site the O2 reaches poorly leaves light unquenched at any p). Every
 * site has the same unquenched lifetime tau0, so site i decays with tau0 / (1 + K_i p).
 *
 * <p>A reading with relative noise sigma detects a change when 1 - I/I0 exceeds k sigma: the detection limit solves
 * I(p)/I0 = 1 - k sigma (one site: p_LOD = (1 / (1 - k sigma) - 1) / K).
 */
public record SternVolmer(List<Site> sites, double lifetime) {
    /** One site: its share of the unquenched light and its Stern-Volmer constant (per % O2; 0 for a site O2 never reaches). */
    public record Site(double fraction, double kSv) {
        public Site {
            if (!(fraction > 0 && fraction <= 1) || !(kSv >= 0) || Double.isInfinite(kSv)) {
                throw new IllegalArgumentException("a site needs a fraction in (0, 1] and a finite K_SV >= 0");
            }
        }
    }

    public SternVolmer {
        sites = List.copyOf(sites);
        double sum = 0;
        for (Site s : sites) {
            sum += s.fraction();
        }
        if (sites.isEmpty() || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("site fractions must sum to 1");
        }
        if (!(apparentK(sites) > 0) || !(lifetime > 0)) {
            throw new IllegalArgumentException("some site must be quenched, and the lifetime must be positive");
        }
    }

    /** The classic one-site model. */
    public static SternVolmer oneSite(double kSv, double lifetime) {
        return new SternVolmer(List.of(new Site(1, kSv)), lifetime);
    }

    /** The one-site K_SV that makes p_LOD the detection limit for k sigma. */
    public static double kForDetectionLimit(double pLod, double sigma, double k) {
        return (1 / (1 - k * sigma) - 1) / pLod;
    }

    private static double apparentK(List<Site> sites) {
        double k = 0;
        for (Site s : sites) {
            k += s.fraction() * s.kSv();
        }
        return k;
    }

    /** The one-site K_SV, or the apparent (initial-slope) one of several sites: d(I0/I)/dp at p = 0 = sum f_i K_i. */
    public double kSv() {
        return apparentK(sites);
    }

    /** d^2(I0/I)/dp^2 at p = 0: -2 sum f_i (K_i - K_app)^2 (zero for one site, negative — downward — for several). */
    public double initialCurvature() {
        double ka = kSv();
        double v = 0;
        for (Site s : sites) {
            v += s.fraction() * (s.kSv() - ka) * (s.kSv() - ka);
        }
        return -2 * v;
    }

    /** The light no O2 level can quench: I/I0 as p grows without bound (the sites with K = 0). */
    public double unquenchableFraction() {
        double f = 0;
        for (Site s : sites) {
            if (s.kSv() == 0) {
                f += s.fraction();
            }
        }
        return f;
    }

    /** I / I0 at p. */
    public double relativeIntensity(double p) {
        double f = 0;
        for (Site s : sites) {
            f += s.fraction() / (1 + s.kSv() * p);
        }
        return f;
    }

    /** d(I/I0)/dp at p. */
    public double slope(double p) {
        double d = 0;
        for (Site s : sites) {
            double q = 1 + s.kSv() * p;
            d -= s.fraction() * s.kSv() / (q * q);
        }
        return d;
    }

    /**
     * The lifetime a measurement of the afterglow gives at p: its mean, the integral of the decay over its start,
     * sum_i w_i tau_i with w_i each site's share of the steady light. One site: tau0 / (1 + K p).
     */
    public double lifetime(double p) {
        double num = 0;
        for (Site s : sites) {
            double q = 1 + s.kSv() * p;
            num += s.fraction() / (q * q);
        }
        return lifetime * num / relativeIntensity(p);
    }

    /** Phosphorescence after the excitation stops, relative to the unquenched steady level: sum_i f_i/(1+K_i p) e^{-t (1+K_i p)/tau0}. */
    public double decay(double p, double t) {
        double d = 0;
        for (Site s : sites) {
            double q = 1 + s.kSv() * p;
            d += s.fraction() / q * Math.exp(-t * q / lifetime);
        }
        return d;
    }

    /**
     * The O2 level whose quenching is k sigma of the reading, or +infinity when even pure O2 does not quench that much
     * (unquenchable light above 1 - k sigma at p = 100 %).
     */
    public double detectionLimit(double sigma, double k) {
        double target = 1 - k * sigma;
        if (sites.size() == 1) {
            return (1 / target - 1) / sites.get(0).kSv();
        }
        double hi = 100;
        if (relativeIntensity(hi) > target) {
            return Double.POSITIVE_INFINITY;
        }
        return RootFinder.brent(p -> relativeIntensity(p) - target, 0, hi, 1 - target, relativeIntensity(hi) - target, 1e-14 * hi);
    }

    /** Smallest resolvable O2 change at level p: dp = k sigma (I/I0) / |d(I/I0)/dp| (one site: k sigma (1 + K p) / K). */
    public double resolution(double p, double sigma, double k) {
        return k * sigma * relativeIntensity(p) / -slope(p);
    }

    /** The same sites with every K_SV multiplied by kScale and the lifetime by lifetimeScale (a temperature change). */
    public SternVolmer scaled(double kScale, double lifetimeScale) {
        return new SternVolmer(sites.stream().map(s -> new Site(s.fraction(), s.kSv() * kScale)).toList(), lifetime * lifetimeScale);
    }
}
