package org.glassguide.solver.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.Warnings;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fd.FdAnalysis;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.fiber.StepIndexAnalysis;
import org.glassguide.solver.radial.RadialAnalysis;
import org.glassguide.solver.radial.RadialAnalysisResult;

/** Runs every analysis a design asks for, wavelength by wavelength, reporting overall progress. */
public final class DesignRunner {
    private final StepIndexAnalysis fiberAnalysis;
    private final RadialAnalysis radialAnalysis = new RadialAnalysis();
    private final FdAnalysis fdAnalysis = new FdAnalysis();

    public DesignRunner(StepIndexAnalysis fiberAnalysis) {
        this.fiberAnalysis = fiberAnalysis;
    }

    public DesignRunner() {
        this(new StepIndexAnalysis());
    }

    public DesignResult run(Design design, Consumer<String> warnings, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        List<String> allWarnings = new ArrayList<>();
        Consumer<String> sink = Warnings.deduplicating(allWarnings, warnings);
        List<FiberAnalysis> fibers = new ArrayList<>();
        List<RadialAnalysisResult> modes = new ArrayList<>();
        List<FdAnalysisResult> fd = new ArrayList<>();
        int n = design.wavelengths().size();
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            final int index = i;
            ProgressMonitor sub = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String stage) {
                    long scale = 1000;
                    monitor.progress(index * scale + (total == 0 ? 0 : done * scale / total), n * scale,
                            "wavelength " + (index + 1) + "/" + n + ": " + stage);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            if (design.analyses().contains("fiber")) {
                fibers.add(fiberAnalysis.analyse(design.fiber(), design.wavelengths().get(i), design.options(), sink, sub));
            }
            if (design.analyses().contains("modes") && design.solver().is2d()) {
                fd.add(fdAnalysis.analyse(design, design.wavelengths().get(i), design.solver(), design.options().allowExtrapolation(),
                        sink, sub));
            } else if (design.analyses().contains("modes")) {
                modes.add(radialAnalysis.analyse(design.fiber(), design.wavelengths().get(i), design.solver(),
                        design.options().allowExtrapolation(), sink, sub));
            }
        }
        monitor.progress(n, n, "done");
        return new DesignResult(design, fibers, modes, fd, allWarnings, (System.nanoTime() - t0) * 1e-9);
    }
}
