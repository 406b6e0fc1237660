package org.glassguide.ui.fx.viewmodel;

import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs long work off the UI thread with progress, a status line and cancel; view models talk only to this, so tests
 * swap in {@link SynchronousTaskRunner}. Results and errors are delivered on the UI thread (or inline when synchronous).
 */
public interface TaskRunner {
    /** Work that reports progress through the monitor and checks it for cancellation. */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }

    /** Starts the work; a running task is cancelled first. onError receives a readable one-line message. */
    <T> void run(String name, Work<T> work, Consumer<T> onDone, Consumer<String> onError);

    void cancel();

    /** Runs an update on the UI thread (later, from a worker; at once when synchronous): how running work shows partial results. */
    void onUi(Runnable update);

    ReadOnlyBooleanProperty runningProperty();

    /** 0..1, or -1 while the amount of work is unknown. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty statusProperty();

    /** The message a failure shows: GlassGuide's own messages as they are, anything else with its kind. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof org.glassguide.materials.errors.GlassGuideException)) {
            t = t.getCause();
        }
        if (t instanceof ProgressMonitor.CancelledException) {
            return "cancelled";
        }
        String m = t.getMessage();
        return t instanceof org.glassguide.materials.errors.GlassGuideException || t instanceof IllegalArgumentException
                ? m : t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
