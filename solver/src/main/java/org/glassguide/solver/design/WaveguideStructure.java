package org.glassguide.solver.design;

import java.util.List;
import java.util.Objects;

import org.glassguide.materials.Material;

/** A 2D waveguide cross-section: a background material and shapes or index maps painted over it in order (later wins). */
public record WaveguideStructure(Material background, List<Painting> shapes) {
    /** Something painted over the cross-section. */
    public interface Painting {
    }

    /** One shape and its material. */
    public record PaintedShape(Shape shape, Material material) implements Painting {
        public PaintedShape {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(material, "material");
        }

        @Override
        public String toString() {
            return shape.toString();
        }
    }

    /**
     * An index map over [x0, x1] x [y0, y1] (m): ids[row][col], row 0 at the top, each id a material.
     */
    public record PaintedMap(double x0, double x1, double y0, double y1, int[][] ids, java.util.Map<Integer, Material> materials)
            implements Painting {
        public PaintedMap {
            materials = java.util.Map.copyOf(materials);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "index map %d x %d over [%.4g, %.4g] x [%.4g, %.4g] um", ids[0].length, ids.length,
                    x0 * 1e6, x1 * 1e6, y0 * 1e6, y1 * 1e6);
        }
    }

    public WaveguideStructure {
        Objects.requireNonNull(background, "background");
        shapes = List.copyOf(shapes);
    }
}
