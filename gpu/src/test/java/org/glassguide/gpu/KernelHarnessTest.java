package org.glassguide.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.glassguide.solver.compute.Precision;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CUDA kernels' arithmetic checked on the host, on every build: gpu/src/test/cuda/kernel_harness.cu
 * includes the kernels' own __host__ __device__ functions (adi_kernels.cuh), is compiled with nvcc (or a
 * C++ compiler where nvcc is missing) and run on random inputs; its outputs must equal HostKernels', the
 * Java statement of the same arithmetic that KernelAdiStepperTest holds to the CPU backend. Tolerances:
 * 1e-13 (double) and 1e-6 (float: the harness computes in float, HostKernels in double) of the largest value.
 */
class KernelHarnessTest {
    /** Where the skip reasons and the device used go (the surefire report shows them). */
    private static final System.Logger LOG = System.getLogger(KernelHarnessTest.class.getName());

    private static Path harness;
    private static String compiler;

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        Path src = Path.of("src/test/cuda/kernel_harness.cu").toAbsolutePath();
        Path out = Path.of("target/kernel-harness").toAbsolutePath();
        for (String[] c : new String[][] {{"nvcc", "-O2", "-o", out.toString(), src.toString()},
            {"c++", "-O2", "-x", "c++", "-o", out.toString(), src.toString()}}) {
            if (onPath(c[0])) {
                Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
                String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new AssertionError(c[0] + " could not compile the kernel harness:\n" + log);
                }
                harness = out;
                compiler = c[0];
                LOG.log(System.Logger.Level.INFO, "kernel harness compiled with " + c[0]);
                return;
            }
        }
        LOG.log(System.Logger.Level.INFO, "SKIPPED kernel harness tests: neither nvcc nor c++ is on the PATH");
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    private static double[] run(String input) throws IOException, InterruptedException {
        Assumptions.assumeTrue(harness != null, "neither nvcc nor c++ is on the PATH: the kernel harness cannot be built");
        Process p = new ProcessBuilder(harness.toString()).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "harness (" + compiler + ") failed: " + err);
        return out.lines().mapToDouble(Double::parseDouble).toArray();
    }

    /** Random values, already rounded to the precision so that both sides read the same numbers. */
    private static double[] random(Random r, int n, double lo, double hi, Precision p) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            double x = lo + (hi - lo) * r.nextDouble();
            a[k] = p == Precision.FLOAT ? (float) x : x;
        }
        return a;
    }

    private static final class Input {
        private final StringBuilder s = new StringBuilder();

        Input add(Object... xs) {
            for (Object x : xs) {
                s.append(x instanceof Double ? String.format(Locale.ROOT, "%.17g", (Double) x) : x.toString()).append(' ');
            }
            s.append('\n');
            return this;
        }

        Input add(double[] a) {
            for (double x : a) {
                s.append(String.format(Locale.ROOT, "%.17g", x)).append('\n');
            }
            return this;
        }
    }

    private static void compare(double[] expected, double[] got, Precision p, String what) {
        assertEquals(expected.length, got.length, what + ": number of outputs");
        double max = 0;
        double err = 0;
        for (int k = 0; k < got.length; k++) {
            max = Math.max(max, Math.abs(expected[k]));
            err = Math.max(err, Math.abs(expected[k] - got[k]));
        }
        double tol = p == Precision.DOUBLE ? 1e-13 : 1e-6;
        assertTrue(err <= tol * max, what + " (" + compiler + "): max difference " + err + " of " + max);
    }

    @ParameterizedTest(name = "explicit {0} V {1} ratios {2} transposed {3}")
    @CsvSource({"DOUBLE, true, true, true", "DOUBLE, false, false, false", "DOUBLE, true, false, true", "FLOAT, true, true, false",
        "FLOAT, false, false, true"})
    void explicitRows(Precision p, boolean hasV, boolean ratios, boolean transposed) throws Exception {
        int nLanes = 37;
        int nRows = 29;
        int n = nLanes * nRows;
        Random r = new Random(1);
        double[] in = random(r, 2 * n, -1, 1, p);
        double[] low = random(r, 2 * nRows, -1, 1, p);
        double[] up = random(r, 2 * nRows, -1, 1, p);
        double[] v = hasV ? random(r, 2 * n, -0.5, 0.5, p) : null;
        double[] rl = ratios ? random(r, n, 0.7, 1.3, p) : null;
        double[] ru = ratios ? random(r, n, 0.7, 1.3, p) : null;
        double cr = 0.01;
        double ci = 0.3;
        Input s = new Input().add(p == Precision.FLOAT ? "f" : "d", "explicit", nLanes, nRows).add(hasV ? 1 : 0, ratios ? 1 : 0,
                transposed ? 1 : 0, cr, ci).add(in).add(low).add(up);
        if (hasV) {
            s.add(v);
        }
        if (ratios) {
            s.add(rl).add(ru);
        }
        HostKernels h = new HostKernels(p);
        DeviceKernels.Buffer bi = buffer(h, in);
        DeviceKernels.Buffer bo = h.alloc(2L * n);
        h.explicitRows(bi, bo, nLanes, nRows, buffer(h, low), buffer(h, up), buffer(h, v), buffer(h, rl), buffer(h, ru), cr, ci, transposed);
        double[] expected = new double[2 * n];
        h.download(bo, expected);
        compare(expected, run(s.s.toString()), p, "explicit_cell");
    }

    @ParameterizedTest(name = "solve {0} per cell {1} ratios {2}")
    @CsvSource({"DOUBLE, true, true", "DOUBLE, false, false", "FLOAT, true, false", "FLOAT, false, false", "FLOAT, true, true"})
    void solveRows(Precision p, boolean perCell, boolean ratios) throws Exception {
        int nLanes = 23;
        int nRows = 41;
        int n = nLanes * nRows;
        Random r = new Random(2);
        double[] x = random(r, 2 * n, -1, 1, p);
        double[] sub = random(r, 2 * nRows, -0.2, 0.2, p);
        double[] sup = random(r, 2 * nRows, -0.2, 0.2, p);
        double[] inv = random(r, perCell ? 2 * n : 2 * nRows, 0.5, 1.0, p);
        double[] rl = ratios ? random(r, n, 0.7, 1.3, p) : null;
        double[] ru = ratios ? random(r, n, 0.7, 1.3, p) : null;
        Input s = new Input().add(p == Precision.FLOAT ? "f" : "d", "solve", nLanes, nRows).add(perCell ? 1 : 0, ratios ? 1 : 0).add(x)
                .add(sub).add(sup).add(inv);
        if (ratios) {
            s.add(rl).add(ru);
        }
        HostKernels h = new HostKernels(p);
        DeviceKernels.Buffer bx = buffer(h, x);
        h.solveRows(bx, nLanes, nRows, buffer(h, sub), buffer(h, sup), buffer(h, inv), perCell, buffer(h, rl), buffer(h, ru));
        double[] expected = new double[2 * n];
        h.download(bx, expected);
        compare(expected, run(s.s.toString()), p, "solve_lane");
    }

    @ParameterizedTest(name = "multiply and power {0}")
    @CsvSource({"DOUBLE", "FLOAT"})
    void multiplyAndPower(Precision p) throws Exception {
        int n = 301;
        Random r = new Random(3);
        double[] a = random(r, 2 * n, -1, 1, p);
        double[] f = random(r, 2 * n, -1, 1, p);
        boolean[] mask = new boolean[n];
        List<Object> m = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            mask[k] = r.nextBoolean();
            m.add(mask[k] ? 1 : 0);
        }
        HostKernels h = new HostKernels(p);
        for (boolean withF : new boolean[] {true, false}) {
            DeviceKernels.Buffer ba = buffer(h, a);
            h.multiply(ba, withF ? buffer(h, f) : null, n, 0.6, -0.7);
            double[] expected = new double[2 * n];
            h.download(ba, expected);
            Input s = new Input().add(p == Precision.FLOAT ? "f" : "d", "multiply", n, 1).add(withF ? 1 : 0, 0.6, -0.7).add(a);
            if (withF) {
                s.add(f);
            }
            compare(expected, run(s.s.toString()), p, "multiply_cell");
        }
        double expected = h.power(buffer(h, a), h.mask(mask), n);
        double got = run(new Input().add(p == Precision.FLOAT ? "f" : "d", "power", n, 1).add(1).add(a).add(m.toArray()).s.toString())[0];
        assertEquals(expected, got, 1e-13 * expected, "norm_cell");
    }

    @ParameterizedTest(name = "wide operator {0} ratios {1}")
    @CsvSource({"DOUBLE, true", "DOUBLE, false", "FLOAT, true", "FLOAT, false"})
    void wideOperator(Precision p, boolean ratios) throws Exception {
        int nx = 31;
        int ny = 19;
        int n = nx * ny;
        Random r = new Random(5);
        double[] in = random(r, 2 * n, -1, 1, p);
        double[] lowX = random(r, 2 * nx, -1, 1, p);
        double[] upX = random(r, 2 * nx, -1, 1, p);
        double[] lowY = random(r, 2 * ny, -1, 1, p);
        double[] upY = random(r, 2 * ny, -1, 1, p);
        double[] v = random(r, 2 * n, -0.5, 0.5, p);
        double[] rl = ratios ? random(r, n, 0.7, 1.3, p) : null;
        double[] ru = ratios ? random(r, n, 0.7, 1.3, p) : null;
        double cr = 0.02;
        double ci = -0.4;
        Input s = new Input().add(p == Precision.FLOAT ? "f" : "d", "wide", nx, ny).add(ratios ? 1 : 0, cr, ci).add(in).add(lowX).add(upX)
                .add(lowY).add(upY).add(v);
        if (ratios) {
            s.add(rl).add(ru);
        }
        HostKernels h = new HostKernels(p);
        DeviceKernels.Buffer bo = h.alloc(2L * n);
        h.wideApply(buffer(h, in), bo, nx, ny, buffer(h, lowX), buffer(h, upX), buffer(h, lowY), buffer(h, upY), buffer(h, v), buffer(h, rl),
                buffer(h, ru), cr, ci);
        double[] expected = new double[2 * n];
        h.download(bo, expected);
        compare(expected, run(s.s.toString()), p, "wide_cell");
    }

    @ParameterizedTest(name = "combine and dot {0}")
    @CsvSource({"DOUBLE", "FLOAT"})
    void combineAndDot(Precision p) throws Exception {
        int n = 257;
        Random r = new Random(6);
        double[] x = random(r, 2 * n, -1, 1, p);
        double[] y = random(r, 2 * n, -1, 1, p);
        // scalars exact in float, so both sides read the same numbers
        double ar = 0.75;
        double ai = -0.5;
        double br = -1.25;
        double bi = 0.375;
        HostKernels h = new HostKernels(p);
        DeviceKernels.Buffer bo = h.alloc(2L * n);
        h.combine(bo, ar, ai, buffer(h, x), br, bi, buffer(h, y), n);
        double[] expected = new double[2 * n];
        h.download(bo, expected);
        compare(expected, run(new Input().add(p == Precision.FLOAT ? "f" : "d", "combine", n, 1).add(ar, ai, br, bi).add(x).add(y).s.toString()), p,
                "combine_cell");
        double[] dot = new double[2];
        h.dot(buffer(h, x), buffer(h, y), n, dot);
        double[] got = run(new Input().add(p == Precision.FLOAT ? "f" : "d", "dot", n, 1).add(x).add(y).s.toString());
        assertEquals(dot[0], got[0], 1e-12 * n, "dot_cell re");
        assertEquals(dot[1], got[1], 1e-12 * n, "dot_cell im");
    }

    private static DeviceKernels.Buffer buffer(HostKernels h, double[] a) {
        if (a == null) {
            return null;
        }
        DeviceKernels.Buffer b = h.alloc(a.length);
        h.upload(b, a);
        return b;
    }
}
