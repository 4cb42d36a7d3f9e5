package dev.kiln.retry.internal.errors;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.sql.SQLException;

/**
 * pgjdbc's structured error fields ({@code PSQLException#getServerErrorMessage()}: constraint, table, column, detail),
 * read without a compile-time dependency on pgjdbc. The accessors are looked up once per exception class (a
 * {@link ClassValue}), so the error path does no reflection; a driver in another class loader works too.
 */
final class PgServerError {
    /** The fields Kiln reads; any may be null. */
    record Fields(String constraint, String table, String column, String detail, String schema) {
        static final Fields NONE = new Fields(null, null, null, null, null);
    }

    private static final ClassValue<Accessor> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessor computeValue(Class<?> type) {
            return Accessor.of(type);
        }
    };

    private PgServerError() {
    }

    /** The server's fields of {@code e}, or {@link Fields#NONE} for a client-side error or another driver. */
    static Fields of(SQLException e) {
        return ACCESSORS.get(e.getClass()).read(e);
    }

    private record Accessor(MethodHandle serverErrorMessage, MethodHandle constraint, MethodHandle table,
                            MethodHandle column, MethodHandle detail, MethodHandle schema) {
        static final Accessor ABSENT = new Accessor(null, null, null, null, null, null);

        static Accessor of(Class<?> type) {
            try {
                Method getter = type.getMethod("getServerErrorMessage");
                Class<?> sem = getter.getReturnType();
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new Accessor(lookup.unreflect(getter),
                        field(lookup, sem, "getConstraint"), field(lookup, sem, "getTable"),
                        field(lookup, sem, "getColumn"), field(lookup, sem, "getDetail"), field(lookup, sem, "getSchema"));
            } catch (ReflectiveOperationException | RuntimeException notPgjdbc) {
                return ABSENT;
            }
        }

        private static MethodHandle field(MethodHandles.Lookup lookup, Class<?> sem, String name)
                throws ReflectiveOperationException {
            return lookup.unreflect(sem.getMethod(name));
        }

        Fields read(SQLException e) {
            if (serverErrorMessage == null) {
                return Fields.NONE;
            }
            try {
                Object sem = serverErrorMessage.invoke(e);
                if (sem == null) {
                    return Fields.NONE;
                }
                return new Fields((String) constraint.invoke(sem), (String) table.invoke(sem),
                        (String) column.invoke(sem), (String) detail.invoke(sem), (String) schema.invoke(sem));
            } catch (Throwable unreadable) {
                return Fields.NONE;
            }
        }
    }
}
