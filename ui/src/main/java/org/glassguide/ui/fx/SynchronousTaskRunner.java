package org.glassguide.ui.fx;

import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.ui.fx.viewmodel.TaskRunner;

/** Runs work inline on the calling thread: for view-model tests and scripted screenshots. */
public final class SynchronousTaskRunner extends AbstractTaskRunner {

    @Override
    public <T> void run(String name, Work<T> work, Consumer<T> onDone, Consumer<String> onError) {
        running.set(true);
        status.set(name);
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String stage) {
                progress.set(total > 0 ? (double) done / total : -1);
            }
        };
        T result;
        try {
            result = work.run(monitor);
        } catch (Exception e) {
            running.set(false);
            status.set(name + ": " + TaskRunner.message(e));
            onError.accept(TaskRunner.message(e));
            return;
        }
        running.set(false);
        progress.set(1);
        status.set(name + ": done");
        onDone.accept(result);
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }

    @Override
    public void cancel() {
        // nothing runs in the background
    }
}
