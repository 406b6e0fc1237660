package org.glassguide.solver.design;

import java.util.List;
import java.util.Objects;

import org.glassguide.materials.Material;
import org.glassguide.solver.fd.Shape;

/** A 2D waveguide cross-section: a background material and shapes painted over it in order (later wins). */
public record WaveguideStructure(Material background, List<PaintedShape> shapes) {
    /** One shape and its material. */
    public record PaintedShape(Shape shape, Material material) {
        public PaintedShape {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(material, "material");
        }
    }

    public WaveguideStructure {
        Objects.requireNonNull(background, "background");
        shapes = List.copyOf(shapes);
    }
}
