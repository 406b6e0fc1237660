package org.glassguide.solver.radial;

import java.util.List;

/**
 * All guided scalar modes of an axisymmetric profile, n_eff descending, with the grid they were
 * computed on (cell centres r_i = (i + 1/2) h).
 */
public record RadialModes(double wavelength, RadialIndexProfile profile, double step, int gridPoints,
        List<RadialMode> modes, long modeCount) {
    public RadialModes {
        modes = List.copyOf(modes);
    }

    public double radius(int i) {
        return (i + 0.5) * step;
    }
}
