package dev.kiln.retry.facade;

/** The per-thread context; a ThreadLocal is per virtual thread too, and is not inherited by child threads. */
final class ImplicitContext implements TransactionContext {
    private static final ThreadLocal<ImplicitContext> CURRENT = ThreadLocal.withInitial(ImplicitContext::new);

    private final TransactionSlot slot = new TransactionSlot();

    static ImplicitContext current() {
        return CURRENT.get();
    }

    @Override
    public TransactionSlot transactionSlot() {
        return slot;
    }

    @Override
    public String toString() {
        return "implicit context of " + Thread.currentThread();
    }
}
