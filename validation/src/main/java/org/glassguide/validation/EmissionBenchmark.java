package org.glassguide.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import org.glassguide.solver.emission.RayTracer;

/**
 * Ray-tracer throughput: a 150 um 1.56/1.44 core, 5 cm, background loss 10 /m, self-absorption 50 /m with quantum yield
 * 0.5 (so re-emission and Fresnel reflections are exercised), 4e6 rays, on one thread and on all cores. Rays/s counts
 * emission events (first emissions and re-emissions).
 */
public final class EmissionBenchmark {
    private EmissionBenchmark() {
    }

    public static List<FiberBenchmark.Result> run(int repeat) throws InterruptedException {
        RayTracer.Spectral s = EmissionValidation.flat(1.56, 1.44, 10, 50);
        long rays = 4_000_000;
        List<FiberBenchmark.Result> out = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                double[] t = new double[repeat + 1];
                long events = 0;
                for (int k = 0; k <= repeat; k++) {
                    long t0 = System.nanoTime();
                    RayTracer.Tally tally = pool.submit(() -> new RayTracer().trace(s, 75e-6, 0.05, 1.0, 0.5, true, 1, rays, 1 + 0L)).get();
                    t[k] = (System.nanoTime() - t0) * 1e-9;
                    events = tally.emissions;
                }
                double[] timed = Arrays.copyOfRange(t, 1, t.length);
                Arrays.sort(timed);
                double med = timed[timed.length / 2];
                out.add(new FiberBenchmark.Result(String.format(Locale.ROOT, "luminescence ray tracing, 150 um core, 5 cm, %d thread%s", threads,
                        threads == 1 ? "" : "s"), String.format(Locale.ROOT, "%,d rays, %,d emissions", rays, events), med,
                        String.format(Locale.ROOT, "%.3g rays/s", events / med)));
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return out;
    }
}
