package org.glassguide.solver.sensor;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How fast the luminescence follows a step in the O2 level outside: Fick diffusion of O2 into the sensing glass, which
 * the light reads as the volume mean of the local quenching. The glass is a film exposed on one face (the other sealed),
 * or a cylinder exposed all round (a bare core). The diffusion equation is discretised by finite volumes (second order
 * in the cell size) and solved exactly in time through the eigenvectors of the symmetrised operator, so any time is
 * one matrix-vector product and no time step limits the accuracy.
 */
public final class OxygenDiffusion {
    /** Where the O2 enters. */
    public enum Geometry {
        /** a film of the given thickness, one face exposed, the other sealed */
        FILM,
        /** a cylinder of the given radius, exposed on its surface */
        CYLINDER
    }

    private final Geometry geometry;
    private final double size;
    private final double coefficient;
    private final double[] volume;
    private final double[] rate;
    private final double[][] shape;

    /**
     * @param geometry film or cylinder
     * @param size the film's thickness or the cylinder's radius (m)
     * @param coefficient the O2 diffusion coefficient (m^2/s)
     * @param cells finite volumes across the size (200 gives the mean to ~1e-5)
     */
    public OxygenDiffusion(Geometry geometry, double size, double coefficient, int cells) {
        if (!(size > 0) || !(coefficient > 0) || cells < 4) {
            throw new IllegalArgumentException("size and diffusion coefficient must be positive, with at least 4 cells");
        }
        this.geometry = geometry;
        this.size = size;
        this.coefficient = coefficient;
        int n = cells;
        double h = size / n;
        volume = new double[n];
        double[] faceConductance = new double[n];
        for (int i = 0; i < n; i++) {
            // cell i spans [i h, (i + 1) h]; the exposed face is at `size`, the sealed face or the axis at 0
            volume[i] = geometry == Geometry.FILM ? h : Math.PI * (2 * i + 1) * h * h;
            double area = geometry == Geometry.FILM ? 1 : 2 * Math.PI * (i + 1) * h;
            faceConductance[i] = area / (i == n - 1 ? h / 2 : h);
        }
        // symmetrised operator V^-1/2 K V^-1/2 (K the conductance matrix, concentration held at 0 at the exposed face)
        double[] main = new double[n];
        double[] off = new double[n - 1];
        for (int i = 0; i < n; i++) {
            double k = faceConductance[i] + (i > 0 ? faceConductance[i - 1] : 0);
            main[i] = k / volume[i];
            if (i < n - 1) {
                off[i] = -faceConductance[i] / Math.sqrt(volume[i] * volume[i + 1]);
            }
        }
        EigenDecomposition e = new EigenDecomposition(main, off);
        RealMatrix q = e.getV();
        double[] lambda = e.getRealEigenvalues();
        rate = new double[n];
        shape = new double[n][n];
        for (int j = 0; j < n; j++) {
            rate[j] = coefficient * lambda[j];
            // the initial deviation 1 everywhere, projected on eigenvector j, spread back to the cells
            double b = 0;
            for (int i = 0; i < n; i++) {
                b += q.getEntry(i, j) * Math.sqrt(volume[i]);
            }
            for (int i = 0; i < n; i++) {
                shape[j][i] = q.getEntry(i, j) * b / Math.sqrt(volume[i]);
            }
        }
    }

    public Geometry geometry() {
        return geometry;
    }

    public double size() {
        return size;
    }

    public double coefficient() {
        return coefficient;
    }

    /** The diffusion time size^2 / D (s). */
    public double diffusionTime() {
        return size * size / coefficient;
    }

    /** The part of the initial O2 deviation left in each cell at time t (1 at t = 0, 0 at the exposed face's level). */
    public double[] remaining(double t, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < rate.length; j++) {
            double a = Math.exp(-rate[j] * t);
            if (a < 1e-300) {
                continue;
            }
            double[] s = shape[j];
            for (int i = 0; i < out.length; i++) {
                out[i] += a * s[i];
            }
        }
        return out;
    }

    /** The volume mean of g(c) over the glass at time t, c the remaining deviation. */
    public double mean(double t, DoubleUnaryOperator g) {
        double[] c = remaining(t, new double[volume.length]);
        double num = 0;
        double den = 0;
        for (int i = 0; i < c.length; i++) {
            num += volume[i] * g.applyAsDouble(c[i]);
            den += volume[i];
        }
        return num / den;
    }

    /** The fraction of the final O2 uptake reached at t (the mass uptake M_t / M_inf). */
    public double uptake(double t) {
        return 1 - mean(t, c -> c);
    }

    /** I/I0 at time t after the outside O2 steps from p0 to p1 (% O2), the light the volume mean of the local quenching. */
    public double intensity(SternVolmer model, double p0, double p1, double t) {
        return mean(t, c -> model.relativeIntensity(p1 + (p0 - p1) * c));
    }

    /** The time the intensity takes to cover the given fraction (e.g. 0.9) of its change after a step p0 -> p1. */
    public double timeTo(SternVolmer model, double p0, double p1, double fraction) {
        double i0 = model.relativeIntensity(p0);
        double i1 = model.relativeIntensity(p1);
        DoubleUnaryOperator progress = t -> (intensity(model, p0, p1, t) - i0) / (i1 - i0) - fraction;
        // bracket in log time: the mean follows sqrt(t) early and exp(-t / tau_1) late
        double lo = 1e-8 * diffusionTime();
        double hi = 1e-3 * diffusionTime();
        while (progress.applyAsDouble(hi) < 0) {
            lo = hi;
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-10 * hi; it++) {
            double mid = Math.sqrt(lo * hi);
            if (progress.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }
}
