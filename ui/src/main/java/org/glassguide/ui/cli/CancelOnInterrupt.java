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
        Runtime.getRuntime().addShutdownHook(hook);
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
