package dev.kiln.retry.facade;

import org.hibernate.Session;

/**
 * A unit of work without a result, run by {@link TransactionRunner#run}.
 *
 * <pre>{@code
 * facade.writer().run(ctx, session -> session.persist(ip));
 * }</pre>
 */
@FunctionalInterface
public interface SessionAction {
    void accept(Session session);
}
