package org.glassguide.solver.design;

import java.util.List;
import java.util.Objects;

import org.glassguide.materials.Material;

/** A radially layered fiber, innermost layer first, in a surrounding medium. */
public record FiberStructure(List<Layer> layers, Material surround) {
    public FiberStructure {
        layers = List.copyOf(layers);
        Objects.requireNonNull(surround, "surround");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a fiber needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (!(layers.get(i).outerRadius() > layers.get(i - 1).outerRadius())) {
                throw new IllegalArgumentException("layer radii must increase outwards");
            }
        }
    }

    public Layer core() {
        return layers.get(0);
    }
}
