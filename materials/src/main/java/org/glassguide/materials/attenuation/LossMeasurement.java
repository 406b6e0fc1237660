package org.glassguide.materials.attenuation;

import java.util.Locale;

/**
 * What a measured loss was measured on: the bulk glass (a material loss), or a guide (a fiber or waveguide with this
 * glass as its core: a guide loss, the glass's own loss weighted by the share of the guided power it carries). A guide
 * loss is turned into the glass's loss by dividing by that share at the measurement's launch, which needs the guide:
 * a fiber's core diameter and cladding glass (and how its modes were filled). Without them the share is taken as 1.
 *
 * @param guide true for a guide loss, false for a bulk (material) loss
 * @param kind "fiber", "waveguide" or "bulk"
 * @param coreDiameter the measured fiber's core diameter (m), or NaN when not stated
 * @param cladding the measured fiber's cladding glass (a catalog name), or null when not stated
 * @param launch how the measurement filled the modes ("equal", "fundamental", "filled"), or null for equal
 */
public record LossMeasurement(boolean guide, String kind, double coreDiameter, String cladding, String launch) {
    public static final LossMeasurement BULK = new LossMeasurement(false, "bulk", Double.NaN, null, null);

    public LossMeasurement {
        if (!Double.isNaN(coreDiameter) && !(coreDiameter > 0)) {
            throw new IllegalArgumentException("core diameter must be positive");
        }
    }

    /** Whether the measured guide is known well enough to compute its core's power share. */
    public boolean guideKnown() {
        return guide && "fiber".equals(kind) && !Double.isNaN(coreDiameter) && cladding != null;
    }

    public String describe() {
        if (!guide) {
            return "a material loss (bulk glass)";
        }
        if (guideKnown()) {
            return String.format(Locale.ROOT, "a guide loss, measured on a fiber (core %.4g um, cladding %s, %s launch)", coreDiameter * 1e6, cladding,
                    launch == null ? "equal" : launch);
        }
        return "a guide loss, measured on a " + kind + " whose core share is not known (taken as 1)";
    }
}
