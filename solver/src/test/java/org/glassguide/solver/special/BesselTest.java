package org.glassguide.solver.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Bessel functions against bessel-reference.csv: 40-digit mpmath values (see make_bessel_reference.py
 * beside it). Tolerance: 1e-12 relative; for the oscillating J and Y near a zero (|f| below 1e-3 of the
 * modulus sqrt(J^2+Y^2)) the error is measured against the modulus instead.
 */
class BesselTest {
    record Row(String f, int n, double x, double v) {
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BesselTest.class.getResourceAsStream("bessel-reference.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] p = line.split(",");
                out.add(new Row(p[0], Integer.parseInt(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])));
            }
        }
        return out;
    }

    static double compute(Row r) {
        switch (r.f()) {
            case "J":
                return Bessel.j(r.n(), r.x());
            case "Jp":
                return Bessel.jPrime(r.n(), r.x());
            case "Y":
                return Bessel.y(r.n(), r.x());
            case "Yp":
                return Bessel.yPrime(r.n(), r.x());
            case "Ie":
                return Bessel.iScaled(r.n(), r.x());
            case "Ke":
                return Bessel.kScaled(r.n(), r.x());
            case "Kp":
                return -0.5 * (r.n() == 0 ? 2 * Bessel.kScaled(1, r.x())
                        : Bessel.kScaled(r.n() - 1, r.x()) + Bessel.kScaled(r.n() + 1, r.x()));
            default:
                throw new IllegalArgumentException(r.f());
        }
    }

    @Test
    void everyReferenceValueWithinTolerance() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() > 900, "reference table loaded");
        double worst = 0;
        String worstRow = "";
        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            double c = compute(r);
            double scale = Math.abs(r.v());
            if (r.f().startsWith("J") || r.f().startsWith("Y")) {
                double jv = Bessel.j(r.n(), r.x());
                double yv = Bessel.y(r.n(), r.x());
                double modulus = Math.hypot(jv, yv);
                if (r.f().endsWith("p")) {
                    modulus = Math.hypot(Bessel.jPrime(r.n(), r.x()), Bessel.yPrime(r.n(), r.x()));
                }
                if (Double.isFinite(modulus) && scale < 1e-3 * modulus) {
                    scale = modulus;
                }
            }
            double err = Math.abs(c - r.v()) / scale;
            if (!(err <= 1e-12)) {
                failures.add(r + " computed " + c + " rel.err " + err);
            }
            if (err > worst) {
                worst = err;
                worstRow = r.toString();
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " values out of tolerance (worst " + worst + " at " + worstRow + "), e.g.\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    @Test
    void wronskiansHoldAtLargeOrderAndArgument() {
        // J_n Y_n' - J_n' Y_n = 2/(pi x) and I_n K_n' - I_n' K_n = -1/x: conservation-type identities
        for (int n : new int[] {0, 1, 7, 60, 300}) {
            for (double x : new double[] {0.7, 3.3, 26.0, 150.0, 700.0}) {
                if (n > x + 10) {
                    continue; // Y overflows and J underflows together; nothing to check there
                }
                double w = Bessel.j(n, x) * Bessel.yPrime(n, x) - Bessel.jPrime(n, x) * Bessel.y(n, x);
                assertEquals(2 / (Math.PI * x), w, 1e-12 * 2 / (Math.PI * x), "J/Y Wronskian n=" + n + " x=" + x);
                double ie = Bessel.iScaled(n, x);
                double ke = Bessel.kScaled(n, x);
                double iep = n == 0 ? Bessel.iScaled(1, x) : 0.5 * (Bessel.iScaled(n - 1, x) + Bessel.iScaled(n + 1, x));
                double kep = n == 0 ? -Bessel.kScaled(1, x) : -0.5 * (Bessel.kScaled(n - 1, x) + Bessel.kScaled(n + 1, x));
                assertEquals(-1 / x, ie * kep - iep * ke, 1e-12 / x, "I/K Wronskian n=" + n + " x=" + x);
            }
        }
    }

    @Test
    void kRatioMatchesDirectRatioAndSurvivesOverflow() {
        for (int n : new int[] {1, 2, 10, 100}) {
            for (double x : new double[] {0.3, 2.0, 17.0, 300.0}) {
                double direct = Bessel.kScaled(n - 1, x) / Bessel.kScaled(n, x);
                assertEquals(direct, Bessel.kRatio(n, x), 1e-13 * direct);
            }
        }
        // K_2000(1) overflows a double; its ratio to K_1999 does not: ~ x/(2n) for n >> x
        double r = Bessel.kRatio(2000, 1.0);
        assertEquals(1.0 / (2 * 1999), r, 1e-3 / (2 * 1999));
    }
}
