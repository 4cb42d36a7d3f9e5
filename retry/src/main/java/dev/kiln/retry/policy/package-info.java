/**
 * Retry policies: when and how often a whole unit of work runs again after a deadlock, a lost connection or an
 * explicit {@link dev.kiln.retry.policy.RetryRequest}, always outside the transaction so that each attempt gets a
 * fresh one.
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().retryOnDeadlock(true).retryOnDisconnect(true).build();
 * facade.writer().retry(policy).run(ctx, session -> transfer(session, from, to, amount));
 * }</pre>
 */
package dev.kiln.retry.policy;
