package org.glassguide.solver.design;

import org.glassguide.materials.Material;

/**
 * Run options from a design file or the command line.
 *
 * @param vector also solve the exact vector modes (TE, TM, HE, EH), not just LP
 * @param allowExtrapolation evaluate material models outside their valid range (with a warning)
 * @param launch medium light is launched from, for the acceptance angle; null means the surround
 * @param maxModes how many modes to list in reports; counts are always complete
 */
public record DesignOptions(boolean vector, boolean allowExtrapolation, Material launch, int maxModes) {
    public static final int DEFAULT_MAX_MODES = 1000;

    public DesignOptions {
        if (maxModes < 0) {
            throw new IllegalArgumentException("maxModes must be >= 0");
        }
    }

    public static DesignOptions defaults() {
        return new DesignOptions(true, false, null, DEFAULT_MAX_MODES);
    }
}
