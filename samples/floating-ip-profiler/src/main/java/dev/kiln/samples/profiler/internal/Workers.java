package dev.kiln.samples.profiler.internal;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.OperationInput;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs operations on N workers that take the next input from a shared counter, and measures wall time and the bytes
 * the workers allocated ({@code com.sun.management.ThreadMXBean}, per thread; -1 where the JVM does not count, e.g.
 * virtual threads). One platform worker runs on the calling thread.
 */
public final class Workers {
    private static final com.sun.management.ThreadMXBean THREADS = threadBean();

    private Workers() {
    }

    /**
     * What a run did.
     *
     * @param ops            operations completed
     * @param nanos          wall time from the first start to the last finish
     * @param allocatedBytes bytes allocated by the workers, or -1 if not measurable
     */
    public record Run(int ops, long nanos, long allocatedBytes) {
    }

    /** Progress callback, called by workers; must be cheap and thread-safe. */
    @FunctionalInterface
    public interface Tick {
        Tick NONE = n -> { };

        void done(int opsSoFar);
    }

    /**
     * Runs {@code inputs} (all of them, or as many as fit before {@code deadlineNanos}, a {@link System#nanoTime()}
     * value; {@code Long.MAX_VALUE} for none) on {@code threads} workers.
     *
     * @throws Exception the first failure of any operation (the others stop)
     */
    public static Run run(Operation op, OperationInput[] inputs, int threads, ThreadKind kind, long deadlineNanos,
                          Tick tick) throws Exception {
        if (threads == 1 && kind == ThreadKind.PLATFORM) {
            return runHere(op, inputs, deadlineNanos, tick);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder allocated = new LongAdder();
        AtomicInteger unmeasured = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            workers.add(kind.newThread(() -> {
                try {
                    start.await();
                    long before = allocatedHere();
                    int i;
                    while (failure.get() == null && (i = next.getAndIncrement()) < inputs.length
                            && System.nanoTime() < deadlineNanos) {
                        op.run(inputs[i]);
                        tick.done(completed.incrementAndGet());
                    }
                    long after = allocatedHere();
                    if (before < 0 || after < 0) {
                        unmeasured.incrementAndGet();
                    } else {
                        allocated.add(after - before);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "kiln-profiler-worker-" + w));
        }
        workers.forEach(Thread::start);
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long nanos = System.nanoTime() - t0;
        Throwable f = failure.get();
        if (f instanceof Exception) {
            throw (Exception) f;
        }
        if (f != null) {
            throw new IllegalStateException("A worker failed", f);
        }
        return new Run(completed.get(), nanos, unmeasured.get() > 0 ? -1 : allocated.sum());
    }

    private static Run runHere(Operation op, OperationInput[] inputs, long deadlineNanos, Tick tick) throws Exception {
        long before = allocatedHere();
        long t0 = System.nanoTime();
        int i = 0;
        for (; i < inputs.length; i++) {
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() >= deadlineNanos) {
                break;
            }
            op.run(inputs[i]);
            tick.done(i + 1);
        }
        long nanos = System.nanoTime() - t0;
        long after = allocatedHere();
        return new Run(i, nanos, before < 0 || after < 0 ? -1 : after - before);
    }

    /** Bytes allocated so far by the current thread, or -1. */
    static long allocatedHere() {
        if (THREADS == null) {
            return -1;
        }
        try {
            return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean b = (com.sun.management.ThreadMXBean) bean;
            if (b.isThreadAllocatedMemorySupported()) {
                b.setThreadAllocatedMemoryEnabled(true);
                return b;
            }
        }
        return null;
    }
}
