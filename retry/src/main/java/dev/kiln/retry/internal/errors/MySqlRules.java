package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbDataException.Problem;
import dev.kiln.retry.DbDeadlockException.Reason;
import dev.kiln.retry.DbReferenceException.Violation;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 8 and MariaDB 10.11+, as reported by mysql-connector-j and by MariaDB Connector/J (which prefixes messages
 * with {@code (conn=N) }). Server error codes decide the class; the facts come from the quoted names and values,
 * which are the same whatever {@code lc_messages} language the server speaks.
 */
final class MySqlRules implements BackendRules {
    /** {@code (`db`.`child`, CONSTRAINT `fk` FOREIGN KEY (`a`, `b`) REFERENCES `parent` (`x`, `y`)} */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "\\(((?:`[^`]*`\\.)?`[^`]*`), CONSTRAINT `([^`]*)` FOREIGN KEY \\(([^)]*)\\) REFERENCES ((?:`[^`]*`\\.)?`[^`]*`) \\(([^)]*)\\)");
    /** MariaDB's {@code `db`.`table`.`column`} in 1366/1292 messages. */
    private static final Pattern QUALIFIED_COLUMN = Pattern.compile("`([^`]*)`\\.`([^`]*)`\\.`([^`]*)`");

    @Override
    public void classify(SQLException e, String state, String message, ErrorFacts f) {
        switch (e.getErrorCode()) {
            case 1062, 1586 -> duplicate(message, f);
            case 1022 -> f.kind(ErrorKind.UNIQUE);
            case 1452, 1216 -> foreignKey(message, f, Violation.PARENT_MISSING);
            case 1451, 1217 -> foreignKey(message, f, Violation.STILL_REFERENCED);
            case 4025 -> {
                // MariaDB: CONSTRAINT `chk` failed for `db`.`table`
                List<String> names = Quoted.tokens(message, "`", "`");
                f.kind(ErrorKind.CHECK).reportedConstraint = names.isEmpty() ? null : names.get(0);
                f.table = names.size() >= 2 ? names.get(names.size() - 1) : null;
            }
            case 3819 -> f.kind(ErrorKind.CHECK).reportedConstraint = Quoted.nth(message, '\'', 0);
            case 1048, 1364 -> {
                f.kind(ErrorKind.NOT_NULL).reportedColumn = Quoted.nth(message, '\'', 0);
                f.column = f.reportedColumn;
            }
            case 1406 -> data(message, f, Problem.TOO_LONG);
            case 1264, 1690 -> data(message, f, Problem.OUT_OF_RANGE);
            case 1265 -> data(message, f, Problem.TRUNCATED);
            case 1366, 1292, 1367, 1411 -> incorrectValue(message, f);
            case 1365 -> f.kind(ErrorKind.DATA).dataProblem = Problem.DIVISION_BY_ZERO;
            case 1213 -> f.kind(ErrorKind.DEADLOCK).deadlockReason =
                    message.contains("wsrep") || message.contains("WSREP") ? Reason.CERTIFICATION_FAILURE : Reason.DEADLOCK;
            case 1205, 3572 -> f.kind(ErrorKind.LOCK_TIMEOUT);
            case 1206, 1207 -> f.kind(ErrorKind.LOCK_OTHER);
            case 1020 -> f.kind(ErrorKind.CONSISTENCY).table = Quoted.nth(message, '\'', 0);
            // 1927: MariaDB "Connection was killed" (SQLState 70100, which mysql-connector-j reports as a timeout);
            // 1053: server shutdown; 4031: MySQL disconnected an idle client; 2006/2013: server gone / lost.
            case 1927, 1053, 4031, 2006, 2013, 2055 -> StandardRules.connection(f, false);
            case 2002, 2003, 2005, 1040, 1129 -> StandardRules.connection(f, true);
            case 1317, 3024, 1969 -> f.kind(ErrorKind.QUERY_TIMEOUT);
            case 1146 -> f.kind(ErrorKind.NON_EXISTENT_TABLE).table = Names.lastPart(Quoted.nth(message, '\'', 0));
            case 1049 -> f.kind(ErrorKind.NON_EXISTENT_DATABASE).database = Quoted.nth(message, '\'', 0);
            case 1091 -> droppedNothing(message, f);
            case 1235, 1178 -> f.kind(ErrorKind.NOT_SUPPORTED);
            default -> {
                // left to the standard rules
            }
        }
    }

    /** {@code Duplicate entry 'v1-v2' for key 'name'}: the key is the last quoted token, the value the first. */
    private static void duplicate(String message, ErrorFacts f) {
        f.kind(ErrorKind.UNIQUE);
        int keyClose = message.lastIndexOf('\'');
        int keyOpen = keyClose <= 0 ? -1 : message.lastIndexOf('\'', keyClose - 1);
        if (keyOpen < 0) {
            return;
        }
        f.reportedConstraint = message.substring(keyOpen + 1, keyClose);
        // MySQL 8.0.19+ writes 'table.key'; MariaDB writes just the key.
        f.constraintQualifierIsTable = true;
        int valueOpen = message.indexOf('\'');
        int valueClose = message.lastIndexOf('\'', keyOpen - 1);
        if (valueOpen >= 0 && valueClose > valueOpen) {
            f.rawJoinedValue = message.substring(valueOpen + 1, valueClose);
        }
    }

    private static void foreignKey(String message, ErrorFacts f, Violation violation) {
        f.kind(ErrorKind.FOREIGN_KEY).violation = violation;
        Matcher m = FOREIGN_KEY.matcher(message);
        if (m.find()) {
            f.table = Names.lastPart(m.group(1));
            f.reportedConstraint = m.group(2);
            f.columns = Names.columnList(m.group(3));
            f.referencedTable = Names.lastPart(m.group(4));
            f.referencedColumns = Names.columnList(m.group(5));
        }
    }

    /** {@code Data too long for column 'c' at row 1}: the column is the only quoted token. */
    private static void data(String message, ErrorFacts f, Problem problem) {
        f.kind(ErrorKind.DATA).dataProblem = problem;
        f.column = Quoted.nth(message, '\'', 0);
    }

    /**
     * {@code Incorrect integer value: 'abc' for column `db`.`t`.`c` at row 1} (MariaDB) or
     * {@code ... for column 'c' at row 1} (MySQL).
     */
    private static void incorrectValue(String message, ErrorFacts f) {
        f.kind(ErrorKind.DATA).dataProblem = Problem.INCORRECT_VALUE;
        List<String> quoted = Quoted.tokens(message, "'", "'");
        f.value = quoted.isEmpty() ? null : quoted.get(0);
        Matcher m = QUALIFIED_COLUMN.matcher(message);
        if (m.find()) {
            f.table = m.group(2);
            f.column = m.group(3);
        } else if (quoted.size() >= 2) {
            f.column = quoted.get(1);
        }
    }

    /** 1091 {@code Can't DROP [CONSTRAINT|INDEX|FOREIGN KEY] `x`; check that it exists}; a missing column is not a constraint. */
    private static void droppedNothing(String message, ErrorFacts f) {
        if (message.contains("DROP COLUMN")) {
            f.kind(ErrorKind.GRAMMAR);
            return;
        }
        String name = Quoted.nth(message, '`', 0);
        f.kind(ErrorKind.NON_EXISTENT_CONSTRAINT).reportedConstraint = name != null ? name : Quoted.nth(message, '\'', 0);
    }
}
