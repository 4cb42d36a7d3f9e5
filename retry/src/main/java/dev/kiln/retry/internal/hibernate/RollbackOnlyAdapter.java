package dev.kiln.retry.internal.hibernate;

import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.internal.AbstractLogicalConnectionImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalJdbcTransaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

import java.lang.reflect.Field;

/**
 * Takes back Hibernate's rollback-only mark after the facade rolled back to a savepoint. Hibernate marks the
 * resource-local transaction rollback-only whenever it converts an exception, and has no public way to unmark it,
 * because it has no savepoints of its own; after {@code ROLLBACK TO SAVEPOINT} the database transaction is healthy
 * again, and only the mark stands between it and its commit.
 *
 * <p>Internals used: {@code AbstractLogicalConnectionImplementor.status} (a private field holding
 * {@link TransactionStatus#MARKED_ROLLBACK}), reached through the session's
 * {@code JdbcCoordinator.getLogicalConnection().getPhysicalJdbcTransaction()}. Covered by
 * {@code RollbackOnlyAdapterTest}.
 */
public final class RollbackOnlyAdapter {
    private static final Field STATUS;

    static {
        try {
            STATUS = AbstractLogicalConnectionImplementor.class.getDeclaredField("status");
            STATUS.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("Hibernate internals changed: AbstractLogicalConnectionImplementor"
                    + ".status not accessible (" + e + "); savepoints of Kiln's facade need an update");
        }
    }

    private RollbackOnlyAdapter() {
    }

    /** If the session's transaction is marked rollback-only, marks it active again. Returns true if it was marked. */
    public static boolean clearRollbackOnly(Session session) {
        PhysicalJdbcTransaction tx = session.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator()
                .getLogicalConnection().getPhysicalJdbcTransaction();
        if (tx.getStatus() != TransactionStatus.MARKED_ROLLBACK) {
            return false;
        }
        if (!(tx instanceof AbstractLogicalConnectionImplementor)) {
            throw new IllegalStateException("Hibernate internals changed: the JDBC transaction is a "
                    + tx.getClass().getName() + ", not an AbstractLogicalConnectionImplementor");
        }
        try {
            STATUS.set(tx, TransactionStatus.ACTIVE);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }
}
