package org.glassguide.solver.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;

/**
 * Runs a sweep's points on local threads. Every finished point is appended at once to the folder's progress file
 * (points.partial), so an interrupted sweep, run again, recomputes only what is missing; a changed sweep or base
 * design starts over. Points run in parallel, each analysis on one thread. A point whose analysis fails records its
 * message and the sweep goes on; bad values (a design the reader refuses) stop the sweep before anything runs.
 */
public final class SweepRunner {
    public static final String PROGRESS_FILE = "points.partial";
    public static final String STATE_FILE = "sweep.state";

    /** What a run did: every point's result (sorted), how many were computed now and reused, and whether it was cancelled. */
    public record Outcome(List<Map<Parameter, Object>> points, List<PointResult> results, int computed, int reused, boolean cancelled,
            double seconds, boolean restarted) {
        public Outcome {
            points = List.copyOf(points);
            results = List.copyOf(results);
        }

        public long failed() {
            return results.stream().filter(r -> !r.error().isEmpty()).count();
        }
    }

    private final SweepSpec spec;
    private final PointEvaluator evaluator;

    public SweepRunner(SweepSpec spec, MaterialLibrary library) {
        this(spec, library, new org.glassguide.solver.compute.CpuBackend());
    }

    /** backend: where bpm points propagate (--device). */
    public SweepRunner(SweepSpec spec, MaterialLibrary library, org.glassguide.solver.compute.ComputeBackend backend) {
        this.spec = spec;
        this.evaluator = new PointEvaluator(spec, library, backend);
    }

    /** The designs of all points, checked before anything runs (bad values: a GlassGuideException naming the point). */
    public List<Design> designs(List<Map<Parameter, Object>> points) {
        return designs(points, ForkJoinPool.commonPool());
    }

    private List<Design> designs(List<Map<Parameter, Object>> points, ForkJoinPool pool) {
        try {
            return pool.submit(() -> IntStream.range(0, points.size()).parallel().mapToObj(i -> evaluator.design(i, points.get(i))).toList()).get();
        } catch (ExecutionException e) {
            // the first bad point in order is not guaranteed: any one of them names its problem
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProgressMonitor.CancelledException();
        }
    }

    /**
     * A sweep folder made ready to run into: checked, created and marked; the points an earlier run of the same sweep
     * finished (the same points by fingerprint, failures left out to be tried again), with the progress file rewritten
     * to hold only them, so a line cut off by an interruption cannot linger.
     *
     * @param done finished points by number (mutable: the caller adds to it)
     * @param restarted whether a different sweep's progress was found and dropped
     * @param progress the progress file, to append each finished point to ({@link #append})
     */
    public record Resume(Map<Integer, PointResult> done, boolean restarted, Path progress) {
    }

    /** Prepares a folder for the points (see {@link Resume}); local runs and cluster runs share it. */
    public static Resume resume(Path folder, SweepSpec spec, List<Map<Parameter, Object>> points) throws IOException {
        org.glassguide.solver.run.OutputFolders.checkWritable("--out", folder);
        Files.createDirectories(folder);
        // marked before anything else lands in it: an interrupted sweep's folder is still recognised as ours
        org.glassguide.solver.run.OutputFolders.mark(folder, List.of(STATE_FILE, PROGRESS_FILE, PROGRESS_FILE + ".tmp"));
        String fingerprint = fingerprint(spec, points);
        Path state = folder.resolve(STATE_FILE);
        Path progress = folder.resolve(PROGRESS_FILE);
        Map<Integer, PointResult> done = new TreeMap<>();
        boolean restarted = false;
        if (Files.exists(state) && Files.readString(state, StandardCharsets.UTF_8).trim().equals(fingerprint) && Files.exists(progress)) {
            for (PointResult r : PointResult.parse(Files.readAllLines(progress, StandardCharsets.UTF_8)).values()) {
                // failed points are tried again: the failure may have been an interruption
                if (r.point() < points.size() && r.error().isEmpty()) {
                    done.put(r.point(), r);
                }
            }
        } else if (Files.exists(progress)) {
            restarted = true;
        }
        Path tmp = folder.resolve(PROGRESS_FILE + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (PointResult r : done.values()) {
                write(w, r);
            }
        }
        Files.move(tmp, progress, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(state, fingerprint + "\n", StandardCharsets.UTF_8);
        return new Resume(done, restarted, progress);
    }

    /** Appends finished points to a progress file and flushes it: each is kept the moment it is written. */
    public static void append(Path progress, List<PointResult> finished) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(progress, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (PointResult r : finished) {
                write(out, r);
            }
        }
    }

    /** A finished point's lines, as the progress file holds them. */
    private static void write(BufferedWriter out, PointResult r) throws IOException {
        for (String line : r.lines()) {
            out.write(line);
            out.newLine();
        }
    }

    public Outcome run(Path folder, int threads, Consumer<String> warnings, ProgressMonitor monitor) throws IOException {
        long t0 = System.nanoTime();
        List<Map<Parameter, Object>> points = spec.points();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        List<Design> designs;
        try {
            designs = designs(points, pool);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        Resume resume = resume(folder, spec, points);
        Map<Integer, PointResult> done = resume.done();
        boolean restarted = resume.restarted();
        Path progress = resume.progress();
        int reused = done.size();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!done.containsKey(i)) {
                todo.add(i);
            }
        }
        AtomicInteger finished = new AtomicInteger(reused);
        int total = points.size();
        monitor.progress(reused, total, "points");
        boolean cancelled = false;
        // a fork-join pool: the analyses' own parallel streams, started from its workers, run in it too, so the sweep
        // uses exactly `threads` cores (with 1, strictly one) however the points split their work
        try (BufferedWriter out = Files.newBufferedWriter(progress, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : todo) {
                futures.add(pool.submit(() -> {
                    if (monitor.isCancelled()) {
                        return;
                    }
                    PointResult r;
                    try {
                        r = new PointResult(index, evaluator.evaluate(designs.get(index), warnings, monitor), "");
                    } catch (ProgressMonitor.CancelledException c) {
                        return;
                    } catch (GlassGuideException e) {
                        if (isSpecError(e)) {
                            // a wrong output name fails every point alike: stop the sweep, not record it per point
                            throw e;
                        }
                        r = new PointResult(index, List.of(), e.getMessage());
                    } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
                        r = new PointResult(index, List.of(), e.getMessage());
                    }
                    synchronized (done) {
                        try {
                            write(out, r);
                            out.flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        done.put(index, r);
                    }
                    monitor.progress(finished.incrementAndGet(), total, "points");
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        cancelled |= monitor.isCancelled() || done.size() < total;
        // the same lock as the writers: after an interruption a task may still be finishing
        List<PointResult> results;
        synchronized (done) {
            results = new ArrayList<>(done.values());
        }
        results.sort((a, b) -> Integer.compare(a.point(), b.point()));
        return new Outcome(points, results, done.size() - reused, reused, cancelled, (System.nanoTime() - t0) * 1e-9, restarted);
    }

    /** A problem of the sweep file itself (an output the analysis does not give), not of one point's design. */
    static boolean isSpecError(GlassGuideException e) {
        Object[] a = e.args();
        return e.key() == org.glassguide.materials.errors.Messages.BAD_CHOICE && a.length > 0 && "outputs".equals(a[0]);
    }

    /** Identifies the sweep: GlassGuide's version, base design text, analysis, outputs and every point's values. */
    static String fingerprint(SweepSpec spec, List<Map<Parameter, Object>> points) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // results of another GlassGuide version are not reused
            md.update(String.valueOf(SweepRunner.class.getPackage().getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
            md.update(spec.designText().getBytes(StandardCharsets.UTF_8));
            md.update(("\n" + spec.analysis() + "\n" + spec.outputs() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map<Parameter, Object> p : points) {
                md.update((PointEvaluator.describe(p) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
