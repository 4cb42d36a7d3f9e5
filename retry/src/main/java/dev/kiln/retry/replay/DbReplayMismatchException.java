package dev.kiln.retry.replay;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;

/**
 * The connection was lost inside a transaction and replaying it on a new connection did not give what the application
 * had already seen: a row read changed (another transaction wrote it in between), an update count or a generated key
 * differs, or a statement failed where it had succeeded. The transaction is gone; the unit of work must run again from
 * the start. The {@linkplain #getCause() cause} is the original disconnect.
 *
 * <p>A {@link SQLTransactionRollbackException} with SQLState {@code 40001} (serialization failure): that is what it
 * is, a conflict with a concurrent writer, and it is how Hibernate and Kiln's translation see it (a
 * {@code DbDeadlockException}, {@code isDeadlock()} true, so a retry policy runs the unit of work again). Where it is
 * wrapped, {@link #find(Throwable)} finds it:
 * <pre>{@code
 * } catch (RuntimeException e) {
 *     DbReplayMismatchException.find(e).ifPresent(m ->
 *             log.warn("replay refused at statement {} ({}): {}", m.getStatementIndex(), m.getSql(), m.getDifference()));
 * }
 * }</pre>
 */
public final class DbReplayMismatchException extends SQLTransactionRollbackException {
    private static final long serialVersionUID = 1L;
    private final int statementIndex;
    private final String sql;
    private final String difference;

    /** Created by Kiln's replay; public for tests and custom integrations. */
    public DbReplayMismatchException(int statementIndex, String sql, String difference, SQLException disconnect) {
        super("Kiln could not replay the transaction after the connection was lost: statement #" + statementIndex
                + " (" + abbreviate(sql) + ") " + difference
                + ". The data changed since it was first read, so the transaction was abandoned; run the unit of work again.",
                "40001", 0, disconnect);
        this.statementIndex = statementIndex;
        this.sql = sql;
        this.difference = difference;
    }

    /** 1-based position of the diverging statement in the transaction. */
    public int getStatementIndex() {
        return statementIndex;
    }

    /** The diverging statement's SQL. */
    public String getSql() {
        return sql;
    }

    /** What differed, e.g. {@code "row 2 of the result differs from what the application read"}. */
    public String getDifference() {
        return difference;
    }

    /** The first {@code DbReplayMismatchException} in {@code t} and its causes. */
    public static Optional<DbReplayMismatchException> find(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DbReplayMismatchException m) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static String abbreviate(String sql) {
        if (sql == null) {
            return "?";
        }
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
