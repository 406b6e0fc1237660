package org.glassguide.solver.design;

import java.util.Objects;

import org.glassguide.materials.Material;

/**
 * One concentric layer of a fiber: its material, outer radius (m) and grading. A graded layer
 * (finite {@code gradeExponent} g) runs from its own material's index at its inner edge to the next
 * layer's index at its outer edge as n^2 = n_out^2 + (n_in^2 - n_out^2)(1 - t^g), t the normalised
 * radius within the layer; g = 2 is the parabolic graded-index core.
 */
public record Layer(Material material, double outerRadius, double gradeExponent) {
    public Layer {
        Objects.requireNonNull(material, "material");
        if (!(outerRadius > 0)) { // +infinity allowed: an unbounded outermost layer
            throw new IllegalArgumentException("layer outer radius must be positive, got " + outerRadius);
        }
        if (!(gradeExponent > 0)) {
            throw new IllegalArgumentException("grade exponent must be positive, got " + gradeExponent);
        }
    }

    /** A uniform layer. */
    public Layer(Material material, double outerRadius) {
        this(material, outerRadius, Double.POSITIVE_INFINITY);
    }

    public boolean isGraded() {
        return Double.isFinite(gradeExponent);
    }
}
