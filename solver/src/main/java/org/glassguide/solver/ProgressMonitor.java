package org.glassguide.solver;

/** Receives progress of long computations and lets a caller cancel them. Implementations must be thread-safe. */
public interface ProgressMonitor {
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total, String stage) {
        }
    };

    /** Called with work done so far out of a total for the named stage. */
    void progress(long done, long total, String stage);

    /** Polled between work items; a true answer stops the computation with {@link CancelledException}. */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Thrown when a computation stops because its monitor asked it to. */
    final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled");
        }
    }
}
