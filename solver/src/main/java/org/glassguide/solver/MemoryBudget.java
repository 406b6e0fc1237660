package org.glassguide.solver;

import java.util.Locale;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/**
 * The check every solver makes before its large allocations: the estimated bytes against what this Java process may
 * still use. A run that cannot fit stops at once with the need and the heap in one line, instead of dying minutes
 * later with an OutOfMemoryError.
 */
public final class MemoryBudget {
    /** Head room left for the JVM, the reports and everything else that is not the solver's arrays. */
    static final double USABLE_FRACTION = 0.85;

    private MemoryBudget() {
    }

    /** Bytes this process may still allocate (max heap minus what is in use). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Refuses a computation whose estimate exceeds the memory left.
     *
     * @param what   the computation and its size, e.g. "the BPM grid 20000 x 20000"
     * @param bytes  the estimate (a double: sizes beyond long are refused too); NaN or infinity is refused
     * @param advice what to change, e.g. "use a coarser grid or a smaller window"
     */
    public static void require(String what, double bytes, String advice) {
        long avail = available();
        if (!(bytes <= USABLE_FRACTION * avail)) {
            // the figure quoted is the part a solver may take (the rest is head room), so that need and limit compare as stated
            throw new GlassGuideException(Messages.NOT_ENOUGH_MEMORY, what, size(bytes), size(USABLE_FRACTION * avail),
                    advice + " (or give Java more memory: GLASSGUIDE_JAVA_OPTS=-Xmx<size>)");
        }
    }

    /** A byte count for people: "3.2 GiB", "12 MiB"; beyond any machine, a power of ten. */
    public static String size(double bytes) {
        if (!Double.isFinite(bytes)) {
            return "an unbounded amount";
        }
        if (bytes >= 1L << 50) {
            return String.format(Locale.ROOT, "%.1e bytes", bytes);
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f KiB", Math.max(1, bytes / 1024));
    }
}
