package dev.kiln.retry.facade;

import org.hibernate.Session;

/**
 * A unit of work that returns a result, run by {@link TransactionRunner#call}.
 *
 * <pre>{@code
 * SessionWork<Long> count = session -> session.createSelectionQuery("select count(*) from FloatingIp", Long.class)
 *         .getSingleResult();
 * long n = facade.reader().call(ctx, count);
 * }</pre>
 */
@FunctionalInterface
public interface SessionWork<T> {
    T apply(Session session);
}
