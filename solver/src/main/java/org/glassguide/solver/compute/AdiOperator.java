package org.glassguide.solver.compute;

/**
 * The transverse operator of one uniform z-section of an ADI propagator on an nx x ny grid:
 * P = P_x + P_y with P_x psi = lowX_i psi_{i-1} + upX_i psi_{i+1} - (lowX_i + upX_i) psi_i + V psi
 * and P_y psi = lowY_j psi_{j-1} + upY_j psi_{j+1} - (lowY_j + upY_j) psi_j, V = k0^2 (n^2 - n_ref^2)
 * per cell. V belongs to P_x alone: P_y is then the same on every line (one factorisation serves all
 * lines, which halves a step's memory traffic), and a 2D (x-z) problem, with ny = 1 and zero y
 * coefficients, is solved exactly per factor. The off-diagonal coefficients carry the 1/dx^2 and the
 * PML stretch (complex) and are per line position only; outside the grid the field is zero. Arrays
 * are interleaved re/im.
 *
 * @param lowX length 2 nx
 * @param upX length 2 nx
 * @param lowY length 2 ny
 * @param upY length 2 ny
 * @param potential V, length 2 nx ny, index i + nx j
 * @param ratioLowX for a semi-vectorial P_x, per cell (index i + nx j) the real factor on lowX (the
 *        interface condition across x-faces); the diagonal is then -(lowX rl + upX ru) + V; null for scalar
 * @param ratioUpX the factor on upX, likewise
 */
public record AdiOperator(int nx, int ny, double[] lowX, double[] upX, double[] lowY, double[] upY, double[] potential,
        double[] ratioLowX, double[] ratioUpX) {
    public AdiOperator {
        if (nx < 1 || ny < 1 || lowX.length != 2 * nx || upX.length != 2 * nx || lowY.length != 2 * ny || upY.length != 2 * ny
                || potential.length != 2 * nx * ny) {
            throw new IllegalArgumentException("ADI operator arrays do not match the " + nx + " x " + ny + " grid");
        }
        if ((ratioLowX == null) != (ratioUpX == null) || (ratioLowX != null && (ratioLowX.length != nx * ny || ratioUpX.length != nx * ny))) {
            throw new IllegalArgumentException("interface ratios: both or neither, one per cell of the " + nx + " x " + ny + " grid");
        }
    }

    /** A scalar operator (no interface ratios). */
    public AdiOperator(int nx, int ny, double[] lowX, double[] upX, double[] lowY, double[] upY, double[] potential) {
        this(nx, ny, lowX, upX, lowY, upY, potential, null, null);
    }

    /**
     * Bounds {tMin, tMax} on -lambda over the eigenvalues lambda of P_x and of P_y (Gershgorin discs, real parts): the
     * 1D operators' spectra lie in -[tMin, tMax], from the most strongly guided light (tMin = -max V, or 0) to the
     * grid's checkerboard (about 4/dx^2 - min V). The unsplit solve's preconditioner is tuned to this range.
     */
    public double[] transverseSpectrum() {
        double vMax = 0;
        double tMax = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = i + nx * j;
                double rl = ratioLowX == null ? 1 : ratioLowX[c];
                double ru = ratioUpX == null ? 1 : ratioUpX[c];
                double v = potential[2 * c];
                vMax = Math.max(vMax, v);
                tMax = Math.max(tMax, 2 * (Math.hypot(lowX[2 * i], lowX[2 * i + 1]) * Math.abs(rl) + Math.hypot(upX[2 * i], upX[2 * i + 1]) * Math.abs(ru)) - v);
            }
        }
        for (int j = 0; j < ny; j++) {
            tMax = Math.max(tMax, 2 * (Math.hypot(lowY[2 * j], lowY[2 * j + 1]) + Math.hypot(upY[2 * j], upY[2 * j + 1])));
        }
        return new double[] {-vMax, tMax};
    }

    /** Whether P_y is zero (a 2D x-z problem): the split product is then exact. */
    public boolean oneDimensional() {
        for (double a : lowY) {
            if (a != 0) {
                return false;
            }
        }
        for (double a : upY) {
            if (a != 0) {
                return false;
            }
        }
        return true;
    }
}
