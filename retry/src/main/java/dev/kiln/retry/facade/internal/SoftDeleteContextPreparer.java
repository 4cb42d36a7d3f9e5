package dev.kiln.retry.facade.internal;

import dev.kiln.retry.facade.SessionPreparer;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.TransactionMode;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Sets the soft-delete criteria context a {@link TransactionContext} carries
 * ({@code context.attribute(CriteriaContext.class)}) on every Session the facade opens, with
 * {@code SoftDelete.setContext}. kiln-retry does not depend on kiln-soft-delete: both are looked up once by name,
 * and this preparer does nothing when kiln-soft-delete is absent. Registered with {@link java.util.ServiceLoader}.
 */
public final class SoftDeleteContextPreparer implements SessionPreparer {
    private static final Class<?> CRITERIA_CONTEXT;
    private static final MethodHandle SET_CONTEXT;

    static {
        Class<?> type = null;
        MethodHandle set = null;
        try {
            ClassLoader loader = SoftDeleteContextPreparer.class.getClassLoader();
            type = Class.forName("dev.kiln.softdelete.CriteriaContext", false, loader);
            Class<?> softDelete = Class.forName("dev.kiln.softdelete.SoftDelete", true, loader);
            set = MethodHandles.publicLookup().findStatic(softDelete, "setContext",
                    MethodType.methodType(void.class, SharedSessionContract.class, type));
        } catch (ClassNotFoundException e) {
            type = null; // kiln-soft-delete is not on the class path
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("kiln-soft-delete is present but SoftDelete.setContext("
                    + "SharedSessionContract, CriteriaContext) is not: versions of kiln-retry and kiln-soft-delete "
                    + "do not match (" + e + ")");
        }
        CRITERIA_CONTEXT = type;
        SET_CONTEXT = set;
    }

    /** True if kiln-soft-delete was found. */
    public static boolean isActive() {
        return SET_CONTEXT != null;
    }

    @Override
    public void prepare(Session session, TransactionContext context, TransactionMode mode) {
        if (SET_CONTEXT == null) {
            return;
        }
        Object criteria = context.attribute(CRITERIA_CONTEXT);
        if (criteria != null) {
            try {
                SET_CONTEXT.invoke((SharedSessionContract) session, criteria);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
