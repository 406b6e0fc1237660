package org.glassguide.solver.fiber;

/**
 * One guided mode of a step-index fiber: family, azimutal order l (or nu) and radial order m, the
 * normalised transverse wavenumbers u = a sqrt(k0^2 n1^2 - beta^2), w = a sqrt(beta^2 - k0^2 n2^2),
 * n_eff = beta/k0 and the normalised propagation constant b = w^2/V^2.
 */
public record GuidedMode(ModeFamily family, int order, int radialOrder, double u, double w, double nEff, double b) {
    public GuidedMode {
        if (order < 0 || radialOrder < 1) {
            throw new IllegalArgumentException("mode orders must be l >= 0, m >= 1");
        }
        if (!Double.isFinite(nEff) || !(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("mode needs finite n_eff and 0 <= b <= 1, got " + nEff + ", " + b);
        }
    }

    /** "LP01", "HE11", "TE02", "EH12"; orders above 9 are separated ("LP12,3"). */
    public String name() {
        String sep = order > 9 || radialOrder > 9 ? "," : "";
        return family.name() + order + sep + radialOrder;
    }

    public int degeneracy() {
        return family.degeneracy(order);
    }
}
