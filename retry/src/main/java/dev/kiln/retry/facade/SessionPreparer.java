package dev.kiln.retry.facade;

import org.hibernate.Session;

/**
 * Prepares each Session the facade opens, before its transaction begins and before the first query: the hook by
 * which other modules take settings from the {@link TransactionContext}. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.kiln.retry.facade.SessionPreparer}) and added with
 * {@link TransactionFacade.Builder#sessionPreparer}.
 *
 * <p>Kiln ships one: when {@code kiln-soft-delete} is on the class path, a context whose
 * {@link TransactionContext#attribute attribute(CriteriaContext.class)} is not null has that criteria context set
 * on every Session with {@code SoftDelete.setContext} (kiln-retry does not depend on kiln-soft-delete).
 *
 * <pre>{@code
 * TransactionFacade facade = TransactionFacade.builder(sessionFactory)
 *         .sessionPreparer((session, ctx, mode) -> session.setJdbcBatchSize(50))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface SessionPreparer {
    /** Called once per new Session (joined units of work share their outer one's). */
    void prepare(Session session, TransactionContext context, TransactionMode mode);
}
