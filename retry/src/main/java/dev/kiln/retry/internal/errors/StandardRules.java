package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbDataException.Problem;
import dev.kiln.retry.DbDeadlockException.Reason;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.DataTruncation;
import java.sql.SQLClientInfoException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * The rules every backend shares: JDBC 4 exception subclasses first, then standard SQLStates and their classes. They
 * put errors in the same categories as Hibernate's generic conversion does, so that an error only they recognise is
 * still an instance of what Hibernate would throw; the backend rule sets run before them.
 */
final class StandardRules {
    private StandardRules() {
    }

    static void classify(SQLException e, String state, ErrorFacts f) {
        if (e instanceof SQLInvalidAuthorizationSpecException || e instanceof SQLClientInfoException) {
            // Hibernate files these as connection errors: no usable connection was obtained.
            connection(f, true);
        } else if (e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException) {
            connection(f, isRefusal(e, state));
        } else if (e instanceof DataTruncation || e instanceof SQLDataException) {
            data(f, state);
        } else if (e instanceof SQLIntegrityConstraintViolationException) {
            constraint(f, state);
        } else if (e instanceof SQLSyntaxErrorException) {
            f.kind(ErrorKind.GRAMMAR);
        } else if (e instanceof SQLTimeoutException) {
            f.kind(ErrorKind.QUERY_TIMEOUT);
        } else if (e instanceof SQLTransactionRollbackException) {
            rollback(f, state);
        } else if (state != null) {
            byState(e, state, f);
        }
        if (f.kind == ErrorKind.UNKNOWN && state == null && SqlStates.causedBy(e, SocketException.class, EOFException.class)) {
            connection(f, isRefusal(e, null));
        }
    }

    private static void byState(SQLException e, String state, ErrorFacts f) {
        switch (state) {
            case "40001", "40P01" -> rollback(f, state);
            case "42501" -> f.kind(ErrorKind.ACCESS_DENIED);
            case "57014" -> f.kind(ErrorKind.QUERY_TIMEOUT);
            case "3D000" -> f.kind(ErrorKind.NON_EXISTENT_DATABASE);
            default -> {
                switch (SqlStates.stateClass(state)) {
                    case "08" -> connection(f, isRefusal(e, state));
                    case "22", "21" -> data(f, state);
                    case "23", "27", "44" -> constraint(f, state);
                    case "28" -> f.kind(ErrorKind.ACCESS_DENIED);
                    case "0A" -> f.kind(ErrorKind.NOT_SUPPORTED);
                    case "07", "20", "2A", "37", "42", "65", "S0" -> f.kind(ErrorKind.GRAMMAR);
                    default -> {
                        // not a standard class Kiln knows: leave UNKNOWN
                    }
                }
            }
        }
    }

    static void rollback(ErrorFacts f, String state) {
        if ("40P01".equals(state)) {
            f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.DEADLOCK;
        } else if ("40001".equals(state)) {
            f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.SERIALIZATION_FAILURE;
        } else {
            f.kind(ErrorKind.LOCK_OTHER);
        }
    }

    static void connection(ErrorFacts f, boolean refused) {
        f.kind(ErrorKind.CONNECTION).refused = refused;
    }

    /** 08001 and 08004 say no connection was made; so does a refused or unresolvable socket anywhere in the causes. */
    static boolean isRefusal(SQLException e, String state) {
        return "08001".equals(state) || "08004".equals(state)
                || SqlStates.causedBy(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class);
    }

    static void data(ErrorFacts f, String state) {
        f.kind(ErrorKind.DATA).dataProblem = state == null ? Problem.OTHER : switch (state) {
            case "22001" -> Problem.TOO_LONG;
            case "22003", "22004" -> Problem.OUT_OF_RANGE;
            case "22007", "22008", "22018", "22P02" -> Problem.INCORRECT_VALUE;
            case "22012" -> Problem.DIVISION_BY_ZERO;
            default -> Problem.OTHER;
        };
    }

    static void constraint(ErrorFacts f, String state) {
        f.kind(state == null ? ErrorKind.CONSTRAINT_OTHER : switch (state) {
            case "23505" -> ErrorKind.UNIQUE;
            case "23503", "23506" -> ErrorKind.FOREIGN_KEY;
            case "23502" -> ErrorKind.NOT_NULL;
            case "23510", "23511", "23512", "23513", "23514" -> ErrorKind.CHECK;
            default -> ErrorKind.CONSTRAINT_OTHER;
        });
    }
}
