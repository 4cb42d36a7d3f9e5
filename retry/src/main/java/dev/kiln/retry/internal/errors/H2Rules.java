package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbDataException.Problem;
import dev.kiln.retry.DbDeadlockException.Reason;
import dev.kiln.retry.DbReferenceException.Violation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2 2.3 and 2.4. H2's error codes decide the class; the facts come from the quoted part of the message, which
 * holds SQL-like text ({@code PUBLIC.T(A, B)}) that H2 does not translate. The two versions differ in how a unique
 * violation names its constraint:
 * <pre>
 * 2.3  "PUBLIC.UK_X_INDEX_8 ON PUBLIC.T(NAME NULLS FIRST) VALUES ( /* 1 *&#47; 'a' )"
 * 2.4  "PUBLIC.UK_X INDEX PUBLIC.UK_X_INDEX_8 ON PUBLIC.T(NAME NULLS FIRST) VALUES ( /* 1 *&#47; 'a' )"
 * 2.3  "PRIMARY KEY ON PUBLIC.T(ID) ( /* key:1 *&#47; 1, 'a')"
 * 2.4  "PUBLIC.CONSTRAINT_8 PRIMARY KEY ON PUBLIC.T(ID) ( /* key:1 *&#47; 1, 'a')"
 * </pre>
 */
final class H2Rules implements BackendRules {
    /** {@code <table>(<columns>)} then either {@code VALUES ( values )} or the primary key's row {@code ( row )}. */
    private static final Pattern ON_TABLE = Pattern.compile("^(\\S+)\\(([^)]*)\\)\\s*(VALUES\\s*)?\\((.*)\\)\\s*$",
            Pattern.DOTALL);
    /** {@code FK: PUBLIC.CHILD FOREIGN KEY(A) REFERENCES PUBLIC.PARENT(ID) (5)} */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "^([^:]+): (\\S+) FOREIGN KEY\\s*\\(([^)]*)\\) REFERENCES (\\S+?)\\(([^)]*)\\)(?:\\s*\\((.*)\\))?", Pattern.DOTALL);
    private static final Pattern SQL_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** H2 prints typed values as SQL: {@code CAST(0 AS BIGINT)}, {@code DATE '2020-01-01'}, {@code UUID '...'}. */
    private static final Pattern CAST = Pattern.compile("^CAST\\((.*) AS [A-Z][A-Z0-9 (),]*\\)$", Pattern.DOTALL);
    private static final Pattern TYPED_STRING = Pattern.compile("^[A-Z][A-Z ]* ('.*')$", Pattern.DOTALL);
    private static final String PRIMARY_KEY = "PRIMARY KEY";

    @Override
    public void classify(SQLException e, String state, String message, ErrorFacts f) {
        switch (e.getErrorCode()) {
            case 23505 -> unique(detail(message), f);
            case 23506 -> foreignKey(detail(message), f, Violation.PARENT_MISSING);
            case 23503 -> foreignKey(detail(message), f, Violation.STILL_REFERENCED);
            case 23513, 23514 -> {
                String d = detail(message);
                int colon = d == null ? -1 : d.indexOf(':');
                f.kind(ErrorKind.CHECK).reportedConstraint = colon > 0 ? d.substring(0, colon) : d;
            }
            case 23502 -> {
                f.kind(ErrorKind.NOT_NULL).reportedColumn = Quoted.nth(message, '"', 0);
                f.column = f.reportedColumn;
            }
            case 22001 -> tooLong(message, f);
            case 22003, 22004 -> {
                List<String> q = quoted(message);
                f.kind(ErrorKind.DATA).dataProblem = Problem.OUT_OF_RANGE;
                f.value = q.isEmpty() ? null : q.get(0);
                f.column = q.size() > 1 ? q.get(1) : null;
            }
            case 22018 -> conversion(message, f);
            case 22007 -> {
                List<String> q = quoted(message);
                f.kind(ErrorKind.DATA).dataProblem = Problem.INCORRECT_VALUE;
                f.value = q.isEmpty() ? null : q.get(q.size() - 1);
            }
            case 22012 -> f.kind(ErrorKind.DATA).dataProblem = Problem.DIVISION_BY_ZERO;
            case 40001 -> f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.DEADLOCK;
            // 90131: "Concurrent update in table": another transaction changed the row (MVCC write conflict)
            case 90131 -> f.kind(ErrorKind.DEADLOCK).deadlockReason = Reason.SERIALIZATION_FAILURE;
            case 50200 -> f.kind(ErrorKind.LOCK_TIMEOUT);
            case 57014 -> f.kind(ErrorKind.QUERY_TIMEOUT);
            // 90067 connection broken, 90121 database closed (ABORT_SESSION, shutdown), 90098 database closed
            case 90067, 90121, 90098 -> StandardRules.connection(f, StandardRules.isRefusal(e, state));
            case 42102, 42103, 42104 -> f.kind(ErrorKind.NON_EXISTENT_TABLE).table = Quoted.nth(message, '"', 0);
            case 90013, 90146 -> f.kind(ErrorKind.NON_EXISTENT_DATABASE).database = Quoted.nth(message, '"', 0);
            case 90057, 42112 -> f.kind(ErrorKind.NON_EXISTENT_CONSTRAINT).reportedConstraint = Quoted.nth(message, '"', 0);
            case 50100 -> f.kind(ErrorKind.NOT_SUPPORTED);
            default -> {
                // left to the standard rules
            }
        }
    }

    /** The first quoted part of an H2 message (its doubled quotes undone), or null. */
    private static String detail(String message) {
        return Quoted.nth(message, '"', 0);
    }

    private static List<String> quoted(String message) {
        return Quoted.tokens(message, "\"", "\"");
    }

    private static void unique(String detail, ErrorFacts f) {
        f.kind(ErrorKind.UNIQUE);
        if (detail == null) {
            return;
        }
        int on = detail.indexOf(" ON ");
        if (on < 0) {
            return;
        }
        String left = detail.substring(0, on).trim();
        boolean primaryKey = left.endsWith(PRIMARY_KEY);
        if (primaryKey) {
            left = left.substring(0, left.length() - PRIMARY_KEY.length()).trim();
        } else {
            int index = left.indexOf(" INDEX ");
            if (index > 0) {
                left = left.substring(0, index);            // 2.4: the constraint, before its index
            }
        }
        f.reportedConstraint = left.isEmpty() ? null : left;
        Matcher m = ON_TABLE.matcher(detail.substring(on + 4).trim());
        if (m.matches()) {
            f.table = Names.lastPart(m.group(1));
            f.columns = Names.columnList(m.group(2));
            if (m.group(3) != null) {
                // a primary key violation lists the existing row, not the key: no values then
                List<String> values = values(m.group(4));
                f.values = values.size() == f.columns.size() ? values : List.of();
            }
        }
    }

    private static void foreignKey(String detail, ErrorFacts f, Violation violation) {
        f.kind(ErrorKind.FOREIGN_KEY).violation = violation;
        if (detail == null) {
            return;
        }
        Matcher m = FOREIGN_KEY.matcher(detail);
        if (m.find()) {
            f.reportedConstraint = m.group(1).trim();
            f.table = Names.lastPart(m.group(2));
            f.columns = Names.columnList(m.group(3));
            f.referencedTable = Names.lastPart(m.group(4));
            f.referencedColumns = Names.columnList(m.group(5));
            f.values = m.group(6) == null ? List.of() : values(m.group(6));
        }
    }

    /** {@code Value too long for column "NAME CHARACTER VARYING(5)": "'toolong' (7)"} */
    private static void tooLong(String message, ErrorFacts f) {
        List<String> q = quoted(message);
        f.kind(ErrorKind.DATA).dataProblem = Problem.TOO_LONG;
        if (!q.isEmpty()) {
            String column = q.get(0);
            int space = column.indexOf(' ');
            f.column = Names.unquote(space > 0 ? column.substring(0, space) : column);
        }
        if (q.size() > 1) {
            String v = q.get(1);
            int length = v.lastIndexOf(" (");
            f.value = literal(length > 0 ? v.substring(0, length) : v);
        }
    }

    /** {@code Data conversion error converting "'abc' (PARENT: "QTY" INTEGER)"} */
    private static void conversion(String message, ErrorFacts f) {
        f.kind(ErrorKind.DATA).dataProblem = Problem.INCORRECT_VALUE;
        String d = detail(message);
        if (d == null) {
            return;
        }
        int paren = d.lastIndexOf(" (");
        f.value = literal(paren > 0 ? d.substring(0, paren) : d);
        if (paren > 0) {
            String target = d.substring(paren + 2);
            int colon = target.indexOf(": ");
            if (colon > 0) {
                f.table = Names.lastPart(target.substring(0, colon));
                List<String> column = quoted(target);
                f.column = column.isEmpty() ? null : column.get(0);
            }
        }
    }

    /** Splits {@code /* 1 *&#47; 'a', 2} into the literals {@code a} and {@code 2}. */
    private static List<String> values(String list) {
        String plain = SQL_COMMENT.matcher(list).replaceAll("").trim();
        if (plain.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\'') {
                inString = !inString;
            }
            if (c == ',' && !inString) {
                out.add(literal(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(literal(current.toString()));
        return List.copyOf(out);
    }

    /** {@code 'it''s'} to {@code it's}, {@code CAST(0 AS BIGINT)} to {@code 0}; other literals as they are. */
    private static String literal(String text) {
        String t = text.trim();
        Matcher cast = CAST.matcher(t);
        if (cast.matches()) {
            t = cast.group(1).trim();
        }
        Matcher typed = TYPED_STRING.matcher(t);
        if (typed.matches()) {
            t = typed.group(1);
        }
        if (t.length() >= 2 && t.charAt(0) == '\'' && t.charAt(t.length() - 1) == '\'') {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        return t;
    }
}
