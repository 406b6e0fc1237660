package org.glassguide.solver.fd;

/**
 * A complex sparse matrix whose unknowns sit on an nx x ny grid of sites, {@code dof} unknowns per site
 * (unknown index dof (i + nx j) + c), each coupled only to the unknowns of its own and the eight
 * neighbouring sites: the shape of every finite-difference operator here. Storage is a fixed slot per
 * (neighbour, component), so assembly and products need no index search and allocate nothing.
 */
final class GridMatrix {
    final int nx;
    final int ny;
    final int dof;
    final int size;
    /** Slots per row: 9 neighbour sites x dof components. */
    final int slots;
    final double[] re;
    final double[] im;

    GridMatrix(int nx, int ny, int dof) {
        this.nx = nx;
        this.ny = ny;
        this.dof = dof;
        this.size = nx * ny * dof;
        this.slots = 9 * dof;
        this.re = new double[size * slots];
        this.im = new double[size * slots];
    }

    private GridMatrix(GridMatrix o) {
        this.nx = o.nx;
        this.ny = o.ny;
        this.dof = o.dof;
        this.size = o.size;
        this.slots = o.slots;
        this.re = o.re.clone();
        this.im = o.im.clone();
    }

    GridMatrix copy() {
        return new GridMatrix(this);
    }

    /** Unknown index of component c at site (i, j). */
    int index(int i, int j, int c) {
        return dof * (i + nx * j) + c;
    }

    /** Slot of the entry coupling row unknown (i, j, *) to component c2 of site (i + di, j + dj). */
    static int slot(int di, int dj, int c2, int dof) {
        return ((dj + 1) * 3 + (di + 1)) * dof + c2;
    }

    /**
     * Adds (vr + i vi) to the entry in row (i, j, c) and column (i + di, j + dj, c2); couplings that
     * leave the grid are dropped (the caller folds wall conditions in before).
     */
    void add(int i, int j, int c, int di, int dj, int c2, double vr, double vi) {
        int i2 = i + di;
        int j2 = j + dj;
        if (i2 < 0 || j2 < 0 || i2 >= nx || j2 >= ny) {
            return;
        }
        int at = index(i, j, c) * slots + slot(di, dj, c2, dof);
        re[at] += vr;
        im[at] += vi;
    }

    /** Adds (vr + i vi) times the given diagonal weights (interleaved re/im, one per unknown) to the diagonal. */
    void addDiagonal(double vr, double vi, double[] weights) {
        for (int r = 0; r < size; r++) {
            int at = r * slots + slot(0, 0, r % dof, dof);
            double wr = weights[2 * r];
            double wi = weights[2 * r + 1];
            re[at] += vr * wr - vi * wi;
            im[at] += vr * wi + vi * wr;
        }
    }

    /** Column unknown of slot s in row r, or -1 outside the grid. */
    int column(int r, int s) {
        int site = r / dof;
        int i = site % nx;
        int j = site / nx;
        int c2 = s % dof;
        int nb = s / dof;
        int i2 = i + nb % 3 - 1;
        int j2 = j + nb / 3 - 1;
        if (i2 < 0 || j2 < 0 || i2 >= nx || j2 >= ny) {
            return -1;
        }
        return dof * (i2 + nx * j2) + c2;
    }

    /** y = A x on interleaved re/im vectors. */
    void multiply(double[] x, double[] y) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                for (int c = 0; c < dof; c++) {
                    int r = index(i, j, c);
                    int base = r * slots;
                    double sr = 0;
                    double si = 0;
                    for (int dj = -1; dj <= 1; dj++) {
                        int j2 = j + dj;
                        if (j2 < 0 || j2 >= ny) {
                            continue;
                        }
                        for (int di = -1; di <= 1; di++) {
                            int i2 = i + di;
                            if (i2 < 0 || i2 >= nx) {
                                continue;
                            }
                            int colBase = dof * (i2 + nx * j2);
                            int sBase = base + ((dj + 1) * 3 + (di + 1)) * dof;
                            for (int c2 = 0; c2 < dof; c2++) {
                                double ar = re[sBase + c2];
                                double ai = im[sBase + c2];
                                if (ar == 0 && ai == 0) {
                                    continue;
                                }
                                int q = 2 * (colBase + c2);
                                sr += ar * x[q] - ai * x[q + 1];
                                si += ar * x[q + 1] + ai * x[q];
                            }
                        }
                    }
                    y[2 * r] = sr;
                    y[2 * r + 1] = si;
                }
            }
        }
    }
}
