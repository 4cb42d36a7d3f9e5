package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbDeadlockException.Reason;
import dev.kiln.retry.replay.DbReplayMismatchException;

import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.DbException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * The translation engine behind {@link dev.kiln.retry.DbErrorTranslator} and the Hibernate integration: backend rules,
 * then the standard rules, then (inside Hibernate) Hibernate's own conversion for errors no rule knows, so that the
 * result is always an instance of what Hibernate would have thrown. Immutable and thread-safe; never throws.
 */
public final class ErrorClassifier {
    /** Messages longer than this are read only up to here: every fact the rules read sits near the start. */
    static final int MAX_MESSAGE = 64 * 1024;

    /** Hibernate's own conversion of an error, consulted only for errors no Kiln rule recognises. */
    @FunctionalInterface
    public interface Fallback {
        JDBCException convert(SQLException e, String message, String sql);
    }

    private final DbBackend backend;
    private final BackendRules rules;
    private final ConstraintCatalog catalog;

    public ErrorClassifier(DbBackend backend, ConstraintCatalog catalog) {
        this.backend = backend == null ? DbBackend.OTHER : backend;
        this.rules = rulesFor(this.backend);
        this.catalog = catalog == null ? ConstraintCatalog.empty() : catalog;
    }

    private static BackendRules rulesFor(DbBackend backend) {
        return switch (backend) {
            case H2 -> new H2Rules();
            case MYSQL, MARIADB -> new MySqlRules();
            case POSTGRESQL -> new PostgresRules();
            case OTHER -> BackendRules.NONE;
        };
    }

    public DbBackend backend() {
        return backend;
    }

    public ConstraintCatalog catalog() {
        return catalog;
    }

    /**
     * Translates {@code e}. Returns a Kiln exception, except inside Hibernate when Hibernate chose an exception class
     * Kiln has no counterpart for: then Hibernate's exception is returned unchanged.
     *
     * @param message the context message (Hibernate's, or the driver's message standalone)
     * @param fallback Hibernate's conversion, or null standalone
     */
    public JDBCException translate(SQLException e, String message, String sql, Fallback fallback) {
        SQLException error = e != null ? e : new SQLException("No SQLException was given to translate");
        String text = message != null ? message : SqlStates.message(error);
        try {
            ErrorFacts f = classify(error);
            if (f.kind == ErrorKind.UNKNOWN || fallback != null && f.fromStandardRules) {
                JDBCException hibernate = fallback == null ? null : hibernate(fallback, error, text, sql);
                if (hibernate != null) {
                    ErrorKind kind = ExceptionFactory.kindOf(hibernate);
                    if (kind == null) {
                        return hibernate;
                    }
                    if (kind != f.kind) {
                        f = hibernateFacts(hibernate, kind, error);
                    }
                }
            }
            ConstraintResolver.resolve(f, backend, catalog, sql);
            return ExceptionFactory.create(f, text, error, sql, backend).asException();
        } catch (RuntimeException | StackOverflowError bug) {
            DbException fallbackError = new DbException(text, error, sql, backend);
            fallbackError.addSuppressed(bug);
            return fallbackError;
        }
    }

    /**
     * Hibernate's answer, or null if its converter fails: its constraint name extractors read the message without a
     * null check, for one. Kiln's own classification then stands.
     */
    private static JDBCException hibernate(Fallback fallback, SQLException e, String message, String sql) {
        try {
            return fallback.convert(e, message, sql);
        } catch (RuntimeException hibernateFailed) {
            return null;
        }
    }

    /** Runs the backend rules, then the standard rules. Never throws for a non-null exception. */
    ErrorFacts classify(SQLException error) {
        SQLException e = informative(error);
        String state = SqlStates.sqlState(e);
        String message = SqlStates.message(e);
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        ErrorFacts f = new ErrorFacts();
        if (e instanceof DbReplayMismatchException) {
            // Kiln's own error, the same on every backend: a concurrent writer changed what the lost transaction had
            // read. Classified here so that no dialect's guess (MySQL's, H2's) turns it into a non-retryable lock error.
            f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.SERIALIZATION_FAILURE;
            return f;
        }
        rules.classify(e, state, message, f);
        if (f.kind == ErrorKind.UNKNOWN) {
            StandardRules.classify(e, state, f);
            f.fromStandardRules = f.kind != ErrorKind.UNKNOWN;
        }
        return f;
    }

    /**
     * The exception that describes the failure: a batch failure's next exception (pgjdbc: the server error with its
     * structured fields) or SQLException cause (mysql-connector-j), else the exception itself.
     */
    private static SQLException informative(SQLException e) {
        if (e instanceof BatchUpdateException) {
            SQLException next = e.getNextException();
            if (next != null && next != e) {
                return next;
            }
            if (e.getCause() instanceof SQLException cause && cause != e) {
                return cause;
            }
        }
        return e;
    }

    private static ErrorFacts hibernateFacts(JDBCException hibernate, ErrorKind kind, SQLException e) {
        ErrorFacts f = new ErrorFacts().kind(kind);
        if (hibernate instanceof ConstraintViolationException cve) {
            f.reportedConstraint = cve.getConstraintName();
        }
        if (kind == ErrorKind.CONNECTION) {
            f.refused = StandardRules.isRefusal(e, SqlStates.sqlState(e));
        }
        if (kind == ErrorKind.DATA) {
            StandardRules.data(f, SqlStates.sqlState(e));
        }
        return f;
    }
}
