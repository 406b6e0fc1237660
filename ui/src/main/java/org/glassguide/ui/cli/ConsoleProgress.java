package org.glassguide.ui.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.glassguide.solver.ProgressMonitor;

/**
 * A one-line progress bar on standard error, redrawn at most ten times a second, shown only on an
 * interactive terminal (pipes and CI logs stay clean). Cancels when the JVM is shutting down (Ctrl-C).
 */
final class ConsoleProgress implements ProgressMonitor, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;
    private volatile boolean cancelled;

    ConsoleProgress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    static ConsoleProgress forTerminal() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    @Override
    public synchronized void progress(long done, long total, String stage) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        // stay quiet for the first half second: short runs need no bar
        if (now - startNanos < 500_000_000L || now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double f = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        double elapsed = (now - startNanos) * 1e-9;
        out.print(String.format(Locale.ROOT, "\r[%s] %3.0f%% %5.1fs %-40.40s", bar, 100 * f, elapsed, stage));
        out.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
        }
    }
}
