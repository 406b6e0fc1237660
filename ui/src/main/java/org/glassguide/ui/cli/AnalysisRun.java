package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.analysis.Analyses;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.compute.ComputeBackends;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.design.Design;
import org.glassguide.ui.report.AnalysisReport;
import org.glassguide.ui.report.AnalysisReports;

/**
 * One registered analysis as the command line runs it: its run on the design, then its report's folder, summary and
 * printed lines (the same for its own command and for `glassguide run`). Holds the result between the run and the writing.
 *
 * @param <R> the analysis' result
 */
final class AnalysisRun<R> {
    private final Analysis<R> analysis;
    private final AnalysisReport<R> report;
    private final String device;
    private R result;

    private AnalysisRun(Analysis<R> analysis, String device) {
        this.analysis = analysis;
        this.report = AnalysisReports.forAnalysis(analysis);
        this.device = device;
    }

    /**
     * The named analysis, checked against the design before any work: the design must have its section (or the
     * analysis defaults), as a design listing it must.
     *
     * @param source the design file, for the message
     * @param device where an analysis that propagates runs (auto, cpu, gpu, gpu:N)
     */
    static AnalysisRun<?> of(String name, Design d, String source, String device) {
        Analysis<?> a = Analyses.named(name);
        if (a == null) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "analysis", name, String.join(", ", Analyses.names()));
        }
        if (a.lacksSection(d)) {
            throw new GlassGuideException(Messages.MISSING_KEY, a.section(), source + " (" + a.name() + " " + a.needsSectionWords() + ")");
        }
        return new AnalysisRun<>(a, device);
    }

    String name() {
        return analysis.name();
    }

    boolean usesComputeBackend() {
        return analysis.usesComputeBackend();
    }

    void run(Design d, Consumer<String> warnings, ProgressMonitor progress) {
        AnalysisContext context = new AnalysisContext(warnings, progress, analysis.usesComputeBackend() ? ComputeBackends.select(device, warnings)
                : new CpuBackend(), Runtime.getRuntime().availableProcessors(), false);
        result = analysis.run(d, context);
    }

    void write(String designName, Path target) throws IOException {
        report.write(designName, result, target);
    }

    Object summary(String designName) {
        return report.summary(designName, result);
    }

    void print(PrintWriter out, String designName) {
        report.print(out, designName, result);
    }
}
