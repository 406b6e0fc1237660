package org.glassguide.ui.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.glassguide.solver.bpm.WideAngle;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.validation.BpmBenchmark;
import org.glassguide.validation.FiberBenchmark;

/** The tables `glassguide bench` prints, row by row as each benchmark finishes (Markdown, or JSON lines for bpm). */
public final class BenchReport {
    private static final String FMT = "| %-80s | %-30s | %9s | %-20s |%n";

    private BenchReport() {
    }

    /** The machine line and the header of the solver tables. */
    public static void header(PrintWriter out) {
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, FMT, "benchmark", "size", "median", "throughput");
        out.println("|" + "-".repeat(82) + "|" + "-".repeat(32) + "|" + "-".repeat(11) + "|" + "-".repeat(22) + "|");
        out.flush();
    }

    /** One solver row (a refused eigen-solve says so instead of a time). */
    public static void row(PrintWriter out, FiberBenchmark.Result r) {
        out.printf(Locale.ROOT, FMT, r.name(), r.size(), Double.isNaN(r.medianSeconds()) ? "refused" : seconds(r.medianSeconds()), r.throughput());
        out.flush();
    }

    /** The whole-process row of `glassguide fiber`. */
    public static void processRow(PrintWriter out, double seconds) {
        out.printf(Locale.ROOT, FMT, "`glassguide fiber`, single-mode fiber, whole process incl. JVM start", "V = 2.14, 1 LP mode", seconds(seconds), "");
        out.flush();
    }

    /** The device line and header of the stepping table. */
    public static void bpmHeader(PrintWriter out, ComputeBackend backend) {
        out.printf(Locale.ROOT, "device: %s, max heap %d MiB%n", backend.device(), Runtime.getRuntime().maxMemory() >> 20);
        out.println("| grid | precision | threads | wide angle | steps | cell-steps/s (median of 3) | slowest – fastest | heap bytes/cell"
                + " | solver iterations per factor | cost per cell-step vs paraxial |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        out.flush();
    }

    /** One stepping row: a Markdown row, or one JSON object (with the bandwidth it implies on an accelerator). */
    public static void bpmRow(PrintWriter out, BpmBenchmark.Row row, boolean json, ComputeBackend backend) {
        BpmBenchmark.Result r = row.result();
        double cost = row.costVsParaxial();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("grid", r.grid());
            m.put("precision", r.precision().name().toLowerCase(Locale.ROOT));
            m.put("threads", r.threads());
            m.put("wideAngle", r.wideAngle().name().toLowerCase(Locale.ROOT));
            m.put("launch", row.launch().name().toLowerCase(Locale.ROOT));
            m.put("steps", r.steps());
            m.put("cellStepsPerSecond", r.cellStepsPerSecond());
            m.put("cellStepsPerSecondSlowest", r.slowest());
            m.put("cellStepsPerSecondFastest", r.fastest());
            m.put("heapBytesPerCell", r.heapBytesPerCell());
            m.put("device", r.device());
            m.put("solverIterationsPerFactor", r.meanIterations());
            m.put("costPerCellStepVsParaxial", Double.isNaN(cost) ? null : cost);
            if (backend.accelerator() && r.wideAngle() == WideAngle.PARAXIAL) {
                // the kernels' byte count models the split step; the unsplit solve's traffic varies with its iterations
                double bytes = backend.bytesPerCellStep(r.precision(), 1);
                m.put("bytesPerCellStep", bytes);
                m.put("memoryBandwidthBytesPerSecond", bytes * r.cellStepsPerSecond());
            }
            out.println(Json.write(m).strip());
        } else {
            out.printf(Locale.ROOT, "| %d² | %s | %d | %s | %d | %.3g | %.3g – %.3g | %.0f | %s | %s |%n", r.grid(),
                    r.precision().name().toLowerCase(Locale.ROOT), r.threads(), r.wideAngle().name().toLowerCase(Locale.ROOT), r.steps(),
                    r.cellStepsPerSecond(), r.slowest(), r.fastest(), r.heapBytesPerCell(),
                    r.wideAngle() == WideAngle.PARAXIAL ? "-" : String.format(Locale.ROOT, "%.1f", r.meanIterations()),
                    Double.isNaN(cost) ? "-" : String.format(Locale.ROOT, "%.1fx", cost));
        }
        out.flush();
    }

    /**
     * The GPU table's header (gpu/device-check.sh prints the table): the device's measured copy bandwidth, against which
     * each row's achieved bandwidth is set.
     */
    public static void deviceHeader(PrintWriter out, ComputeBackend gpu, ComputeBackend cpu, double copyBytesPerSecond, int cores) {
        out.printf(Locale.ROOT, "device: %s; measured copy bandwidth %.0f GB/s; CPU: %s%n", gpu.device(), copyBytesPerSecond / 1e9, cpu.device());
        out.println("minimum bytes a step must move per cell: 40 (float) / 80 (double): the field in and out of each half-step and V once");
        out.println("| grid | precision | GPU cell-steps/s | bytes/cell-step | achieved GB/s | of measured bandwidth | CPU cell-steps/s ("
                + cores + " threads) | speed-up |");
        out.println("|---|---|---|---|---|---|---|---|");
        out.flush();
    }

    public static void deviceRow(PrintWriter out, BpmBenchmark.DeviceRow r, double copyBytesPerSecond) {
        double bw = r.bytesPerCellStep() * r.gpu().cellStepsPerSecond();
        out.printf(Locale.ROOT, "| %d² | %s | %.3g | %.0f | %.0f | %.0f %% | %.3g | %.1f× |%n", r.grid(), r.precision().name().toLowerCase(Locale.ROOT),
                r.gpu().cellStepsPerSecond(), r.bytesPerCellStep(), bw / 1e9, 100 * bw / copyBytesPerSecond, r.cpu().cellStepsPerSecond(),
                r.gpu().cellStepsPerSecond() / r.cpu().cellStepsPerSecond());
        out.flush();
    }

    private static String seconds(double s) {
        return s < 0.1 ? String.format(Locale.ROOT, "%.3f ms", s * 1e3) : String.format(Locale.ROOT, "%.3f s", s);
    }
}
