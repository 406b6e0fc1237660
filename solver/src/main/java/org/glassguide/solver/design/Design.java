package org.glassguide.solver.design;

import java.util.List;
import java.util.Objects;

/**
 * A complete, validated design: structure, wavelengths (m) and the analyses to run. Both front ends
 * (command line and desktop) open, run and save this same description.
 */
public record Design(String name, String description, FiberStructure fiber, List<Double> wavelengths,
        List<String> analyses, DesignOptions options, String source) {
    public static final String FORMAT = "glassguide/1";
    public static final List<String> ANALYSES = List.of("fiber");

    public Design {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fiber, "fiber");
        Objects.requireNonNull(options, "options");
        wavelengths = List.copyOf(wavelengths);
        analyses = List.copyOf(analyses);
        description = description == null ? "" : description;
        if (wavelengths.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one wavelength");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("design name must be a simple file name: " + name);
        }
    }
}
