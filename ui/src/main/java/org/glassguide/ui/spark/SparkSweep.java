package org.glassguide.ui.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.sweep.Parameter;
import org.glassguide.solver.sweep.PointEvaluator;
import org.glassguide.solver.sweep.PointResult;
import org.glassguide.solver.sweep.SweepReader;
import org.glassguide.solver.sweep.SweepSpec;
import org.glassguide.solver.sweep.TidyCsv;

/**
 * A sweep on Apache Spark: the driver reads the sweep file and checks every point's design, Spark distributes the
 * point numbers, each executor rebuilds the same sweep from the file (so the sweep and design files, and any
 * material folders, must be readable at the same paths on every executor: a shared file system, or spark-submit
 * --files in client mode) and runs the same analysis code as a local run; the driver writes the same tidy
 * results.csv. Spark is a provided dependency: spark-submit supplies it.
 *
 * <pre>
 * spark-submit --class org.glassguide.ui.spark.SparkSweep --master local[2] \
 *   --jars "$(ls ui/target/lib/*.jar | paste -sd,)" ui/target/glassguide.jar examples/core-diameter-sweep.yaml --out out/spark
 * </pre>
 */
public final class SparkSweep {
    private SparkSweep() {
    }

    /** What the executors need: plain strings (every executor rebuilds the rest). */
    record Job(String sweepFile, List<String> materialDirs) implements Serializable {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err, null));
    }

    /**
     * Runs the sweep; master null takes spark-submit's (or local[*] when none is set). Exit codes as the command
     * line: 0 done, 2 bad input.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, String master) throws IOException {
        if (args.length < 1) {
            err.println("error: usage: SparkSweep SWEEP.yaml [--out DIR] [--materials DIR]...");
            return 2;
        }
        Path sweepFile = Path.of(args[0]).toAbsolutePath();
        Path outDir = null;
        List<String> materials = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                outDir = Path.of(args[++i]);
            } else if (args[i].equals("--materials") && i + 1 < args.length) {
                materials.add(Path.of(args[++i]).toAbsolutePath().toString());
            } else {
                err.println("error: unknown argument \"" + args[i] + "\"; accepted: --out DIR, --materials DIR");
                return 2;
            }
        }
        SweepSpec spec;
        List<Map<Parameter, Object>> points;
        try {
            spec = SweepReader.read(sweepFile);
            points = spec.points();
            PointEvaluator check = new PointEvaluator(spec, library(materials));
            for (int i = 0; i < points.size(); i++) {
                check.design(i, points.get(i));
            }
        } catch (GlassGuideException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Path target = org.glassguide.solver.run.OutputFolders.checkWritable("--out", outDir != null ? outDir : Path.of("out", spec.name() + "-spark-sweep"));
        SparkConf conf = new SparkConf().setAppName("glassguide sweep " + spec.name());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        long t0 = System.nanoTime();
        Job job = new Job(sweepFile.toString(), materials);
        List<String> lines;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            List<Integer> indices = IntStream.range(0, points.size()).boxed().toList();
            int slices = Math.max(1, Math.min(points.size(), 4 * sc.defaultParallelism()));
            lines = sc.parallelize(new ArrayList<>(indices), slices).mapPartitions(it -> evaluate(job, it)).collect();
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        List<PointResult> results = new ArrayList<>(PointResult.parse(lines).values());
        org.glassguide.ui.report.RunReport.writeFolder(target,
                tmp -> Files.writeString(tmp.resolve("results.csv"), TidyCsv.write(spec, points, results), StandardCharsets.UTF_8));
        long failed = results.stream().filter(r -> !r.error().isEmpty()).count();
        out.printf(java.util.Locale.ROOT, "%s on Spark: %d points in %.1f s%s; wrote %s%n", spec.name(), results.size(), seconds,
                failed > 0 ? " (" + failed + " failed: see the error column)" : "", target.resolve("results.csv"));
        return 0;
    }

    private static MaterialLibrary library(List<String> dirs) {
        return dirs.isEmpty() ? MaterialLibrary.builtIn() : MaterialLibrary.withUserFolders(dirs.stream().map(Path::of).toList());
    }

    /** On an executor: this partition's points, as PointResult lines (grouped per point). */
    private static java.util.Iterator<String> evaluate(Job job, java.util.Iterator<Integer> indices) {
        SweepSpec spec = SweepReader.read(Path.of(job.sweepFile()));
        List<Map<Parameter, Object>> points = spec.points();
        PointEvaluator ev = new PointEvaluator(spec, library(job.materialDirs()));
        List<String> lines = new ArrayList<>();
        while (indices.hasNext()) {
            int i = indices.next();
            PointResult r;
            try {
                r = new PointResult(i, ev.evaluate(ev.design(i, points.get(i)), w -> { }, ProgressMonitor.NONE), "");
            } catch (GlassGuideException | ArithmeticException | IllegalStateException | IllegalArgumentException e) {
                r = new PointResult(i, List.of(), e.getMessage());
            }
            lines.addAll(r.lines());
        }
        return lines.iterator();
    }
}
