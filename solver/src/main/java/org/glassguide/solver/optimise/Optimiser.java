package org.glassguide.solver.optimise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.glassguide.solver.ProgressMonitor;

/**
 * Bounded minimisation or maximisation of one output subject to bounds on others, by BOBYQA (Powell's trust-region
 * method with quadratic models: few evaluations on smooth problems, two or more variables) or CMA-ES (evolution
 * strategy: robust on noisy or stepped outputs such as mode counts). Both from Commons Math. Variables are scaled to
 * [0, 1] inside; constraints enter as a penalty that puts every infeasible point above every feasible one, so the
 * optimum found is feasible whenever a feasible point was seen.
 */
public final class Optimiser {
    /** Added to the objective of an infeasible point: larger than any objective change the scaled problem sees. */
    static final double INFEASIBLE = 1e6;

    /** A variable in its own unit: bounds and start. */
    public record Variable(String name, double lower, double upper, double start) {
        public Variable {
            Objects.requireNonNull(name, "name");
            if (!(upper > lower) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException(name + ": bounds must be finite with lower < upper");
            }
            if (!(start >= lower && start <= upper)) {
                throw new IllegalArgumentException(name + ": start must lie within the bounds");
            }
        }
    }

    /** output >= min and/or output <= max (NaN for no such side). */
    public record Constraint(String output, double min, double max) {
        double violation(double v) {
            if (!Double.isFinite(v)) {
                return Double.POSITIVE_INFINITY;
            }
            // relative to the bound's size, so outputs of any unit weigh alike
            double scale = Math.max(Double.isNaN(min) ? 0 : Math.abs(min), Double.isNaN(max) ? 0 : Math.abs(max));
            scale = scale > 0 ? scale : 1;
            double viol = 0;
            if (!Double.isNaN(min) && v < min) {
                viol += (min - v) / scale;
            }
            if (!Double.isNaN(max) && v > max) {
                viol += (v - max) / scale;
            }
            return viol;
        }
    }

    /** One evaluation along the way: the variables, the outputs, and whether the constraints held. */
    public record Step(int evaluation, double[] x, double objective, boolean feasible) {
    }

    /**
     * The result: the best feasible point (or the least infeasible when none was), its outputs, every evaluation,
     * and the sensitivity of the objective to each variable at the optimum (central differences, 1 % of the range).
     */
    public record Result(double[] x, Map<String, Double> outputs, double objective, boolean feasible, List<Step> path, double[] sensitivity,
            String method, int evaluations, String stopReason) {
        public Result {
            outputs = Map.copyOf(outputs);
            path = List.copyOf(path);
        }
    }

    public Result optimise(List<Variable> vars, Function<double[], Map<String, Double>> evaluate, String objective, boolean maximise,
            List<Constraint> constraints, String method, int maxEvaluations, long seed, ProgressMonitor monitor) {
        int n = vars.size();
        List<Step> path = new ArrayList<>();
        double[][] best = {null};
        double[] bestScore = {Double.POSITIVE_INFINITY};
        Map<String, Double>[] bestOut = new Map[] {Map.of()};
        Function<double[], Double> score = u -> {
            monitor.checkCancelled();
            double[] x = unscale(vars, u);
            Map<String, Double> out = outputs(vars, x, evaluate);
            Double f = out.get(objective);
            if (f == null) {
                throw new IllegalArgumentException("objective \"" + objective + "\" is not an output; outputs: " + String.join(", ", out.keySet()));
            }
            double viol = 0;
            for (Constraint c : constraints) {
                Double v = out.get(c.output());
                if (v == null) {
                    throw new IllegalArgumentException("constraint output \"" + c.output() + "\" is not an output; outputs: "
                            + String.join(", ", out.keySet()));
                }
                viol += c.violation(v);
            }
            boolean feasible = viol == 0 && Double.isFinite(f);
            double s = (maximise ? -f : f);
            if (!feasible) {
                s = INFEASIBLE + Math.min(viol, 1e12);
            }
            synchronized (path) {
                path.add(new Step(path.size() + 1, x, f, feasible));
                if (s < bestScore[0]) {
                    bestScore[0] = s;
                    best[0] = x;
                    bestOut[0] = out;
                }
            }
            monitor.progress(path.size(), maxEvaluations, "evaluations");
            return s;
        };
        double[] start = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            Variable v = vars.get(i);
            start[i] = (v.start() - v.lower()) / (v.upper() - v.lower());
            hi[i] = 1;
        }
        String used = method.equals("auto") ? (n >= 2 ? "bobyqa" : "cma-es") : method;
        String stop = "converged";
        ObjectiveFunction f = new ObjectiveFunction(u -> score.apply(u));
        try {
            if (used.equals("bobyqa")) {
                if (n < 2) {
                    throw new IllegalArgumentException("bobyqa needs at least 2 variables; use cma-es (or method: auto)");
                }
                // interpolation points 2n+1, trust region from 0.2 of the box down to 1e-9
                new BOBYQAOptimizer(2 * n + 1, 0.2, 1e-9).optimize(new MaxEval(maxEvaluations), f, GoalType.MINIMIZE, new InitialGuess(start),
                        new SimpleBounds(lo, hi));
            } else {
                double[] sigma = new double[n];
                java.util.Arrays.fill(sigma, 0.3);
                int lambda = 4 + (int) (3 * Math.log(n));
                PointValuePair p = new CMAESOptimizer(maxEvaluations, Double.NEGATIVE_INFINITY, true, 0, 0, new MersenneTwister(seed), false,
                        (iteration, previous, current) -> Math.abs(previous.getValue() - current.getValue()) <= 1e-14 * Math.max(1,
                                Math.abs(current.getValue())) && iteration > 50).optimize(new MaxEval(maxEvaluations), new MaxIter(maxEvaluations), f,
                                        GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                                        new CMAESOptimizer.PopulationSize(lambda));
                Objects.requireNonNull(p);
            }
        } catch (TooManyEvaluationsException e) {
            stop = "stopped at the evaluation limit (" + maxEvaluations + ")";
        } catch (org.apache.commons.math3.exception.TooManyIterationsException e) {
            stop = "stopped at the iteration limit";
        }
        double[] x = best[0];
        boolean feasible = bestScore[0] < INFEASIBLE;
        // sensitivity: central differences of the objective at the optimum, 1 % of each range (one-sided at a bound)
        double[] sens = new double[n];
        for (int i = 0; i < n; i++) {
            Variable v = vars.get(i);
            double h = 0.01 * (v.upper() - v.lower());
            double[] a = x.clone();
            double[] b = x.clone();
            a[i] = Math.max(v.lower(), x[i] - h);
            b[i] = Math.min(v.upper(), x[i] + h);
            double fa = outputs(vars, a, evaluate).getOrDefault(objective, Double.NaN);
            double fb = outputs(vars, b, evaluate).getOrDefault(objective, Double.NaN);
            sens[i] = (fb - fa) / (b[i] - a[i]);
        }
        double obj = bestOut[0].getOrDefault(objective, Double.NaN);
        return new Result(x, bestOut[0], obj, feasible, path, sens, used, path.size(), stop);
    }

    /** The analysis outputs plus the variables themselves (so an objective or constraint may name a variable). */
    private static Map<String, Double> outputs(List<Variable> vars, double[] x, Function<double[], Map<String, Double>> evaluate) {
        Map<String, Double> out = new LinkedHashMap<>(evaluate.apply(x));
        for (int i = 0; i < vars.size(); i++) {
            out.put(vars.get(i).name(), x[i]);
        }
        return out;
    }

    private static double[] unscale(List<Variable> vars, double[] u) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            Variable v = vars.get(i);
            double t = Math.min(1, Math.max(0, u[i]));
            x[i] = v.lower() + t * (v.upper() - v.lower());
        }
        return x;
    }
}
