package org.glassguide.solver.compute;

/**
 * The transverse operator of one uniform z-section of an ADI propagator on an nx x ny grid:
 * P = P_x + P_y with P_x psi = lowX_i psi_{i-1} + upX_i psi_{i+1} - (lowX_i + upX_i) psi_i + V/2 psi
 * (and likewise along y), V = k0^2 (n^2 - n_ref^2) per cell. The off-diagonal coefficients carry the
 * 1/dx^2 and the PML stretch (complex) and are per line position only; outside the grid the field is
 * zero. A 2D (x-z) problem has ny = 1 and zero y coefficients: then V belongs to P_x alone and each
 * factor is solved exactly. Arrays are interleaved re/im.
 *
 * @param lowX length 2 nx
 * @param upX length 2 nx
 * @param lowY length 2 ny
 * @param upY length 2 ny
 * @param potential V, length 2 nx ny, index i + nx j
 */
public record AdiOperator(int nx, int ny, double[] lowX, double[] upX, double[] lowY, double[] upY, double[] potential) {
    public AdiOperator {
        if (nx < 1 || ny < 1 || lowX.length != 2 * nx || upX.length != 2 * nx || lowY.length != 2 * ny || upY.length != 2 * ny
                || potential.length != 2 * nx * ny) {
            throw new IllegalArgumentException("ADI operator arrays do not match the " + nx + " x " + ny + " grid");
        }
    }
}
