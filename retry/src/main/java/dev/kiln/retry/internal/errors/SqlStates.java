package dev.kiln.retry.internal.errors;

import java.sql.SQLException;

/** Small, allocation-free helpers over SQLExceptions. */
final class SqlStates {
    private static final int MAX_DEPTH = 16;

    private SqlStates() {
    }

    /**
     * The first non-null SQLState in the exception, its {@linkplain SQLException#getNextException() next} exceptions
     * and its SQLException causes (drivers and pools put the real state in either place).
     */
    static String sqlState(SQLException e) {
        int depth = 0;
        for (SQLException x = e; x != null && depth < MAX_DEPTH; depth++) {
            String state = x.getSQLState();
            if (state != null && !state.isEmpty()) {
                return state;
            }
            SQLException next = x.getNextException();
            x = next != null ? next : x.getCause() instanceof SQLException cause ? cause : null;
        }
        return null;
    }

    /** The two-character class of a SQLState; empty for one shorter than two characters. */
    static String stateClass(String state) {
        return state.length() < 2 ? "" : state.substring(0, 2);
    }

    /** True if the throwable or one of its causes (bounded, cycle-safe) is an instance of one of the types. */
    @SafeVarargs
    static boolean causedBy(Throwable t, Class<? extends Throwable>... types) {
        int depth = 0;
        for (Throwable x = t; x != null && depth < MAX_DEPTH; x = x.getCause() == x ? null : x.getCause(), depth++) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The message of the exception, never null. */
    static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? "" : m;
    }
}
