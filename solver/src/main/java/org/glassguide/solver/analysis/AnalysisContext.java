package org.glassguide.solver.analysis;

import java.util.Objects;
import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.CpuBackend;

/**
 * What a run gets besides the design: where warnings go, the progress monitor (which also carries cancellation), the
 * compute backend for analyses that propagate, the CPU threads they may use, and whether the caller needs only the named
 * outputs (a sweep point, an optimisation step: an analysis may then skip what only its report shows).
 */
public record AnalysisContext(Consumer<String> warnings, ProgressMonitor progress, ComputeBackend backend, int threads, boolean outputsOnly) {
    public AnalysisContext {
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(backend, "backend");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    /** The CPU backend on every core. */
    public static AnalysisContext cpu(Consumer<String> warnings, ProgressMonitor progress) {
        return new AnalysisContext(warnings, progress, new CpuBackend(), Runtime.getRuntime().availableProcessors(), false);
    }

    /** The same context for a caller that needs only the named outputs. */
    public AnalysisContext forOutputs() {
        return new AnalysisContext(warnings, progress, backend, threads, true);
    }
}
