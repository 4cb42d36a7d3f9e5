package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbDataException.Problem;
import dev.kiln.retry.DbDeadlockException.Reason;
import dev.kiln.retry.DbReferenceException.Violation;

import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL through pgjdbc. The server's structured fields (constraint, table, column, detail) come first: they are
 * not translated, while the message follows {@code lc_messages}. The detail's {@code (a, b)=(1, 2)} shape is the
 * same in every language; names are read from quoted tokens in any of the quote styles translations use.
 */
final class PostgresRules implements BackendRules {

    @Override
    public void classify(SQLException e, String state, String message, ErrorFacts f) {
        if (state == null) {
            return;
        }
        switch (state) {
            case "23505" -> unique(e, message, f);
            case "23503" -> foreignKey(e, message, f);
            case "23514" -> constraint(e, message, f.kind(ErrorKind.CHECK));
            case "23P01" -> constraint(e, message, f.kind(ErrorKind.CONSTRAINT_OTHER));
            case "23502" -> {
                PgServerError.Fields s = PgServerError.of(e);
                f.kind(ErrorKind.NOT_NULL).table = s.table();
                f.reportedColumn = s.column() != null ? s.column() : Quoted.pg(message, 0);
                f.column = f.reportedColumn;
            }
            case "22001" -> data(e, f, Problem.TOO_LONG, null);
            case "22003" -> data(e, f, Problem.OUT_OF_RANGE, null);
            case "22P02", "22007", "22008" -> data(e, f, Problem.INCORRECT_VALUE, Quoted.pgLast(firstLine(message)));
            case "22012" -> data(e, f, Problem.DIVISION_BY_ZERO, null);
            case "40P01" -> f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.DEADLOCK;
            case "40001" -> f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.SERIALIZATION_FAILURE;
            case "55P03" -> f.kind(ErrorKind.LOCK_TIMEOUT);
            case "57014" -> f.kind(ErrorKind.QUERY_TIMEOUT);
            // 57P01 admin shutdown / pg_terminate_backend, 57P02 crash shutdown, 57P04 database dropped
            case "57P01", "57P02", "57P04" -> StandardRules.connection(f, false);
            // 57P03 "the database system is starting up", 53300 too many connections
            case "57P03", "53300" -> StandardRules.connection(f, true);
            case "42P01" -> f.kind(ErrorKind.NON_EXISTENT_TABLE).table = Quoted.pg(message, 0);
            case "3D000" -> f.kind(ErrorKind.NON_EXISTENT_DATABASE).database = Quoted.pg(message, 0);
            case "42704" -> undefinedObject(message, f);
            case "0A000" -> f.kind(ErrorKind.NOT_SUPPORTED);
            default -> {
                // left to the standard rules
            }
        }
    }

    private static void unique(SQLException e, String message, ErrorFacts f) {
        PgServerError.Fields s = constraint(e, message, f.kind(ErrorKind.UNIQUE));
        KeyDetail key = KeyDetail.parse(s.detail() != null ? s.detail() : detailOf(message));
        if (key != null) {
            f.columns = key.columns();
            f.values = key.values(f.columns.size());
        }
    }

    /**
     * Both directions report the referencing table in the table field. The detail names the other table: the parent
     * when the parent row is missing, the child when it is still referenced.
     */
    private static void foreignKey(SQLException e, String message, ErrorFacts f) {
        PgServerError.Fields s = constraint(e, message, f.kind(ErrorKind.FOREIGN_KEY));
        String detail = s.detail() != null ? s.detail() : detailOf(message);
        KeyDetail key = KeyDetail.parse(detail);
        String detailTable = detail == null ? null : Quoted.pgLast(detail);
        Violation violation = Violation.UNKNOWN;
        if (detail != null && detail.contains("still referenced")) {
            violation = Violation.STILL_REFERENCED;
        } else if (detail != null && detail.contains("not present")) {
            violation = Violation.PARENT_MISSING;
        } else if (detailTable != null && f.table != null) {
            violation = detailTable.equals(f.table) ? Violation.STILL_REFERENCED : Violation.PARENT_MISSING;
        }
        f.violation = violation;
        if (violation == Violation.PARENT_MISSING) {
            f.referencedTable = detailTable;
            if (key != null) {
                f.columns = key.columns();
            }
        } else if (violation == Violation.STILL_REFERENCED) {
            // "update or delete on table "parent" violates ... on table "child"": the first name is the parent
            f.referencedTable = Quoted.pg(firstLine(message), 0);
            if (key != null) {
                f.referencedColumns = key.columns();
            }
        }
        if (key != null) {
            f.values = key.values(key.columns().size());
        }
    }

    private static PgServerError.Fields constraint(SQLException e, String message, ErrorFacts f) {
        PgServerError.Fields s = PgServerError.of(e);
        f.table = s.table();
        f.reportedConstraint = s.constraint();
        if (f.reportedConstraint == null) {
            // no server fields (another driver, or a rebuilt exception): the constraint is the last quoted name
            f.reportedConstraint = Quoted.pgLast(firstLine(message));
        }
        return s;
    }

    private static void data(SQLException e, ErrorFacts f, Problem problem, String value) {
        PgServerError.Fields s = PgServerError.of(e);
        f.kind(ErrorKind.DATA).dataProblem = problem;
        f.table = s.table();
        f.column = s.column();
        f.value = value;
    }

    /** 42704 is any undefined object; only a constraint counts (ALTER TABLE t DROP CONSTRAINT x). */
    private static void undefinedObject(String message, ErrorFacts f) {
        String first = firstLine(message);
        if (!first.contains("constraint")) {
            f.kind(ErrorKind.GRAMMAR);
            return;
        }
        f.kind(ErrorKind.NON_EXISTENT_CONSTRAINT).reportedConstraint = Quoted.pg(first, 0);
        f.table = Quoted.pg(first, 1);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The detail part of pgjdbc's message ({@code ...\n  Detail: Key (a)=(1) already exists.}), or null. */
    private static String detailOf(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? null : message.substring(nl + 1);
    }

    /** {@code Key (a, b)=(1, x) already exists.}: the names and the values, in the key's order. */
    private record KeyDetail(List<String> columns, String joinedValues) {
        static KeyDetail parse(String detail) {
            if (detail == null) {
                return null;
            }
            int open = detail.indexOf('(');
            int eq = detail.indexOf(")=(", open + 1);
            int close = eq < 0 ? -1 : detail.lastIndexOf(')');
            if (open < 0 || eq < 0 || close <= eq + 2) {
                return null;
            }
            return new KeyDetail(Names.columnList(detail.substring(open + 1, eq)), detail.substring(eq + 3, close));
        }

        /** PostgreSQL joins values with ", "; split only when that gives exactly one value per column. */
        List<String> values(int columnCount) {
            if (columnCount <= 1) {
                return List.of(joinedValues);
            }
            String[] parts = joinedValues.split(", ", -1);
            return parts.length == columnCount ? List.of(parts) : List.of();
        }
    }
}
