package org.glassguide.ui.fx.viewmodel;

import java.util.function.DoubleBinaryOperator;

/** Mode pictures: an intensity sampled over a centred square, row 0 at the top, normalised to a peak of 1. */
final class Pictures {
    private Pictures() {
    }

    /** f(x, y) over [-half, half]² on px x px points. */
    static double[][] square(int px, double half, DoubleBinaryOperator f) {
        double[][] img = new double[px][px];
        double max = 0;
        for (int r = 0; r < px; r++) {
            double y = half - 2 * half * r / (px - 1);
            for (int c = 0; c < px; c++) {
                double x = -half + 2 * half * c / (px - 1);
                img[r][c] = f.applyAsDouble(x, y);
                max = Math.max(max, img[r][c]);
            }
        }
        for (double[] row : img) {
            for (int c = 0; c < px; c++) {
                row[c] = max > 0 ? row[c] / max : 0;
            }
        }
        return img;
    }
}
