package org.glassguide.ui.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.glassguide.solver.ProgressMonitor;

/**
 * Progress on standard error. On an interactive terminal: a one-line bar, redrawn at most ten times a second after
 * the first half second. Elsewhere (a pipe, a log file, CI): a plain line every few seconds once a run has lasted
 * that long — the stage, the fraction done, the time elapsed and an estimate of the time left — from a daemon
 * thread, so a redirected long run is never silent even inside one long stage, and a short one prints nothing.
 * Cancels when the JVM is shutting down (Ctrl-C).
 */
final class ConsoleProgress implements ProgressMonitor, AutoCloseable {
    private static final int WIDTH = 30;
    /** Seconds between progress lines when standard error is not a terminal. */
    static final double LOG_INTERVAL_S = 5;
    private final PrintStream out;
    private final boolean terminal;
    private final double logInterval;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;
    private volatile boolean cancelled;
    private long lastDone;
    private long lastTotal;
    private String lastStage;
    private Thread ticker;
    private boolean closed;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this(out, terminal, LOG_INTERVAL_S);
    }

    ConsoleProgress(PrintStream out, boolean terminal, double logIntervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.logInterval = logIntervalSeconds;
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
        long now = System.nanoTime();
        if (!terminal) {
            lastDone = done;
            lastTotal = total;
            lastStage = stage;
            if (ticker == null && !closed && done < total) {
                ticker = new Thread(this::tick, "glassguide-progress");
                ticker.setDaemon(true);
                ticker.start();
            }
            return;
        }
        // stay quiet for the first half second: short runs need no bar
        if (now - startNanos < 500_000_000L || now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double f = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        double elapsed = (now - startNanos) * 1e-9;
        int filled = (int) Math.round(f * WIDTH);
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        out.print(String.format(Locale.ROOT, "\r[%s] %3.0f%% %5.1fs %-40.40s", bar, 100 * f, elapsed, stage));
        out.flush();
        drawn = true;
    }

    /** The log-line loop: a line per interval while the run lasts. */
    private void tick() {
        long sleepMs = (long) (logInterval * 1000);
        while (true) {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                double elapsed = (System.nanoTime() - startNanos) * 1e-9;
                double f = lastTotal <= 0 ? 0 : Math.min(1.0, (double) lastDone / lastTotal);
                String left = f > 0.01 && f < 1 ? String.format(Locale.ROOT, ", about %.0f s left", elapsed * (1 - f) / f) : "";
                out.println(String.format(Locale.ROOT, "progress: %s, %.0f %% done, %.0f s elapsed%s", lastStage, 100 * f, elapsed, left));
                out.flush();
            }
        }
    }

    /**
     * Erases the bar (on a terminal) so that a line written to standard output next, on the same terminal, starts on a
     * clean line; the next progress call draws the bar again.
     */
    synchronized void clearLine() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
            drawn = false;
            lastDraw = 0;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.interrupt();
        }
        clearLine();
    }
}
