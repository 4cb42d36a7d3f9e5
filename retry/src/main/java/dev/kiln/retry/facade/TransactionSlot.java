package dev.kiln.retry.facade;

import org.hibernate.Session;

/**
 * The place in a {@link TransactionContext} where the facade keeps the context's open transaction. Create one per
 * context object and return it from {@link TransactionContext#transactionSlot()}; the facade does the rest.
 *
 * <pre>{@code
 * private final TransactionSlot slot = new TransactionSlot();
 * public TransactionSlot transactionSlot() { return slot; }
 * }</pre>
 *
 * <p>Read and written only by the thread running the context's unit of work; the field is volatile so that another
 * thread that picks the context up afterwards sees that it is free.
 */
public final class TransactionSlot {
    private volatile Frame current;

    public TransactionSlot() {
    }

    /** True while a facade transaction is open on this slot's context. */
    public boolean isActive() {
        return current != null;
    }

    /** The mode of the open transaction (the outermost one joined), or null. */
    public TransactionMode mode() {
        Frame f = current;
        return f == null ? null : f.mode;
    }

    /**
     * The Session of the open transaction.
     *
     * @throws IllegalStateException if none is open
     */
    public Session session() {
        Frame f = current;
        if (f == null) {
            throw new IllegalStateException("No transaction is open on this context: call this inside "
                    + "facade.writer(), reader() or asyncReader() (or a method annotated @Writer / @Reader / @AsyncReader)");
        }
        return f.session;
    }

    /** A description of the open transaction for messages, e.g. {@code "writer() on thread main"}, or "none". */
    public String describe() {
        Frame f = current;
        return f == null ? "none" : f.describe();
    }

    Frame current() {
        return current;
    }

    void enter(Frame frame) {
        current = frame;
    }

    void leave(Frame frame) {
        if (current != frame) {
            throw new IllegalStateException("Transactions on this context ended out of order: expected "
                    + frame.describe() + " but found " + describe());
        }
        current = frame.suspended;
    }
}
