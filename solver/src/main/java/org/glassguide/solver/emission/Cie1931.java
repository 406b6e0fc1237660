package org.glassguide.solver.emission;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * CIE 1931 2-degree colour matching functions: the CIE's tabulated values (CIE 15:2004, 380-780 nm every 5 nm, kept
 * as data in cie1931-2deg-5nm.csv), linearly interpolated, zero outside the table.
 */
public final class Cie1931 {
    private static final double START_NM = 380;
    private static final double STEP_NM = 5;
    private static final double[][] TABLE = load();

    private Cie1931() {
    }

    private static double[][] load() {
        try (InputStream in = Cie1931.class.getResourceAsStream("cie1931-2deg-5nm.csv")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> {
                        String[] f = l.split(",");
                        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
                    }).toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** x-bar, y-bar, z-bar at a wavelength in metres. */
    public static void xyzBar(double wavelength, double[] out) {
        double u = (wavelength * 1e9 - START_NM) / STEP_NM;
        if (!(u >= 0) || u > TABLE.length - 1) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            return;
        }
        int i = Math.min((int) u, TABLE.length - 2);
        double f = u - i;
        for (int k = 0; k < 3; k++) {
            out[k] = TABLE[i][k] + f * (TABLE[i + 1][k] - TABLE[i][k]);
        }
    }

    /** Chromaticity (x, y) of a spectrum given as power per bin at the bin centres (m). */
    public static double[] chromaticity(double[] wavelengths, double[] power) {
        double[] b = new double[3];
        double x = 0;
        double y = 0;
        double z = 0;
        for (int i = 0; i < wavelengths.length; i++) {
            xyzBar(wavelengths[i], b);
            x += power[i] * b[0];
            y += power[i] * b[1];
            z += power[i] * b[2];
        }
        double s = x + y + z;
        return s > 0 ? new double[] {x / s, y / s} : new double[] {Double.NaN, Double.NaN};
    }
}
