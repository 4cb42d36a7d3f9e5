package dev.kiln.retry;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Entry points to Kiln's error rewriting without Hibernate, and helpers to find a Kiln exception wherever it is
 * wrapped.
 *
 * <pre>{@code
 * // JDBC / Jdbi
 * } catch (SQLException e) {
 *     throw DbErrors.translate(e, DbBackend.POSTGRESQL).asException();
 * }
 *
 * // Anywhere: JPA wraps Hibernate's exceptions in PersistenceException, commit failures come inside a
 * // TransactionException or RollbackException, Spring wraps in DataAccessException.
 * if (DbErrors.isDeadlock(throwable)) { retry(); }
 * DbErrors.find(throwable).ifPresent(error -> log.warn("{} {}", error.getBackend(), error.getSQLState()));
 * }</pre>
 */
public final class DbErrors {
    private static final int MAX_CAUSES = 32;
    private static final Map<DbBackend, DbErrorTranslator> DEFAULTS = new EnumMap<>(DbBackend.class);

    static {
        for (DbBackend b : DbBackend.values()) {
            DEFAULTS.put(b, DbErrorTranslator.builder(b).build());
        }
    }

    private DbErrors() {
    }

    /**
     * The Kiln exception for {@code e} under {@code backend}'s rules. Never throws, never returns null (see
     * {@link DbErrorTranslator#translate(SQLException, String)}).
     */
    public static DbError translate(SQLException e, DbBackend backend) {
        return translator(backend).translate(e, null);
    }

    /** {@link #translate(SQLException, DbBackend)} with the SQL that failed. */
    public static DbError translate(SQLException e, DbBackend backend, String sql) {
        return translator(backend).translate(e, sql);
    }

    /** {@link #translate(SQLException, DbBackend)} with the backend {@linkplain DbBackend#detect detected} from {@code e}. */
    public static DbError translate(SQLException e) {
        return translate(e, DbBackend.detect(e));
    }

    /** The shared translator for {@code backend} (no constraint catalog); OTHER's for null. */
    public static DbErrorTranslator translator(DbBackend backend) {
        return DEFAULTS.get(backend == null ? DbBackend.OTHER : backend);
    }

    /**
     * The first Kiln exception in {@code t} and its causes (a bounded, cycle-safe walk), including the translation
     * a {@link DbTransactionException} carries, if any.
     */
    public static Optional<DbError> find(Throwable t) {
        Throwable x = t;
        for (int depth = 0; x != null && depth < MAX_CAUSES; depth++) {
            if (x instanceof DbError error) {
                return Optional.of(error);
            }
            if (x instanceof DbTransactionException tx) {
                return Optional.of(tx.getDbError());
            }
            Throwable cause = x.getCause();
            x = cause == x ? null : cause;
        }
        return Optional.empty();
    }

    /** True if {@code t} is or wraps a Kiln exception that {@linkplain DbError#isDisconnect() is a disconnect}. */
    public static boolean isDisconnect(Throwable t) {
        return find(t).map(DbError::isDisconnect).orElse(false);
    }

    /** True if {@code t} is or wraps a Kiln exception that {@linkplain DbError#isDeadlock() is a deadlock}. */
    public static boolean isDeadlock(Throwable t) {
        return find(t).map(DbError::isDeadlock).orElse(false);
    }
}
