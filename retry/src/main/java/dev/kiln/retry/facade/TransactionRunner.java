package dev.kiln.retry.facade;

import dev.kiln.retry.policy.RetryPolicy;

import java.util.Objects;

/**
 * A declared unit of work: its {@linkplain TransactionMode mode}, how it nests, and its retry policy. Immutable:
 * each modifier returns a new runner, so runners can be kept in constants and shared between threads.
 *
 * <pre>{@code
 * private static final RetryPolicy DEADLOCKS = RetryPolicy.builder().retryOnDeadlock(true).build();
 *
 * Long id = facade.writer().retry(DEADLOCKS).call(ctx, session -> {
 *     FloatingIp ip = new FloatingIp();
 *     ip.setAddress(address);
 *     session.persist(ip);
 *     return ip.getId();
 * });
 * facade.reader().run(session -> log(session.find(FloatingIp.class, id)));   // the current thread's context
 * facade.writer().independent().run(ctx, session -> audit(session, id));      // own transaction, commits now
 * facade.writer().savepoint().run(ctx, session -> tryOptionalInsert(session)); // rolls back alone on failure
 * }</pre>
 *
 * <h2>Nesting</h2>
 * A unit of work started while another is open on the same context joins it (same Session, same transaction)
 * where that is sound: anything inside a writer; readers and async readers inside a reader; an async reader, or a
 * reader that {@linkplain #allowAsync() allows async}, inside an async reader. Anything else is refused with a
 * {@link TransactionNestingException}. {@link #independent()} runs in a new transaction of its own instead;
 * {@link #savepoint()} joins within a savepoint. Only the outermost unit of work commits (writers) or rolls back
 * (readers), and only the outermost one {@linkplain #retry retries}: a retryable error inside a joined unit
 * propagates untouched to the outermost one, whose whole transaction then runs again.
 */
public final class TransactionRunner {
    private final TransactionFacade facade;
    private final TransactionMode mode;
    private final boolean independent;
    private final boolean savepoint;
    private final boolean allowAsync;
    private final RetryPolicy retry;

    TransactionRunner(TransactionFacade facade, TransactionMode mode, boolean independent, boolean savepoint,
                      boolean allowAsync, RetryPolicy retry) {
        this.facade = facade;
        this.mode = mode;
        this.independent = independent;
        this.savepoint = savepoint;
        this.allowAsync = allowAsync;
        this.retry = retry;
    }

    /**
     * Runs in a new Session and transaction of its own, even inside another unit of work; the outer one is set
     * aside meanwhile and is the context's transaction again afterwards. A writer commits at its own end.
     */
    public TransactionRunner independent() {
        return new TransactionRunner(facade, mode, true, savepoint, allowAsync, retry);
    }

    /**
     * Inside another unit of work: joins it within a savepoint, so that a failure rolls back only this block
     * (the exception still propagates). The Session is flushed before the savepoint and after the block; after a
     * rollback to the savepoint the persistence context is cleared, since entities in memory may no longer match
     * the rows. At the outermost level it is an ordinary transaction.
     */
    public TransactionRunner savepoint() {
        return new TransactionRunner(facade, mode, independent, true, allowAsync, retry);
    }

    /** For a reader: it may join an async reader's transaction (oslo.db's {@code allow_async}). */
    public TransactionRunner allowAsync() {
        if (mode != TransactionMode.READER) {
            throw new IllegalStateException("allowAsync() is for reader(); " + mode.declaration()
                    + " cannot run on an asynchronous replica");
        }
        return new TransactionRunner(facade, mode, independent, savepoint, true, retry);
    }

    /**
     * Runs the whole unit of work again, in a fresh Session and transaction, when {@code policy} says so. Applies
     * only where this unit of work starts its own transaction (outermost, or {@link #independent()}).
     */
    public TransactionRunner retry(RetryPolicy policy) {
        return new TransactionRunner(facade, mode, independent, savepoint, allowAsync,
                Objects.requireNonNull(policy, "policy"));
    }

    /** Runs {@code work} on {@code context} and returns its result. */
    public <T> T call(TransactionContext context, SessionWork<T> work) {
        return facade.execute(this, Objects.requireNonNull(context, "context"), Objects.requireNonNull(work, "work"));
    }

    /** Runs {@code work} on the current thread's {@linkplain TransactionContext#implicit() implicit context}. */
    public <T> T call(SessionWork<T> work) {
        return call(TransactionContext.implicit(), work);
    }

    /** Runs {@code work} on {@code context}. */
    public void run(TransactionContext context, SessionAction work) {
        Objects.requireNonNull(work, "work");
        call(context, session -> {
            work.accept(session);
            return null;
        });
    }

    /** Runs {@code work} on the current thread's implicit context. */
    public void run(SessionAction work) {
        run(TransactionContext.implicit(), work);
    }

    public TransactionMode mode() {
        return mode;
    }

    public boolean isIndependent() {
        return independent;
    }

    public boolean isSavepoint() {
        return savepoint;
    }

    public boolean isAllowAsync() {
        return allowAsync;
    }

    /** The retry policy, or null. */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    String declaration() {
        return mode.declaration() + (allowAsync ? ".allowAsync()" : "") + (independent ? ".independent()" : "")
                + (savepoint ? ".savepoint()" : "");
    }

    @Override
    public String toString() {
        return declaration() + (retry == null ? "" : ".retry(" + retry + ")");
    }
}
