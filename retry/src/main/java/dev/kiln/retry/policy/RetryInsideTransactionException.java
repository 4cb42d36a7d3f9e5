package dev.kiln.retry.policy;

/**
 * A retry was asked for inside a transaction that is already open. Retrying there cannot work: after a deadlock or
 * a lost connection the transaction is rolled back (Hibernate says its Session must be discarded, PostgreSQL answers
 * {@code 25P02} to every further statement), so the retry must sit <em>outside</em> the transaction and start a
 * fresh one per attempt.
 *
 * <pre>{@code
 * // wrong: retry inside an open transaction
 * facade.writer().run(ctx, s -> policy.call(() -> ...));          // throws RetryInsideTransactionException
 * // right: the policy starts each attempt's transaction
 * facade.writer().retry(policy).run(ctx, s -> ...);
 * }</pre>
 */
public class RetryInsideTransactionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** {@code where} names the retry decorator and {@code transaction} the transaction found open. */
    public RetryInsideTransactionException(String where, String transaction) {
        super(where + " was asked to retry inside an already open transaction (" + transaction + "). Each attempt "
                + "must run in a fresh transaction: order the retry OUTSIDE the transaction (Kiln facade: "
                + "writer().retry(policy); Spring: give the retry advisor a higher precedence than "
                + "@Transactional, e.g. Ordered.HIGHEST_PRECEDENCE), or remove the retry from the inner method.");
    }
}
