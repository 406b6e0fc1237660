package org.glassguide.solver.bpm;

/**
 * The transverse grid of a propagation: cell centres x0 + (i + 1/2) dx, y0 + (j + 1/2) dy; ny = 1 is
 * the 2D (x-z) problem, the structure then taken at y = 0.
 */
public record BpmGrid(double x0, double y0, double dx, double dy, int nx, int ny) {
    public BpmGrid {
        if (!(dx > 0) || !(dy > 0) || nx < 3 || ny < 1 || (ny > 1 && ny < 3)) {
            throw new IllegalArgumentException("BPM grid needs positive steps, nx >= 3 and ny = 1 or >= 3");
        }
    }

    /** A square-celled window [-w/2, w/2] x [-h/2, h/2]. */
    public static BpmGrid centred(double width, double height, double step) {
        int nx = (int) Math.round(width / step);
        int ny = (int) Math.round(height / step);
        return new BpmGrid(-0.5 * nx * step, -0.5 * ny * step, step, step, nx, ny);
    }

    /** A 2D (x-z) window [-w/2, w/2]. */
    public static BpmGrid slab(double width, double step) {
        int nx = (int) Math.round(width / step);
        return new BpmGrid(-0.5 * nx * step, -0.5 * step, step, step, nx, 1);
    }

    public boolean is2d() {
        return ny == 1;
    }

    public double x(int i) {
        return x0 + (i + 0.5) * dx;
    }

    public double y(int j) {
        return y0 + (j + 0.5) * dy;
    }

    public int cells() {
        return nx * ny;
    }
}
