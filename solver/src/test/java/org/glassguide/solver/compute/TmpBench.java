package org.glassguide.solver.compute;
import org.junit.jupiter.api.Test;
class TmpBench {
    @Test
    void run() {
        for (int n : new int[] {256, 1024}) {
            AdiOperator op = CpuAdiTest.randomOperator(n, n, 1);
            for (Precision p : Precision.values()) for (int t : new int[] {1, 2}) {
                try (AdiStepper s = new CpuBackend().adi(op, p, t)) {
                    s.setFactors(new double[] {0, 0.01}, new double[] {0, -0.01});
                    s.setField(new double[2 * n * n]);
                    s.step(n == 256 ? 300 : 30);
                    int steps = n == 256 ? 400 : 40;
                    long t0 = System.nanoTime();
                    s.step(steps);
                    double sec = (System.nanoTime() - t0) * 1e-9;
                    System.out.printf("%d^2 %s %d threads: %.3g cell-steps/s%n", n, p, t, (double) n * n * steps / sec);
                }
            }
        }
    }
}
