package org.glassguide.solver.design;

import java.util.Objects;

import org.glassguide.materials.Material;

/** One concentric layer of a fiber: its material and outer radius (m). */
public record Layer(Material material, double outerRadius) {
    public Layer {
        Objects.requireNonNull(material, "material");
        if (!(outerRadius > 0)) { // +infinity allowed: an unbounded outermost layer
            throw new IllegalArgumentException("layer outer radius must be positive, got " + outerRadius);
        }
    }
}
