package org.glassguide.solver.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complete, validated design: structure, wavelengths (m), the mode solver's settings (shared by every analysis that
 * solves modes), the analyses to run, and each analysis' own section as that analysis read it (by section name:
 * "propagation", "loss", ...). The design knows no analysis: an analysis reads its section from {@link #section}.
 * Both front ends (command line and desktop) open, run and save this same description; the {@code with...} methods
 * give changed copies (sweeps, optimisation, the editor).
 */
public record Design(String name, String description, FiberStructure fiber, WaveguideStructure waveguide,
        List<Double> wavelengths, List<String> analyses, DesignOptions options, SolverSettings solver, Map<String, Object> sections,
        String source) {
    public static final String FORMAT = "glassguide/1";

    public Design {
        Objects.requireNonNull(name, "name");
        if ((fiber == null) == (waveguide == null)) {
            throw new IllegalArgumentException("a design has exactly one structure: a fiber or a waveguide");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(solver, "solver");
        wavelengths = List.copyOf(wavelengths);
        analyses = List.copyOf(analyses);
        // insertion order kept (reports list sections as the file does); no null values
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        sections.values().forEach(Objects::requireNonNull);
        description = description == null ? "" : description;
        if (wavelengths.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one wavelength");
        }
        for (double w : wavelengths) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("a wavelength must be positive and finite: " + w);
            }
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("design name must be a simple file name: " + name);
        }
    }

    public boolean isFiber() {
        return fiber != null;
    }

    /** An analysis' section as it was read, or null when the design has none. */
    public <T> T section(String sectionName, Class<T> type) {
        Object s = sections.get(sectionName);
        return s == null ? null : type.cast(s);
    }

    /** The same design with other analyses, options or solver settings (command-line overrides). */
    public Design with(List<String> newAnalyses, DesignOptions newOptions, SolverSettings newSolver) {
        return new Design(name, description, fiber, waveguide, wavelengths, newAnalyses, newOptions, newSolver, sections, source);
    }

    /** The same design running only these analyses. */
    public Design withAnalyses(List<String> newAnalyses) {
        return new Design(name, description, fiber, waveguide, wavelengths, newAnalyses, options, solver, sections, source);
    }

    /** The same design at other wavelengths (m). */
    public Design withWavelengths(List<Double> newWavelengths) {
        return new Design(name, description, fiber, waveguide, newWavelengths, analyses, options, solver, sections, source);
    }

    /** The same design with another structure: a fiber or a waveguide. */
    public Design withStructure(FiberStructure newFiber, WaveguideStructure newWaveguide) {
        return new Design(name, description, newFiber, newWaveguide, wavelengths, analyses, options, solver, sections, source);
    }

    /** The same design with a section set (null removes it). */
    public Design withSection(String sectionName, Object settings) {
        Map<String, Object> m = new LinkedHashMap<>(sections);
        if (settings == null) {
            m.remove(sectionName);
        } else {
            m.put(sectionName, settings);
        }
        return new Design(name, description, fiber, waveguide, wavelengths, analyses, options, solver, m, source);
    }

    /** The analyses listed, plus one more at the end if not yet listed. */
    public List<String> analysesWith(String analysis) {
        List<String> a = new ArrayList<>(analyses);
        if (!a.contains(analysis)) {
            a.add(analysis);
        }
        return a;
    }
}
