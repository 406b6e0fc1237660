package org.glassguide.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;
import org.glassguide.solver.radial.RadialIndexProfile;
import org.glassguide.solver.radial.RadialModeSolver;
import org.glassguide.solver.radial.RadialModes;

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

    /** Radial solver: every guided LP mode of the 150 um ZIF-62 core, and a 10 um graded core, with retained heap. */
    /**
     * The cross-section eigen-solve matrix: a 2 x 2 um square core (1.56 in 1.44, 633 nm, 6 x 6 um window, 1 um PML,
     * every E-class mode a degenerate pair) with the scalar, quasi-TE semi-vectorial and full-vectorial solvers on
     * 150^2, 300^2 and 500^2 grids, for 4, 10 and 20 modes (the full-vectorial 500^2 with 20 modes through the symmetric
     * design path only): one timed run each (they are
     * long), with the factor's stored entries, the Krylov-Schur cycles and solves, and the peak heap. Rows that cannot fit
     * the heap say so instead of running. Only the given grids (cells across the 6 um window); each row is handed to the
     * sink as soon as it is measured (the whole matrix takes about ten minutes).
     */
    public static void runEigenMatrix(int[] grids, java.util.function.Consumer<Result> out) {
        org.glassguide.solver.fd.CrossSection cs = new org.glassguide.solver.fd.CrossSection(1.44, 0)
                .paint(new org.glassguide.solver.design.Shape.Rectangle(0, 0, 2e-6, 2e-6), 1.56, 0);
        String[] kinds = {"fd-scalar", "fd-semivector (quasi-TE)", "fd-vector"};
        for (int kind = 0; kind < kinds.length; kind++) {
            for (int cells : grids) {
                for (int wanted : new int[] {4, 10, 20}) {
                    String kindName = kind == 2 ? "fd-vector" : kind == 0 ? "fd-scalar" : "fd-semivector";
                    if (kind == 2 && cells == 500 && wanted == 20) {
                        // the whole window would take minutes and most of the heap: the design path only
                        out.accept(symmetric(kindName, kinds[kind], cells, wanted));
                        continue;
                    }
                    double step = 6e-6 / cells;
                    org.glassguide.solver.fd.FdScalarModeSolver.Grid g = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(6e-6, 6e-6, step);
                    int pml = (int) Math.round(1e-6 / step);
                    org.glassguide.solver.fd.EigenStatistics[] st = new org.glassguide.solver.fd.EigenStatistics[1];
                    int k = kind;
                    Runnable solve = () -> {
                        if (k == 2) {
                            new org.glassguide.solver.fd.FdVectorModeSolver().withStatistics(x -> st[0] = x).solve(cs, 633e-9, g,
                                    org.glassguide.solver.fd.FdVectorModeSolver.Walls.pmlAllRound(), pml, wanted, 1.56, 1.44, 1, ProgressMonitor.NONE);
                        } else {
                            new org.glassguide.solver.fd.FdScalarModeSolver().withPolarization(k == 0
                                    ? org.glassguide.solver.fd.FdScalarModeSolver.Polarization.SCALAR
                                    : org.glassguide.solver.fd.FdScalarModeSolver.Polarization.QUASI_TE).withStatistics(x -> st[0] = x)
                                    .solve(cs, 633e-9, g, new org.glassguide.solver.fd.FdScalarModeSolver.Pml(pml, 8), wanted, 1.56, 1.44,
                                            ProgressMonitor.NONE);
                        }
                    };
                    long unknowns = k == 2 ? 2L * (cells + 1) * (cells + 1) : (long) cells * cells;
                    String name = String.format(Locale.ROOT, "%s, 2 x 2 um square, %d modes", kinds[kind], wanted);
                    System.gc();
                    HeapPools.resetPeaks();
                    long t0 = System.nanoTime();
                    try {
                        solve.run();
                    } catch (org.glassguide.materials.errors.GlassGuideException ex) {
                        out.accept(new Result(name, String.format(Locale.ROOT, "%d x %d grid", cells, cells), Double.NaN, ex.getMessage()));
                        continue;
                    }
                    double sec = (System.nanoTime() - t0) * 1e-9;
                    org.glassguide.solver.fd.EigenStatistics e = st[0];
                    out.accept(new Result(name + ", whole window", String.format(Locale.ROOT, "%d x %d grid, %d unknowns, peak heap %.0f MiB", cells,
                            cells, unknowns, HeapPools.peak() / 1048576.0), sec, String.format(Locale.ROOT,
                            "LU %.1f M entries, %.1f Gflop in %.2f s (%.1f Gflop/s), %d cycles, %d solves", e.factorEntries() / 1e6,
                            e.factorFlops() / 1e9, e.factorSeconds(), e.factorFlopRate() / 1e9, e.cycles(), e.solves())));
                    out.accept(symmetric(kindName, kinds[kind], cells, wanted));
                }
            }
        }
    }

    /**
     * The same square through the design path users take, {@code solver.symmetry: auto} (the default): the mirror
     * planes x = 0 and y = 0 found in the index map, four symmetry classes each solved on a quarter window, merged
     * and unfolded; cost summed over the classes' solves (and any re-solve asking a class for more modes).
     */
    private static Result symmetric(String kind, String label, int cells, int wanted) {
        String yaml = String.format(Locale.ROOT, "format: glassguide/1%nname: square%nstructure:%n  waveguide:%n    background: { index: 1.44 }%n"
                + "    shapes:%n      - rectangle: { width: 2 um, height: 2 um, center: [0 um, 0 um], material: { index: 1.56 } }%n"
                + "wavelengths: [633 nm]%nsolver: { kind: %s, window: [6 um, 6 um], step: %s um, pml: 1 um, modes: %d, target: 1.56 }%n"
                + "analyses: [modes]%n", kind, org.glassguide.materials.units.Units.trim(String.format(Locale.ROOT, "%.6f", 6.0 / cells)), wanted);
        org.glassguide.solver.design.Design d = new org.glassguide.solver.designfile.DesignReader(MaterialLibrary.builtIn()).read("bench",
                new java.io.StringReader(yaml), java.nio.file.Path.of("."));
        List<org.glassguide.solver.fd.EigenStatistics> stats = new ArrayList<>();
        String name = String.format(Locale.ROOT, "%s, 2 x 2 um square, %d modes, symmetry: auto", label, wanted);
        System.gc();
        HeapPools.resetPeaks();
        long t0 = System.nanoTime();
        org.glassguide.solver.fd.FdAnalysisResult r;
        try {
            r = new org.glassguide.solver.fd.FdAnalysis().withStatistics(stats::add).analyse(d, 633e-9, d.solver(), false, w -> { },
                    ProgressMonitor.NONE);
        } catch (org.glassguide.materials.errors.GlassGuideException ex) {
            return new Result(name, String.format(Locale.ROOT, "%d x %d grid", cells, cells), Double.NaN, ex.getMessage());
        }
        double sec = (System.nanoTime() - t0) * 1e-9;
        long entries = 0;
        double factor = 0;
        double flops = 0;
        int cycles = 0;
        long solves = 0;
        for (org.glassguide.solver.fd.EigenStatistics e : stats) {
            entries = Math.max(entries, e.factorEntries());
            factor += e.factorSeconds();
            flops += e.factorFlops();
            cycles += e.cycles();
            solves += e.solves();
        }
        return new Result(name, String.format(Locale.ROOT, "%d x %d grid, %d requests to %s, peak heap %.0f MiB", cells, cells,
                stats.size(), r.symmetry().replaceAll(":.*", ""), HeapPools.peak() / 1048576.0), sec, String.format(Locale.ROOT,
                "LU %.1f M entries each, %.1f Gflop in %.2f s in all, %d cycles, %d solves; %d modes listed", entries / 1e6, flops / 1e9,
                factor, cycles, solves, r.listed().size()));
    }

    /**
     * Writes the square core's operators (the benchmark's: 2 x 2 um, 1.56 in 1.44, 633 nm, 6 x 6 um window, 1 um PML,
     * shift 1.56^2) for the scalar and full-vectorial solvers on 150^2 and 300^2 cells, whole window, as Matrix Market
     * files: NAME-A.mtx, NAME-B.mtx. Returns the file names.
     */
    public static List<String> exportEigenOperators(java.nio.file.Path dir) throws java.io.IOException {
        org.glassguide.solver.fd.CrossSection cs = new org.glassguide.solver.fd.CrossSection(1.44, 0)
                .paint(new org.glassguide.solver.design.Shape.Rectangle(0, 0, 2e-6, 2e-6), 1.56, 0);
        List<String> names = new ArrayList<>();
        for (int cells : new int[] {150, 300}) {
            double step = 6e-6 / cells;
            org.glassguide.solver.fd.FdScalarModeSolver.Grid g = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(6e-6, 6e-6, step);
            int pml = (int) Math.round(1e-6 / step);
            for (String kind : new String[] {"scalar", "vector"}) {
                List<org.glassguide.solver.fd.SparseOperator> op = new ArrayList<>();
                // the operator is handed out before the solve; one mode keeps the solve short
                if (kind.equals("vector")) {
                    new org.glassguide.solver.fd.FdVectorModeSolver().withOperator(op::add).solve(cs, 633e-9, g,
                            org.glassguide.solver.fd.FdVectorModeSolver.Walls.pmlAllRound(), pml, 1, 1.56, 1.44, 1, ProgressMonitor.NONE);
                } else {
                    new org.glassguide.solver.fd.FdScalarModeSolver().withOperator(op::add).solve(cs, 633e-9, g,
                            new org.glassguide.solver.fd.FdScalarModeSolver.Pml(pml, 8), 1, 1.56, 1.44, ProgressMonitor.NONE);
                }
                String name = kind + "-" + cells;
                op.get(0).writeMatrixMarket(dir.resolve(name + "-A.mtx"), dir.resolve(name + "-B.mtx"));
                names.add(name + "-A.mtx");
                names.add(name + "-B.mtx");
            }
        }
        return names;
    }

    public static List<Result> runModes(int repeat) {
        List<Result> out = new ArrayList<>();
        RadialModeSolver radial = new RadialModeSolver();
        RadialModeSolver.Settings grid = RadialModeSolver.Settings.defaults();
        RadialIndexProfile zif = RadialIndexProfile.stepIndex(75e-6, 1.56, 1.44);
        double[] t = time(Math.max(1, Math.min(repeat, 3)), () -> radial.solve(zif, 589e-9, grid, ProgressMonitor.NONE));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        RadialModes m = radial.solve(zif, 589e-9, grid, ProgressMonitor.NONE);
        System.gc();
        long retained = rt.totalMemory() - rt.freeMemory() - before;
        out.add(new Result("radial solver: all guided LP modes, 150 um ZIF-62 core, 589 nm, 20 points/period",
                String.format(Locale.ROOT, "N = %d, %d LP, %.0f MiB held", m.gridPoints(), m.modes().size(), retained / 1048576.0),
                t[0], String.format(Locale.ROOT, "%.3g modes/s", m.modes().size() / t[0])));
        RadialIndexProfile graded = RadialIndexProfile.powerLaw(25e-6, 1.56, 1.44, 2);
        double[] g = time(repeat, () -> radial.solve(graded, 633e-9, grid, ProgressMonitor.NONE));
        RadialModes gm = radial.solve(graded, 633e-9, grid, ProgressMonitor.NONE);
        out.add(new Result("radial solver: 50 um parabolic core, 633 nm, 20 points/period",
                String.format(Locale.ROOT, "N = %d, %d LP", gm.gridPoints(), gm.modes().size()), g[0],
                String.format(Locale.ROOT, "%.3g modes/s", gm.modes().size() / g[0])));
        // 2D scalar FD: the buried channel of the examples on 200 x 200 and 400 x 400 grids with a PML
        for (int cells : new int[] {200, 400}) {
            double step = 10e-6 / cells;
            org.glassguide.solver.fd.CrossSection cs = new org.glassguide.solver.fd.CrossSection(1.44, 0)
                    .paint(new org.glassguide.solver.design.Shape.Rectangle(0, 0, 1e-6, 0.5e-6), 1.56, 0);
            org.glassguide.solver.fd.FdScalarModeSolver.Grid grid2d = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(10e-6, 10e-6, step);
            int pml = (int) Math.round(1.2e-6 / step);
            double[] t2 = time(1, () -> new org.glassguide.solver.fd.FdScalarModeSolver().solve(cs, 1048e-9, grid2d,
                    new org.glassguide.solver.fd.FdScalarModeSolver.Pml(pml, 8), 4, 1.56, 1.44, ProgressMonitor.NONE));
            long cellsTotal = (long) cells * cells;
            out.add(new Result("2D scalar FD, buried channel 1 x 0.5 um, PML, 4 modes nearest n = 1.56",
                    String.format(Locale.ROOT, "%d x %d grid", cells, cells), t2[0],
                    String.format(Locale.ROOT, "%.3g cells/s", cellsTotal / t2[0])));
        }
        // 2D full-vectorial FD: the buried channel, 6 x 6 um window, 1 um PML all round, no symmetry
        for (int cells : new int[] {200, 400}) {
            double step = 6e-6 / cells;
            org.glassguide.solver.fd.CrossSection cs = new org.glassguide.solver.fd.CrossSection(1.44, 0)
                    .paint(new org.glassguide.solver.design.Shape.Rectangle(0, 0, 1e-6, 0.5e-6), 1.56, 0);
            org.glassguide.solver.fd.FdScalarModeSolver.Grid grid2d = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(6e-6, 6e-6, step);
            int pml = (int) Math.round(1e-6 / step);
            Runnable solve = () -> new org.glassguide.solver.fd.FdVectorModeSolver().solve(cs, 1048e-9, grid2d,
                    org.glassguide.solver.fd.FdVectorModeSolver.Walls.pmlAllRound(), pml, 6, 1.56, 1.44, 1, ProgressMonitor.NONE);
            if (cells <= 200) {
                solve.run(); // warm-up
            }
            System.gc();
            HeapPools.resetPeaks();
            long t1 = System.nanoTime();
            solve.run();
            double sec = (System.nanoTime() - t1) * 1e-9;
            long unknowns = 2L * (cells + 1) * (cells + 1);
            out.add(new Result("2D full-vectorial FD (fd-vector), buried channel 1 x 0.5 um, PML, 6 modes nearest n = 1.56",
                    String.format(Locale.ROOT, "%d x %d grid, %d unknowns, peak heap %.0f MiB", cells, cells, unknowns, HeapPools.peak() / 1048576.0),
                    sec, String.format(Locale.ROOT, "%.3g unknowns/s", unknowns / sec)));
        }
        // the same eigenproblem handed to EJML's dense symmetric eigensolver (all N eigenvalues), order 0 only
        double[][] t0 = RadialModeSolver.tridiagonal(graded, 633e-9, grid, 0);
        int n = t0[0].length;
        double sigma0 = 1.44 * 1.44;
        long[] guided = new long[1];
        double[] e = time(1, () -> {
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                a.set(i, i, t0[0][i]);
                if (i + 1 < n) {
                    a.set(i, i + 1, t0[1][i]);
                    a.set(i + 1, i, t0[1][i]);
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            if (!eig.decompose(a)) {
                throw new IllegalStateException("EJML eigen decomposition failed");
            }
            long c = 0;
            for (int i = 0; i < n; i++) {
                if (eig.getEigenvalue(i).getReal() > sigma0) {
                    c++;
                }
            }
            guided[0] = c;
        });
        long ours = gm.modes().stream().filter(x -> x.order() == 0).count();
        out.add(new Result("EJML 0.46.1 dense symmetric eigensolver, same problem, order l = 0 only",
                String.format(Locale.ROOT, "N = %d, %d guided (ours: %d)", n, guided[0], ours), e[0],
                String.format(Locale.ROOT, "%.3g modes/s", guided[0] / e[0])));
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

    /**
     * Median wall time of a fresh JVM running the command line's main class with these arguments (after one untimed run),
     * started as the launcher starts it: the same collector flags and, where the kernel leaves them to the program,
     * transparent huge pages.
     */
    public static double processTime(int reps, String mainClass, String... args) throws java.io.IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand, "-XX:+UseParallelGC", "-Xmn256m"));
        java.nio.file.Path thp = java.nio.file.Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        if (java.nio.file.Files.isReadable(thp) && java.nio.file.Files.readString(thp).contains("[madvise]")) {
            cmd.add("-XX:+UseTransparentHugePages");
        }
        cmd.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        double[] t = new double[reps];
        for (int i = -1; i < reps; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("process failed: " + cmd);
            }
            if (i >= 0) {
                t[i] = (System.nanoTime() - t0) * 1e-9;
            }
        }
        java.util.Arrays.sort(t);
        return t[reps / 2];
    }
}
