package org.glassguide.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.ui.fx.viewmodel.TaskRunner;

import javafx.application.Platform;

/**
 * One background worker thread: the UI never blocks. Progress reaches the UI thread at most every 50 ms; cancel
 * interrupts the worker, whose monitor then throws at its next check; a newer task replaces an older one.
 */
public final class FxTaskRunner extends AbstractTaskRunner {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glassguide-worker");
        t.setDaemon(true);
        return t;
    });
    private Future<?> current;
    private long generation;

    @Override
    public synchronized <T> void run(String name, Work<T> work, Consumer<T> onDone, Consumer<String> onError) {
        cancel();
        long gen = ++generation;
        running.set(true);
        progress.set(-1);
        status.set(name + "...");
        current = worker.submit(() -> {
            long[] last = {0};
            ProgressMonitor monitor = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String stage) {
                    long now = System.nanoTime();
                    if (now - last[0] > 50_000_000L || done >= total) {
                        last[0] = now;
                        double f = total > 0 ? (double) done / total : -1;
                        Platform.runLater(() -> {
                            if (gen == generation) {
                                progress.set(f);
                                status.set(name + ": " + stage);
                            }
                        });
                    }
                }
            };
            try {
                T result = work.run(monitor);
                Platform.runLater(() -> {
                    if (gen == generation) {
                        running.set(false);
                        progress.set(1);
                        status.set(name + ": done");
                        onDone.accept(result);
                    }
                });
            } catch (Exception | StackOverflowError e) {
                String m = TaskRunner.message(e);
                Platform.runLater(() -> {
                    if (gen == generation) {
                        running.set(false);
                        progress.set(0);
                        status.set(name + ": " + m);
                        onError.accept(m);
                    }
                });
            }
        });
    }

    @Override
    public void onUi(Runnable update) {
        Platform.runLater(update);
    }

    @Override
    public synchronized void cancel() {
        if (current != null && !current.isDone()) {
            current.cancel(true);
            generation++;
            running.set(false);
            progress.set(0);
            status.set("cancelled");
        }
    }
}
