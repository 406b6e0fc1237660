package org.glassguide.ui.cli;

/**
 * Ctrl-C (SIGINT, SIGTERM) while a command computes: a shutdown hook cancels the progress monitor
 * and waits for the command's thread to finish its clean-up (remove a partial folder, or write what
 * was computed); closing removes the hook.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final Thread hook;

    CancelOnInterrupt(ConsoleProgress progress, long waitMillis) {
        Thread main = Thread.currentThread();
        hook = new Thread(() -> {
            GlassGuideCli.shuttingDown = true;
            progress.cancel();
            try {
                main.join(waitMillis);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shutdownStarted) {
            // the signal came before the work began: nothing was written, stop as a cancellation
            GlassGuideCli.shuttingDown = true;
            throw new org.glassguide.solver.ProgressMonitor.CancelledException();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already running: it is waiting for us
        }
    }
}
