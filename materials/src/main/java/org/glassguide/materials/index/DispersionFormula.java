package org.glassguide.materials.index;

import java.util.Arrays;

import org.glassguide.materials.RefractiveIndexModel;
import org.glassguide.materials.WavelengthRange;

/**
 * The nine dispersion formulas of the refractiveindex.info database, with coefficients exactly as
 * that database stores them (wavelength in micrometres inside the formula). Formula 1 is the
 * Sellmeier form n^2 - 1 = C1 + sum Ci lambda^2 / (lambda^2 - C(i+1)^2).
 */
public final class DispersionFormula implements RefractiveIndexModel {
    private final int type;
    private final double[] c;
    private final WavelengthRange range;

    public DispersionFormula(int type, double[] coefficients, WavelengthRange range) {
        if (type < 1 || type > 9) {
            throw new IllegalArgumentException("formula type must be 1..9, got " + type);
        }
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("formula " + type + " needs coefficients");
        }
        for (double x : coefficients) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("formula " + type + " coefficients must be finite numbers, found " + x);
            }
        }
        // C0 followed by (coefficient, exponent or pole) pairs: an even count leaves half a term
        if ((type <= 3 || type == 5 || type == 6) && (coefficients.length % 2 == 0 || coefficients.length > 17)) {
            throw new IllegalArgumentException("formula " + type + " takes C0 and pairs of coefficients (an odd count up to 17), got "
                    + coefficients.length);
        }
        if (type == 7 && coefficients.length > 6 || type == 8 && coefficients.length > 4
                || type == 9 && coefficients.length > 6) {
            throw new IllegalArgumentException("formula " + type + " takes at most "
                    + (type == 8 ? 4 : 6) + " coefficients, got " + coefficients.length);
        }
        this.type = type;
        // pad to 17 so fixed-position formulas read zeros for absent terms
        this.c = Arrays.copyOf(coefficients, Math.max(coefficients.length, 17));
        this.range = range;
    }

    public int type() {
        return type;
    }

    public double[] coefficients() {
        return c.clone();
    }

    @Override
    public double n(double wavelength) {
        double l = wavelength * 1e6;
        double l2 = l * l;
        switch (type) {
            case 1: {
                double s = 1 + c[0];
                for (int i = 1; i + 1 < c.length; i += 2) {
                    s += c[i] * l2 / (l2 - c[i + 1] * c[i + 1]);
                }
                return Math.sqrt(s);
            }
            case 2: {
                double s = 1 + c[0];
                for (int i = 1; i + 1 < c.length; i += 2) {
                    s += c[i] * l2 / (l2 - c[i + 1]);
                }
                return Math.sqrt(s);
            }
            case 3: {
                double s = c[0];
                for (int i = 1; i + 1 < c.length; i += 2) {
                    s += c[i] * Math.pow(l, c[i + 1]);
                }
                return Math.sqrt(s);
            }
            case 4: {
                double s = c[0];
                s += c[1] * Math.pow(l, c[2]) / (l2 - Math.pow(c[3], c[4]));
                s += c[5] * Math.pow(l, c[6]) / (l2 - Math.pow(c[7], c[8]));
                for (int i = 9; i + 1 < c.length; i += 2) {
                    s += c[i] * Math.pow(l, c[i + 1]);
                }
                return Math.sqrt(s);
            }
            case 5: {
                double s = c[0];
                for (int i = 1; i + 1 < c.length; i += 2) {
                    s += c[i] * Math.pow(l, c[i + 1]);
                }
                return s;
            }
            case 6: {
                double s = 1 + c[0];
                for (int i = 1; i + 1 < c.length; i += 2) {
                    if (c[i] != 0) {
                        s += c[i] / (c[i + 1] - 1 / l2);
                    }
                }
                return s;
            }
            case 7: {
                double d = 1 / (l2 - 0.028);
                return c[0] + c[1] * d + c[2] * d * d + c[3] * l2 + c[4] * l2 * l2 + c[5] * l2 * l2 * l2;
            }
            case 8: {
                double r = c[0] + c[1] * l2 / (l2 - c[2]) + c[3] * l2;
                return Math.sqrt((1 + 2 * r) / (1 - r));
            }
            default: {
                double x = l - c[4];
                return Math.sqrt(c[0] + c[1] / (l2 - c[2]) + c[3] * x / (x * x + c[5]));
            }
        }
    }

    @Override
    public WavelengthRange validRange() {
        return range;
    }

    @Override
    public String describe() {
        String[] names = {"Sellmeier", "Sellmeier-2", "polynomial", "RefractiveIndex.INFO", "Cauchy", "gases",
            "Herzberger", "retro", "exotic"};
        return "refractiveindex.info formula " + type + " (" + names[type - 1] + ")";
    }
}
