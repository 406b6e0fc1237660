package org.glassguide.solver.optimise;

import java.util.List;
import java.util.Objects;

import org.glassguide.solver.sweep.Parameter;
import org.glassguide.solver.sweep.SweepSpec;

/**
 * An optimisation of a design: the variables (design paths with bounds and a start, in their unit), the output to
 * minimise or maximise, the bounds other outputs must respect, and the method.
 *
 * @param base the design, analysis and variables as a sweep description (one point: the start), which is how each
 *     trial design is made and analysed
 */
public record OptimisationSpec(SweepSpec base, List<Optimiser.Variable> variables, String objective, boolean maximise,
        List<Optimiser.Constraint> constraints, String method, int maxEvaluations, long seed) {
    public static final List<String> METHODS = List.of("auto", "bobyqa", "cma-es");

    public OptimisationSpec {
        Objects.requireNonNull(base, "base");
        variables = List.copyOf(variables);
        constraints = List.copyOf(constraints);
        if (variables.size() != base.parameters().size()) {
            throw new IllegalArgumentException("one design parameter per variable");
        }
    }

    public Parameter parameter(int i) {
        return base.parameters().get(i);
    }
}
