package org.glassguide.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.Material;
import org.glassguide.materials.MaterialLibrary;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;

/** Step-index solver benchmarks behind `glassguide bench fiber`: medians of repeated runs after a warm-up. */
public final class FiberBenchmark {
    public record Result(String name, String size, double medianSeconds, String throughput) {
    }

    private FiberBenchmark() {
    }

    public static List<Result> run(int repeat) {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        Material core = lib.get("ZIF-62");
        Material clad = lib.get("HFK95N");
        double lambda = 589e-9;
        StepIndexFiber zif = new StepIndexFiber(75e-6, core.index().n(lambda), clad.index().n(lambda), lambda);
        StepIndexModeSolver solver = new StepIndexModeSolver();
        List<Result> out = new ArrayList<>();
        String size = String.format(Locale.ROOT, "V = %.1f", zif.vNumber());
        double[] lp = time(repeat, () -> solver.solve(zif, false, ProgressMonitor.NONE));
        StepIndexModes m = solver.solve(zif, false, ProgressMonitor.NONE);
        out.add(new Result("all guided LP modes, 150 um ZIF-62/HFK95N fiber, 589 nm", size + ", " + m.lpGroupCount() + " LP",
                lp[0], String.format(Locale.ROOT, "%.3g LP groups/s", m.lpGroupCount() / lp[0])));
        double[] vec = time(repeat, () -> solver.solve(zif, true, ProgressMonitor.NONE));
        StepIndexModes v = solver.solve(zif, true, ProgressMonitor.NONE);
        out.add(new Result("LP + exact vector modes, same fiber", size + ", " + (v.vectorGroupCount() + v.lpGroupCount()) + " roots",
                vec[0], String.format(Locale.ROOT, "%.3g roots/s", (v.vectorGroupCount() + v.lpGroupCount()) / vec[0])));
        StepIndexFiber smf = new StepIndexFiber(4.1e-6, 1.4504, 1.4447, 1550e-9);
        double[] s = time(Math.max(repeat, 50), () -> solver.solve(smf, true, ProgressMonitor.NONE));
        out.add(new Result("single-mode fiber, LP + vector, in process", String.format(Locale.ROOT, "V = %.2f", smf.vNumber()), s[0],
                String.format(Locale.ROOT, "%.3g solves/s", 1 / s[0])));
        return out;
    }

    private static double[] time(int repeat, Runnable r) {
        r.run(); // warm-up: class loading and JIT
        double[] t = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(t);
        return new double[] {t[repeat / 2]};
    }
}
