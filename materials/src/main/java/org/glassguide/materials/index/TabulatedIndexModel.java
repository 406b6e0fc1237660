package org.glassguide.materials.index;

import org.glassguide.materials.RefractiveIndexModel;
import org.glassguide.materials.WavelengthRange;

/**
 * Tabulated n and k versus wavelength, linearly interpolated (as refractiveindex.info does);
 * held at the end values outside the table, which {@link #validRange()} flags as extrapolation.
 */
public final class TabulatedIndexModel implements RefractiveIndexModel {
    private final double[] wl;
    private final double[] nv;
    private final double[] kv;

    /** @param k may be null for a lossless table */
    public TabulatedIndexModel(double[] wavelengths, double[] n, double[] k) {
        if (wavelengths.length < 1 || n.length != wavelengths.length || k != null && k.length != wavelengths.length) {
            throw new IllegalArgumentException("tabulated index needs equal-length, non-empty columns");
        }
        for (int i = 1; i < wavelengths.length; i++) {
            if (!(wavelengths[i] > wavelengths[i - 1])) {
                throw new IllegalArgumentException("tabulated wavelengths must increase strictly: "
                        + wavelengths[i] + " after " + wavelengths[i - 1]);
            }
        }
        this.wl = wavelengths.clone();
        this.nv = n.clone();
        this.kv = k == null ? new double[wavelengths.length] : k.clone();
    }

    /** Linear interpolation in a table of increasing x, held at the end values outside it. */
    public static double interpolate(double[] x, double[] y, double at) {
        int last = x.length - 1;
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[last]) {
            return y[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    @Override
    public double n(double wavelength) {
        return interpolate(wl, nv, wavelength);
    }

    @Override
    public double k(double wavelength) {
        return interpolate(wl, kv, wavelength);
    }

    @Override
    public WavelengthRange validRange() {
        return wl.length == 1 ? new WavelengthRange(wl[0] * (1 - 1e-9), wl[0] * (1 + 1e-9))
                : new WavelengthRange(wl[0], wl[wl.length - 1]);
    }

    @Override
    public String describe() {
        return "tabulated n,k (" + wl.length + " points)";
    }
}
