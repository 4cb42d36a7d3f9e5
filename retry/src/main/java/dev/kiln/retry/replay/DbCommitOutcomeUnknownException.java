package dev.kiln.retry.replay;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;

/**
 * The connection was lost during COMMIT and Kiln cannot tell whether the transaction committed: no
 * {@linkplain ReplayConfig#commitGuard() COMMIT guard} is configured, or the guard check itself failed or timed out
 * (the lost transaction may still hold its locks on the server). The transaction may or may not be durable: do
 * <em>not</em> blindly run it again; check the data, or use an idempotent unit of work.
 *
 * <p>SQLState {@code 08007}, the standard's "connection failure during transaction, transaction resolution unknown".
 * The {@linkplain #getCause() cause} is the error COMMIT got. Through Hibernate it arrives inside a
 * {@code DbTransactionException}; {@link #find(Throwable)} finds it anywhere:
 * <pre>{@code
 * try {
 *     tx.commit();
 * } catch (RuntimeException e) {
 *     if (DbCommitOutcomeUnknownException.find(e).isPresent()) { reconcile(order); } else { throw e; }
 * }
 * }</pre>
 */
public final class DbCommitOutcomeUnknownException extends SQLNonTransientConnectionException {
    private static final long serialVersionUID = 1L;

    /** Created by Kiln's replay; public for tests and custom integrations. */
    public DbCommitOutcomeUnknownException(String reason, SQLException commitFailure) {
        super("The connection was lost during COMMIT and the outcome is unknown: " + reason
                + ". The transaction may or may not have committed; do not run it again blindly.", "08007", 0, commitFailure);
    }

    /** The first {@code DbCommitOutcomeUnknownException} in {@code t} and its causes. */
    public static Optional<DbCommitOutcomeUnknownException> find(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DbCommitOutcomeUnknownException u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
