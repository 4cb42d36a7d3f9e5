/**
 * The transaction facade: units of work declared as writer, reader or async reader, routed to the primary or a
 * replica, nested by oslo.db's rules, committed or rolled back by the facade, and retried outside the transaction.
 * <pre>{@code
 * TransactionFacade facade = TransactionFacade.builder(sessionFactory).asyncReader(replica).build();
 * TransactionContext ctx = TransactionContext.create();
 * facade.writer().retry(RetryPolicy.builder().retryOnDeadlock(true).build())
 *         .run(ctx, session -> session.persist(ip));
 * long n = facade.asyncReader().call(ctx, session -> count(session));
 * }</pre>
 * Annotation-driven: {@link dev.kiln.retry.facade.Writer}, {@link dev.kiln.retry.facade.Reader},
 * {@link dev.kiln.retry.facade.AsyncReader}, {@link dev.kiln.retry.facade.Retry}, woven by
 * {@link dev.kiln.retry.facade.TransactionFacade#enhance(Class)}.
 */
package dev.kiln.retry.facade;
