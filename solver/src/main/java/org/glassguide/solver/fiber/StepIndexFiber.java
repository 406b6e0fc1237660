package org.glassguide.solver.fiber;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;

/**
 * A circular step-index fiber at one wavelength: core radius (m), core and cladding indices (the
 * cladding taken as infinite for guidance) and the vacuum wavelength (m). Guidance by total internal
 * reflection requires n_core &gt; n_clad.
 */
public record StepIndexFiber(double coreRadius, double nCore, double nClad, double wavelength) {
    public StepIndexFiber {
        if (!(coreRadius > 0) || !Double.isFinite(coreRadius)) {
            throw new GlassGuideException(Messages.NOT_POSITIVE, "core radius", coreRadius + " m");
        }
        if (!(wavelength > 0) || !Double.isFinite(wavelength)) {
            throw new GlassGuideException(Messages.NOT_POSITIVE, "wavelength", wavelength + " m");
        }
        if (!(nClad > 0) || !Double.isFinite(nClad) || !Double.isFinite(nCore)) {
            throw new GlassGuideException(Messages.NOT_POSITIVE, "cladding index", nClad);
        }
        if (!(nCore > nClad)) {
            throw new GlassGuideException(Messages.NOT_GUIDING, nCore, nClad, Units.nm(wavelength));
        }
    }

    public double k0() {
        return 2 * Math.PI / wavelength;
    }

    /** Numerical aperture sqrt(n_core^2 - n_clad^2). */
    public double numericalAperture() {
        return Math.sqrt((nCore - nClad) * (nCore + nClad));
    }

    /** Normalised frequency V = k0 a NA. */
    public double vNumber() {
        return k0() * coreRadius * numericalAperture();
    }

    /** Relative index difference Delta = (n1^2 - n2^2) / (2 n1^2). */
    public double delta() {
        return (nCore - nClad) * (nCore + nClad) / (2 * nCore * nCore);
    }

    /** n_eff from the core transverse wavenumber u. */
    public double nEffFromU(double u) {
        double kt = u / (k0() * coreRadius);
        return Math.sqrt(nCore * nCore - kt * kt);
    }
}
