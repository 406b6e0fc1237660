package org.glassguide.ui.fx.viewmodel;

import java.util.List;

/**
 * A picture with its physical meaning: values[row][col] (row 0 at the top, normalised 0..1 for the colour scale) over
 * [xMin, xMax] x [yMin, yMax] in the axes' unit, the axes' names, what the colour shows and the physical values at its
 * ends, and outlines of the structure drawn over it: circles {cx, cy, r} in the axes' unit, and the edges of a
 * structure map (the refractive index [row][col] over the same extent, or null): wherever two neighbouring cells differ.
 */
public record FieldMap(double[][] values, double xMin, double xMax, double yMin, double yMax, String xName, String yName, String unit,
        String valueName, double valueMin, double valueMax, List<double[]> circles, double[][] structure) {
    public FieldMap {
        circles = circles == null ? List.of() : List.copyOf(circles);
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("a picture needs a positive extent");
        }
    }

    /** A picture whose outlines are circles only. */
    public FieldMap(double[][] values, double xMin, double xMax, double yMin, double yMax, String xName, String yName, String unit,
            String valueName, double valueMin, double valueMax, List<double[]> circles) {
        this(values, xMin, xMax, yMin, yMax, xName, yName, unit, valueName, valueMin, valueMax, circles, null);
    }

    /** This picture with the edges of a structure map (the index [row][col] over the same extent) as its outline. */
    public FieldMap withStructure(double[][] index) {
        return new FieldMap(values, xMin, xMax, yMin, yMax, xName, yName, unit, valueName, valueMin, valueMax, circles, index);
    }

    /** A square picture centred on the axis, half-width half (m), shown in um, with the core outline of the given radius (m; 0 for none). */
    static FieldMap square(double[][] values, double half, String valueName, double coreRadius) {
        double h = half * 1e6;
        return new FieldMap(values, -h, h, -h, h, "x", "y", "um", valueName, 0, 1,
                coreRadius > 0 ? List.of(new double[] {0, 0, coreRadius * 1e6}) : List.of());
    }
}
