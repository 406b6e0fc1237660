package org.glassguide.solver.bpm;

import org.glassguide.solver.ProgressMonitor;

/**
 * A progress monitor that also receives each recorded x-z slice row (and y-z column) as the propagation makes it: what a live view
 * draws while the run goes on. Called on the propagating thread; the row is the caller's to keep.
 */
public interface SliceMonitor extends ProgressMonitor {
    /**
     * @param grid the transverse grid (x positions of the row)
     * @param z distance from the launch (m); a new realisation of a partially coherent source starts again at 0
     * @param row |psi|^2 along x through y = 0
     * @param column |psi|^2 along y through x = 0 (a 3D run; null in 2D)
     * @param power total power relative to the launch
     */
    void slice(BpmGrid grid, double z, double[] row, double[] column, double power);
}
