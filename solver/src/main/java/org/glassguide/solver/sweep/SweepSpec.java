package org.glassguide.solver.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A sweep: a base design, the analysis to run at each point, the parameters, and how points are formed — every
 * combination (cross), the i-th values together (zip), or random samples of distributions (monte-carlo).
 *
 * @param designFile the base design (paths in it resolve against its own folder)
 * @param designText the base design's text, as read once (a sweep never rereads a changed file mid-run)
 * @param analysis fiber, modes, codraw, bpm, loss, emission, sensor or gain
 * @param outputs the outputs to keep (empty: all the analysis gives)
 * @param samples Monte Carlo sample count (0 otherwise)
 * @param seed Monte Carlo seed
 */
public record SweepSpec(String name, Path designFile, String designText, String analysis, List<Parameter> parameters, Combine combine,
        List<String> outputs, int samples, long seed, String source) {
    public enum Combine { CROSS, ZIP, MONTE_CARLO }

    public SweepSpec {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter");
        }
    }

    /** Every point: parameter name to the design value it sets, in a fixed order (the row order of the results). */
    public List<Map<Parameter, Object>> points() {
        List<Map<Parameter, Object>> pts = new ArrayList<>();
        switch (combine) {
            case ZIP: {
                int n = parameters.get(0).values().size();
                for (int i = 0; i < n; i++) {
                    Map<Parameter, Object> p = new LinkedHashMap<>();
                    for (Parameter q : parameters) {
                        p.put(q, q.values().get(i));
                    }
                    pts.add(p);
                }
                return pts;
            }
            case MONTE_CARLO: {
                Random rng = new Random(seed);
                for (int s = 0; s < samples; s++) {
                    Map<Parameter, Object> p = new LinkedHashMap<>();
                    for (Parameter q : parameters) {
                        p.put(q, q.distribution() != null ? q.valueOf(q.distribution().sample(rng)) : q.values().get(0));
                    }
                    pts.add(p);
                }
                return pts;
            }
            default: {
                // first parameter slowest, like nested loops in the order written
                int[] idx = new int[parameters.size()];
                long total = 1;
                for (Parameter q : parameters) {
                    total *= q.values().size();
                }
                for (long k = 0; k < total; k++) {
                    Map<Parameter, Object> p = new LinkedHashMap<>();
                    for (int j = 0; j < parameters.size(); j++) {
                        p.put(parameters.get(j), parameters.get(j).values().get(idx[j]));
                    }
                    pts.add(p);
                    for (int j = parameters.size() - 1; j >= 0; j--) {
                        if (++idx[j] < parameters.get(j).values().size()) {
                            break;
                        }
                        idx[j] = 0;
                    }
                }
                return pts;
            }
        }
    }
}
