package org.glassguide.ui.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
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
import org.glassguide.solver.sweep.SweepRunner;
import org.glassguide.solver.sweep.SweepSpec;
import org.glassguide.ui.report.SweepReport;

/**
 * A sweep on Apache Spark: the driver reads the sweep file and checks every point's design, Spark distributes the
 * point numbers, each executor rebuilds the same sweep from the file (so the sweep and design files, and any
 * material folders, must be readable at the same paths on every executor: a shared file system, or spark-submit
 * --files in client mode) and runs the same analysis code as a local run. The driver hands the points out in batches
 * and keeps each finished batch in the folder's progress file at once, so a run stopped part-way (a lost driver, a
 * killed job) resumes where it was, as a local sweep does; at the end it writes the same folder as a local sweep —
 * results.csv, summary.json with statistics, the pictures and provenance.json. Spark is a provided dependency:
 * spark-submit supplies it.
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
        SweepRunner.Resume resume = SweepRunner.resume(target, spec, points);
        if (resume.restarted()) {
            err.println("note: the sweep or its design changed since the last run in " + target + ": started over");
        }
        int reused = resume.done().size();
        List<Integer> todo = IntStream.range(0, points.size()).filter(i -> !resume.done().containsKey(i)).boxed().toList();
        SparkConf conf = new SparkConf().setAppName("glassguide sweep " + spec.name());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        long t0 = System.nanoTime();
        Job job = new Job(sweepFile.toString(), materials);
        int parallelism;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            parallelism = sc.defaultParallelism();
            // batches of a few points per core: each finished batch is kept at once, the resume granularity
            int batch = Math.max(1, 4 * parallelism);
            for (int from = 0; from < todo.size(); from += batch) {
                List<Integer> part = new ArrayList<>(todo.subList(from, Math.min(todo.size(), from + batch)));
                int slices = Math.max(1, Math.min(part.size(), parallelism));
                List<String> lines = sc.parallelize(part, slices).mapPartitions(it -> evaluate(job, it)).collect();
                List<PointResult> finished = new ArrayList<>(PointResult.parse(lines).values());
                SweepRunner.append(resume.progress(), finished);
                finished.forEach(r -> resume.done().put(r.point(), r));
                out.printf(java.util.Locale.ROOT, "%d of %d points done%n", resume.done().size(), points.size());
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        List<PointResult> results = new ArrayList<>(resume.done().values());
        SweepRunner.Outcome outcome = new SweepRunner.Outcome(points, results, todo.size(), reused, false, seconds, resume.restarted());
        SweepReport.write(spec, outcome, parallelism, target);
        long failed = outcome.failed();
        out.printf(java.util.Locale.ROOT, "%s on Spark: %d points (%d computed, %d reused) in %.1f s%s; wrote %s%n", spec.name(), results.size(),
                todo.size(), reused, seconds, failed > 0 ? " (" + failed + " failed: see the error column)" : "", target);
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
