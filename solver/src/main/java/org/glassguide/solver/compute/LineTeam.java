package org.glassguide.solver.compute;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one job (member index 0..size-1) at a time and waits for all: the
 * caller is member 0. Coordination is a volatile epoch and a counter, spinning briefly and then
 * parking, so that a z-step's half-steps cost no allocation and little latency.
 */
final class LineTeam implements AutoCloseable {
    private final int size;
    private final Thread[] workers;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int epoch;
    private volatile boolean closed;
    private volatile IntConsumer job;
    private volatile Throwable failure;

    LineTeam(int size) {
        this.size = Math.max(1, size);
        this.workers = new Thread[this.size - 1];
        for (int t = 1; t < this.size; t++) {
            int member = t;
            Thread w = new Thread(() -> work(member), "glassguide-lines-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    int size() {
        return size;
    }

    private void work(int member) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (epoch == seen && !closed) {
                if (++spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
            if (closed) {
                return;
            }
            seen = epoch;
            try {
                job.accept(member);
            } catch (Throwable e) {
                failure = e;
            }
            done.incrementAndGet();
        }
    }

    /** Runs job(member) on every member and returns when all have finished. */
    void run(IntConsumer j) {
        if (size == 1) {
            j.accept(0);
            return;
        }
        job = j;
        done.set(0);
        epoch++;
        Throwable own = null;
        try {
            j.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        int spins = 0;
        while (done.get() < size - 1) {
            if (++spins < 50_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(10_000);
            }
        }
        Throwable f = own != null ? own : failure;
        failure = null;
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
    }

    /** Start of a member's share of n items, in chunks of align (static partition: no work stealing). */
    int from(int member, int n, int align) {
        int chunks = (n + align - 1) / align;
        return Math.min(n, (int) ((long) chunks * member / size) * align);
    }

    /** End (exclusive) of a member's share. */
    int to(int member, int n, int align) {
        return from(member + 1, n, align);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
