package org.glassguide.solver.radial;

import java.util.Arrays;

/**
 * An axisymmetric index profile n(r) + i k(r) at one wavelength: concentric layers, each either
 * uniform or graded by a power law n^2(r) = n_out^2 + (n_in^2 - n_out^2)(1 - ((r - r0)/(r1 - r0))^g)
 * from its inner radius r0 to its outer radius r1. The outermost layer extends to infinity and sets
 * the guidance threshold: a guided mode has n_eff above its index.
 */
public final class RadialIndexProfile {
    private final double[] outer; // outer radius of each layer but the last (m)
    private final double[] nIn; // index at the inner edge of each layer
    private final double[] nOut; // index at the outer edge (== nIn for a uniform layer)
    private final double[] exponent; // power-law exponent, or +inf for a uniform layer
    private final double[] k; // extinction per layer (uniform in the layer)

    /**
     * @param outerRadii outer radius of each layer except the last, increasing (m)
     * @param nInner index at the inner edge of each layer (length = outerRadii.length + 1)
     * @param nOuter index at the outer edge of each layer
     * @param exponents power-law exponent per layer; Double.POSITIVE_INFINITY for a uniform layer
     * @param extinction k per layer (&ge; 0)
     */
    public RadialIndexProfile(double[] outerRadii, double[] nInner, double[] nOuter, double[] exponents, double[] extinction) {
        int layers = outerRadii.length + 1;
        if (nInner.length != layers || nOuter.length != layers || exponents.length != layers || extinction.length != layers) {
            throw new IllegalArgumentException("profile arrays must describe " + layers + " layers");
        }
        for (int i = 0; i < outerRadii.length; i++) {
            if (!(outerRadii[i] > (i == 0 ? 0 : outerRadii[i - 1]))) {
                throw new IllegalArgumentException("layer radii must be positive and increase outwards");
            }
        }
        for (int i = 0; i < layers; i++) {
            if (!(nInner[i] > 0) || !(nOuter[i] > 0) || !(exponents[i] > 0) || !(extinction[i] >= 0)) {
                throw new IllegalArgumentException("layer " + i + " needs positive indices and exponent, k >= 0");
            }
        }
        if (Double.isFinite(exponents[layers - 1]) || nInner[layers - 1] != nOuter[layers - 1]) {
            throw new IllegalArgumentException("the outermost (infinite) layer must be uniform");
        }
        this.outer = outerRadii.clone();
        this.nIn = nInner.clone();
        this.nOut = nOuter.clone();
        this.exponent = exponents.clone();
        this.k = extinction.clone();
    }

    /** Whether no layer has gain (every extinction coefficient at or above zero). */
    public boolean isPassive() {
        for (double v : k) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    /** A step-index fiber: a uniform core in an infinite uniform cladding. */
    public static RadialIndexProfile stepIndex(double coreRadius, double nCore, double nClad) {
        return new RadialIndexProfile(new double[] {coreRadius}, new double[] {nCore, nClad}, new double[] {nCore, nClad},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, new double[2]);
    }

    /** A power-law graded core (g = 2: parabolic) from n1 on the axis to n2 at r = a, in a cladding n2. */
    public static RadialIndexProfile powerLaw(double coreRadius, double n1, double n2, double g) {
        return new RadialIndexProfile(new double[] {coreRadius}, new double[] {n1, n2}, new double[] {n2, n2},
                new double[] {g, Double.POSITIVE_INFINITY}, new double[2]);
    }

    public int layerCount() {
        return outer.length + 1;
    }

    /** Outer radii of all layers but the last. */
    public double[] interfaces() {
        return outer.clone();
    }

    public int layerOf(double r) {
        int i = Arrays.binarySearch(outer, r);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** n^2 at radius r. */
    public double nSquared(double r) {
        int l = layerOf(r);
        double a = nIn[l];
        if (Double.isInfinite(exponent[l])) {
            return a * a;
        }
        double r0 = l == 0 ? 0 : outer[l - 1];
        double t = (r - r0) / (outer[l] - r0);
        double b = nOut[l];
        return b * b + (a * a - b * b) * (1 - Math.pow(Math.min(Math.max(t, 0), 1), exponent[l]));
    }

    public double n(double r) {
        return Math.sqrt(nSquared(r));
    }

    public double k(double r) {
        return k[layerOf(r)];
    }

    /** Index of the infinite outermost layer: guided modes lie above it. */
    public double claddingIndex() {
        return nIn[nIn.length - 1];
    }

    /** Largest index anywhere: no mode lies above it. */
    public double maxIndex() {
        double m = 0;
        for (int i = 0; i < nIn.length; i++) {
            m = Math.max(m, Math.max(nIn[i], nOut[i]));
        }
        return m;
    }

    /**
     * True when the outermost (infinite) layer has a higher index than the edge of the layer inside it
     * (a finite cladding in a high-index coating or surrounding): light tunnels out and the core modes
     * are leaky.
     */
    public boolean isLeaky() {
        int last = nIn.length - 1;
        return last >= 1 && nIn[last] > nOut[last - 1];
    }

    /** The same profile with the outermost layer's index lowered to the edge of the layer inside it. */
    public RadialIndexProfile withoutOuterLayer() {
        int last = nIn.length - 1;
        double[] ni = nIn.clone();
        double[] no = nOut.clone();
        double[] kk = k.clone();
        ni[last] = nOut[last - 1];
        no[last] = nOut[last - 1];
        kk[last] = k[last - 1];
        return new RadialIndexProfile(outer, ni, no, exponent, kk);
    }

    /** Index at the outer edge of the layer just inside the outermost one (the cladding). */
    public double innerCladdingIndex() {
        return nOut[nIn.length - 2];
    }

    public boolean isLossy() {
        for (double x : k) {
            if (x > 0) {
                return true;
            }
        }
        return false;
    }
}
