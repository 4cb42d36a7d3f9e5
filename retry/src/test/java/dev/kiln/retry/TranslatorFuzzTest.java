package dev.kiln.retry;

import dev.kiln.retry.internal.errors.ErrorClassifier;
import org.hibernate.JDBCException;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.exception.spi.SQLExceptionConverter;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.DataTruncation;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the driver hands over, translation returns a Kiln exception with the input as its cause, and
 * no rule throws (the translator's last-resort catch, which would add a suppressed exception, never fires). Inputs
 * are garbage, empty and null fields, huge messages, messages in other languages, near-miss templates of real
 * messages, random SQLStates and vendor codes, odd exception types, cause and next-exception cycles.
 */
class TranslatorFuzzTest {
    private static final int RUNS = 12_000;
    private static final String[] STATES = {null, "", "2", "23", "2300", "23000", "23505", "23503", "23506", "23502",
            "23514", "23513", "23P01", "22001", "22003", "22004", "22007", "22008", "22012", "22018", "22P02", "40001",
            "40P01", "41000", "55P03", "57014", "57P01", "57P03", "08001", "08S01", "08006", "08003", "08004", "28000",
            "42501", "42000", "42S02", "42P01", "42704", "3D000", "0A000", "70100", "HY000", "HYC00", "XX000", "P0001",
            "90131", "\u0000\u0000\u0000\u0000\u0000", "ÄÖÜ€€"};
    private static final int[] CODES = {0, -1, 1, 1020, 1022, 1040, 1045, 1048, 1049, 1053, 1062, 1091, 1146, 1205,
            1206, 1207, 1213, 1216, 1217, 1235, 1264, 1265, 1292, 1317, 1364, 1365, 1366, 1367, 1406, 1411, 1451, 1452,
            1586, 1690, 1927, 1969, 2002, 2003, 2006, 2013, 2055, 3024, 3572, 3819, 4025, 4031, 22001, 22003, 22004,
            22007, 22012, 22018, 23502, 23503, 23505, 23506, 23513, 23514, 40001, 42102, 42103, 42104, 42112, 50100,
            50200, 57014, 90013, 90057, 90067, 90098, 90121, 90131, 90146, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final String[] TEMPLATES = {
            "Duplicate entry '%s' for key '%s'", "Doppelter Eintrag '%s' für Schlüssel '%s'",
            "Cannot add or update a child row: a foreign key constraint fails (`%s`.`%s`, CONSTRAINT `%s` FOREIGN KEY (`%s`) REFERENCES `%s` (`%s`))",
            "Cannot delete or update a parent row: a foreign key constraint fails (`%s`, CONSTRAINT `%s` FOREIGN KEY (%s",
            "CONSTRAINT `%s` failed for `%s`.`%s`", "Check constraint '%s' is violated.", "Column '%s' cannot be null",
            "Data too long for column '%s' at row %s", "Incorrect integer value: '%s' for column `%s`.`%s`.`%s` at row 1",
            "Record has changed since last read in table '%s'", "Table '%s' doesn't exist", "Can't DROP CONSTRAINT `%s`; check",
            "ERROR: duplicate key value violates unique constraint \"%s\"\n  Detail: Key (%s)=(%s) already exists.",
            "ERROR: insert or update on table \"%s\" violates foreign key constraint \"%s\"\n  Detail: Key (%s)=(%s) is not present in table \"%s\".",
            "FEHLER: doppelter Schlüsselwert verletzt Unique-Constraint »%s«\n  Detail: Schlüssel »(%s)=(%s)« existiert bereits.",
            "ОШИБКА: повторяющееся значение ключа нарушает ограничение уникальности \"%s\"",
            "错误:  重复键违反唯一约束\"%s\"", "エラー: 重複したキー値は一意性制約\"%s\"違反となります",
            "Unique index or primary key violation: \"%s ON %s(%s) VALUES ( /* 1 */ %s )\"; SQL statement:\n%s [23505-240]",
            "Unique index or primary key violation: \"%s INDEX %s ON %s(%s\"", "Eindeutiger Index oder Primärschlüssel verletzt: \"%s\"",
            "Referential integrity constraint violation: \"%s: %s FOREIGN KEY(%s) REFERENCES %s(%s) (%s)\"; SQL statement:",
            "Value too long for column \"%s\": \"%s\"", "Data conversion error converting \"%s (%s: \"\"%s\"\" INTEGER)\"",
            "Numeric value out of range: \"%s\" in column \"%s\"", "(conn=%s) Duplicate entry '%s' for key '%s'"};
    private static final String ODD = "'\"`»«„“”‘’()[]{}:;,.-_0\\\n\r\t\u0000\uD800\uDFFF ";

    @Test
    void translationNeverThrowsAndAlwaysGivesAKilnExceptionWithTheCause() {
        SplittableRandom random = new SplittableRandom(20261122L);
        Map<DbBackend, DbErrorTranslator> standalone = new EnumMap<>(DbBackend.class);
        Map<DbBackend, ErrorClassifier> inHibernate = new EnumMap<>(DbBackend.class);
        Map<DbBackend, SQLExceptionConverter> hibernate = new EnumMap<>(DbBackend.class);
        ConstraintCatalog catalog = ConstraintCatalog.builder()
                .table("parent", java.util.List.of("id", "name")).unique("parent", "uk_parent_name", java.util.List.of("name"))
                .foreignKey("child", "fk_child_parent", java.util.List.of("parent_id"), "parent", java.util.List.of("id"))
                .primaryKey("parent", null, java.util.List.of("id")).check("parent", "chk_qty").build();
        for (DbBackend b : DbBackend.values()) {
            standalone.put(b, DbErrorTranslator.builder(b).constraints(random.nextBoolean() ? catalog : ConstraintCatalog.empty()).build());
            inHibernate.put(b, new ErrorClassifier(b, catalog));
            hibernate.put(b, HibernateConverters.of(switch (b) {
                case H2 -> new H2Dialect();
                case MYSQL -> new MySQLDialect();
                case MARIADB -> new MariaDBDialect();
                case POSTGRESQL, OTHER -> new PostgreSQLDialect();
            }));
        }
        int viaHibernate = 0;
        for (int run = 0; run < RUNS; run++) {
            DbBackend backend = DbBackend.values()[random.nextInt(DbBackend.values().length)];
            boolean standaloneRun = random.nextBoolean();
            // Hibernate's own converter loops forever on a cyclic next-exception chain (no driver builds one), so
            // cycles are fed to the standalone translator only
            SQLException input = random.nextInt(50) == 0 ? null : exception(random, 0, standaloneRun);
            String sql = random.nextInt(3) == 0 ? null : random.nextBoolean() ? "insert into parent (id) values (?)" : text(random, 40);
            JDBCException result;
            if (standaloneRun) {
                result = standalone.get(backend).translate(input, sql).asException();
            } else {
                viaHibernate++;
                result = inHibernate.get(backend).translate(input, random.nextBoolean() ? null : "could not execute statement",
                        sql, hibernate.get(backend)::convert);
            }
            String seen = "run " + run + " on " + backend + ": " + describe(input);
            assertThat(result).as(seen).isNotNull().isInstanceOf(DbError.class);
            assertThat(result.getSuppressed()).as("no rule may throw; %s", seen).isEmpty();
            assertThat((Throwable) result.getSQLException()).as(seen).isNotNull();
            if (input != null) {
                assertThat((Throwable) result.getSQLException()).as(seen).isSameAs(input);
                assertThat(result.getCause()).as(seen).isSameAs(input);
            }
            DbError error = (DbError) result;
            assertThat(error.getBackend()).as(seen).isEqualTo(backend);
            assertThat(error.asException()).isSameAs(result);
            // the accessors a caller uses must not throw either
            error.isDisconnect();
            error.isDeadlock();
            assertThat(result.getMessage()).as(seen).isNotNull();
            ErrorsInfo.touchAllFields(error);
        }
        assertThat(viaHibernate).isGreaterThan(RUNS / 3);
    }

    private static SQLException exception(SplittableRandom r, int depth, boolean cycles) {
        String message = message(r);
        String state = STATES[r.nextInt(STATES.length)];
        int code = r.nextInt(4) == 0 ? r.nextInt() : CODES[r.nextInt(CODES.length)];
        SQLException e = switch (r.nextInt(14)) {
            case 0 -> new SQLIntegrityConstraintViolationException(message, state, code);
            case 1 -> new SQLSyntaxErrorException(message, state, code);
            case 2 -> new SQLTimeoutException(message, state, code);
            case 3 -> new SQLTransactionRollbackException(message, state, code);
            case 4 -> new SQLNonTransientConnectionException(message, state, code);
            case 5 -> new SQLTransientConnectionException(message, state, code);
            case 6 -> new DataTruncation(r.nextInt(5), r.nextBoolean(), r.nextBoolean(), r.nextInt(), r.nextInt());
            case 7 -> new BatchUpdateException(message, state, code, new int[0]);
            case 8 -> new SQLDataException(message, state, code);
            case 9 -> new SQLInvalidAuthorizationSpecException(message, state, code);
            case 10 -> new SQLFeatureNotSupportedException(message, state, code);
            case 11 -> postgres(r);
            default -> new SQLException(message, state, code);
        };
        if (depth < 3 && r.nextInt(4) == 0) {
            SQLException next = exception(r, depth + 1, cycles);
            e.setNextException(next);
            if (cycles && depth == 0 && r.nextInt(3) == 0) {
                // a cycle, closed last: SQLException#setNextException itself walks the chain and would never end
                next.setNextException(e);
            }
        }
        if (depth < 3 && r.nextInt(4) == 0 && e.getCause() == null) {
            Throwable cause = r.nextBoolean() ? exception(r, depth + 1, cycles) : new java.net.ConnectException(message(r));
            try {
                e.initCause(cause);
                if (cycles && cause.getCause() == null && r.nextInt(3) == 0) {
                    cause.initCause(e);                     // a cause cycle
                }
            } catch (IllegalStateException | IllegalArgumentException alreadySet) {
                // some subclasses set their own cause
            }
        }
        return e;
    }

    /** A real pgjdbc exception with random server fields (the wire format: type letter, value, NUL). */
    private static SQLException postgres(SplittableRandom r) {
        StringBuilder fields = new StringBuilder();
        String[] keys = {"S", "V", "C", "M", "D", "H", "n", "t", "c", "s", "d"};
        for (String k : keys) {
            if (r.nextInt(4) != 0) {
                String v = k.equals("C") ? String.valueOf(STATES[r.nextInt(STATES.length)]) : message(r);
                fields.append(k).append(v == null ? "" : v.replace('\0', ' ')).append('\0');
            }
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    private static String message(SplittableRandom r) {
        return switch (r.nextInt(40)) {
            case 0, 1, 2, 3, 4 -> null;
            case 5, 6, 7, 8, 9 -> "";
            case 10 -> huge(r);
            case 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 -> {
                String t = TEMPLATES[r.nextInt(TEMPLATES.length)];
                Object[] fills = new Object[8];
                for (int i = 0; i < fills.length; i++) {
                    fills[i] = r.nextInt(5) == 0 ? "" : text(r, 1 + r.nextInt(20));
                }
                String m = String.format(t, fills);
                yield r.nextInt(4) == 0 ? m.substring(0, r.nextInt(m.length() + 1)) : m;   // cut anywhere
            }
            default -> text(r, r.nextInt(200));
        };
    }

    private static String huge(SplittableRandom r) {
        StringBuilder b = new StringBuilder("Duplicate entry '");
        int n = 50_000 + r.nextInt(100_000);               // around and beyond the 64 KiB the rules read
        for (int i = 0; i < n; i++) {
            b.append(ODD.charAt(r.nextInt(ODD.length())));
        }
        return b.append("' for key 'uk_").append(text(r, 10)).append('\'').toString();
    }

    private static String text(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b.append(ODD.charAt(r.nextInt(ODD.length())));
                case 1 -> b.appendCodePoint(0x20 + r.nextInt(0x2FFF));
                default -> b.append((char) ('a' + r.nextInt(26)));
            }
        }
        return b.toString();
    }

    private static String describe(SQLException e) {
        if (e == null) {
            return "null";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + "(" + e.getErrorCode() + ", " + e.getSQLState() + ", "
                + (m == null ? "null" : m.length() > 120 ? m.substring(0, 120) + "..." : m) + ")";
    }
}
