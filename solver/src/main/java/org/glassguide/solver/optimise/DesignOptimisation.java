package org.glassguide.solver.optimise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.sweep.Parameter;
import org.glassguide.solver.sweep.PointEvaluator;

/** Optimises a design: each trial point becomes a design through the sweep machinery and runs the same analysis. */
public final class DesignOptimisation {
    private final OptimisationSpec spec;
    private final PointEvaluator evaluator;

    public DesignOptimisation(OptimisationSpec spec, MaterialLibrary library) {
        this(spec, library, new org.glassguide.solver.compute.CpuBackend());
    }

    /** backend: where bpm trial points propagate (--device). */
    public DesignOptimisation(OptimisationSpec spec, MaterialLibrary library, org.glassguide.solver.compute.ComputeBackend backend) {
        this.spec = spec;
        this.evaluator = new PointEvaluator(spec.base(), library, backend);
    }

    /** The design at x (variables in their units); bad values become a message naming the point. */
    public Design design(double[] x) {
        Map<Parameter, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            Parameter p = spec.parameter(i);
            point.put(p, p.valueOf(x[i]));
        }
        return evaluator.design(0, point);
    }

    private Map<String, Double> failed() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(spec.objective(), Double.NaN);
        spec.constraints().forEach(c -> m.put(c.output(), Double.NaN));
        return m;
    }

    public Optimiser.Result run(Consumer<String> warnings, ProgressMonitor monitor) {
        double[] start = spec.variables().stream().mapToDouble(Optimiser.Variable::start).toArray();
        Design first = design(start);
        if (first.wavelengths().size() != 1) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "wavelengths of " + spec.base().designFile().getFileName(),
                    first.wavelengths().size() + " wavelengths", "one wavelength for an optimisation (make the wavelength a variable or run one per wavelength)");
        }
        // check the corners once: a bound that makes a bad design is bad input, not a numerical failure
        for (int i = 0; i < start.length; i++) {
            for (double end : new double[] {spec.variables().get(i).lower(), spec.variables().get(i).upper()}) {
                double[] x = start.clone();
                x[i] = end;
                design(x);
            }
        }
        return new Optimiser().optimise(spec.variables(), x -> {
            try {
                List<Map<String, Double>> rows = evaluator.evaluate(design(x), warnings, ProgressMonitor.NONE);
                return rows.isEmpty() ? failed() : rows.get(0);
            } catch (GlassGuideException | ArithmeticException e) {
                // a trial design that cannot be built or solved counts as infeasible; the search goes on
                return failed();
            }
        }, spec.objective(), spec.maximise(), spec.constraints(), spec.method(), spec.maxEvaluations(), spec.seed(), monitor);
    }
}
