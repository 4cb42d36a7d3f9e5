package dev.kiln.retry.policy;

/**
 * Thrown by a unit of work to ask the {@link RetryPolicy} around it for another attempt, whatever its predicates
 * say (oslo.db's {@code RetryRequest}). The transaction it was thrown in rolls back first, as for any exception.
 *
 * <pre>{@code
 * facade.writer().retry(policy).run(ctx, session -> {
 *     Quota quota = session.find(Quota.class, projectId);
 *     if (quota.isBeingRecalculated()) {
 *         throw new RetryRequest("quota of " + projectId + " is being recalculated");
 *     }
 *     quota.use(1);
 * });
 * }</pre>
 *
 * <p>When the attempts run out, the policy throws the {@linkplain #getCause() cause} if there is one (as oslo.db
 * re-raises the inner exception), otherwise this exception.
 */
public class RetryRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A retry request with a reason, for the log. */
    public RetryRequest(String reason) {
        super(reason);
    }

    /** A retry request because of {@code cause}, which is thrown if the attempts run out. */
    public RetryRequest(String reason, Throwable cause) {
        super(reason, cause);
    }
}
