package dev.kiln.retry.facade;

import org.hibernate.Session;

/**
 * The object a unit of work's Session is attached to, as oslo.db attaches it to the request context. Any object
 * can be one: it only has to hand out its own {@link TransactionSlot}, always the same one.
 *
 * <pre>{@code
 * public final class RequestContext implements TransactionContext {
 *     private final TransactionSlot slot = new TransactionSlot();
 *     private final String projectId;
 *     ...
 *     public TransactionSlot transactionSlot() { return slot; }
 * }
 *
 * facade.writer().run(requestContext, session -> session.persist(ip));
 * // inside, anything that has the context reaches the session:
 * Session session = requestContext.session();
 * }</pre>
 *
 * <p>Without an explicit context the facade uses the {@linkplain #implicit() current thread's} (one per platform
 * or virtual thread). A context serves one thread at a time: using it on a second thread while a transaction of the
 * first is open is refused.
 */
public interface TransactionContext {

    /** Where the facade keeps this context's open transaction. Must return the same slot on every call. */
    TransactionSlot transactionSlot();

    /**
     * The Session of the transaction open on this context.
     *
     * @throws IllegalStateException if none is open
     */
    default Session session() {
        return transactionSlot().session();
    }

    /**
     * A value of {@code type} this context carries for {@link SessionPreparer}s, or null. For example a context
     * returning a {@code dev.kiln.softdelete.CriteriaContext} here has it set on every Session the facade opens.
     */
    default <T> T attribute(Class<T> type) {
        return null;
    }

    /** The current thread's context (each platform or virtual thread has its own; child threads do not inherit it). */
    static TransactionContext implicit() {
        return ImplicitContext.current();
    }

    /**
     * A new context carrying {@code attributes} ({@link #attribute(Class)} returns the first that is an instance
     * of the requested type), e.g. {@code TransactionContext.create(CriteriaContext.project("p-42"))}.
     */
    static TransactionContext create(Object... attributes) {
        return new BasicContext(attributes);
    }
}
