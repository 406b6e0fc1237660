package org.glassguide.solver.fd;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One long-lived worker for the second half of work split in two (the halves of a sparse solve, of a block of vector
 * operations), the caller doing the first half. With two cores the common fork-join pool has parallelism 1, and
 * {@link CompletableFuture#runAsync(Runnable)} then starts a new thread per task: 1,500 threads in one 300^2 mode solve.
 */
final class SecondCore {
    private static final String NAME = "glassguide-second-core";

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, NAME);
        t.setDaemon(true);
        return t;
    });

    private SecondCore() {
    }

    /** Starts the task on the worker; join the result when the caller's own half is done. */
    static CompletableFuture<Void> run(Runnable task) {
        if (Thread.currentThread().getName().equals(NAME)) {
            // already on the worker (work split inside split work): run here rather than wait on ourselves
            task.run();
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(task, WORKER);
    }
}
