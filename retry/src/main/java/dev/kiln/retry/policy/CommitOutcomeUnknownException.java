package dev.kiln.retry.policy;

import org.hibernate.TransactionException;

/**
 * The connection was lost while COMMIT was in flight: the transaction may or may not have committed, and nobody can
 * tell from here. Kiln's facade throws this instead of the disconnect, and no {@link RetryPolicy} retries it, even
 * with {@code retryOnDisconnect}: running the unit of work again could commit it twice. The cause is the error
 * COMMIT failed with.
 *
 * <pre>{@code
 * try {
 *     facade.writer().retry(policy).run(ctx, session -> transfer(session, requestId));
 * } catch (CommitOutcomeUnknownException e) {
 *     // look the outcome up by an idempotency key (here requestId) before doing anything again
 * }
 * }</pre>
 */
public class CommitOutcomeUnknownException extends TransactionException {
    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
