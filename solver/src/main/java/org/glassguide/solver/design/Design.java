package org.glassguide.solver.design;

import java.util.List;
import java.util.Objects;

import org.glassguide.solver.codraw.DrawSettings;
import org.glassguide.solver.emission.EmissionSettings;
import org.glassguide.solver.gain.GainSettings;
import org.glassguide.solver.loss.LossSettings;
import org.glassguide.solver.sensor.SensorSettings;

/**
 * A complete, validated design: structure, wavelengths (m), the analyses to run and their settings
 * (propagation may be null when no beam-propagation run is described). Both front ends
 * (command line and desktop) open, run and save this same description.
 */
public record Design(String name, String description, FiberStructure fiber, WaveguideStructure waveguide,
        List<Double> wavelengths, List<String> analyses, DesignOptions options, SolverSettings solver, PropagationSettings propagation,
        String source, DrawSettings codraw, LossSettings loss, EmissionSettings emission, SensorSettings sensor, GainSettings gain) {
    public static final String FORMAT = "glassguide/1";
    /**
     * fiber: exact step-index analysis; modes: the mode solver of `solver:`; bpm: the `propagation:` run; codraw: the
     * co-draw compatibility and draw-down of `codraw:` (defaults when absent); loss: the loss budget of `loss:`; emission: the guided luminescence of `emission:`; sensor: the oxygen sensing of `sensor:`; gain: the rare-earth amplifier of `gain:` (these three null when absent).
     */
    public static final List<String> ANALYSES = List.of("fiber", "modes", "bpm", "codraw", "loss", "emission", "sensor", "gain");

    public Design {
        Objects.requireNonNull(name, "name");
        if ((fiber == null) == (waveguide == null)) {
            throw new IllegalArgumentException("a design has exactly one structure: a fiber or a waveguide");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(solver, "solver");
        wavelengths = List.copyOf(wavelengths);
        analyses = List.copyOf(analyses);
        description = description == null ? "" : description;
        codraw = codraw == null ? DrawSettings.defaults() : codraw;
        loss = loss == null ? LossSettings.defaults() : loss;
        if (wavelengths.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one wavelength");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("design name must be a simple file name: " + name);
        }
    }

    public boolean isFiber() {
        return fiber != null;
    }

    /** The same design with other analyses, options or solver settings (command-line overrides). */
    public Design with(List<String> newAnalyses, DesignOptions newOptions, SolverSettings newSolver) {
        return new Design(name, description, fiber, waveguide, wavelengths, newAnalyses, newOptions, newSolver, propagation, source, codraw, loss, emission, sensor, gain);
    }
}
