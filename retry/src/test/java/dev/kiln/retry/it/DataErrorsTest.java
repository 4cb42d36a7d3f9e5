package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbDataException.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** Data errors (oslo.db's DBDataError: MySQL 1406, 1264, 1265, 1366, 1292 and their equivalents) on real servers. */
class DataErrorsTest extends ErrorTestBase {

    @DatabaseTest
    void tooLong(TestDatabase db) throws Exception {
        DbDataException e = Probe.of(db).compare("data: too long",
                Probe.inTransaction(s -> s.persist(new Parent(3, "toolong", 1)))).compatible()
                .kilnAs(DbDataException.class);
        assertThat(e.getProblem()).isEqualTo(Problem.TOO_LONG);
        switch (db.backend()) {
            case H2 -> {
                assertThat(e.getColumn()).isEqualTo("name");
                assertThat(e.getTable()).isEqualTo("parent");
                assertThat(e.getValue()).isEqualTo("toolong");
            }
            case MARIADB -> {
                assertThat(e.getErrorCode()).isEqualTo(1406);
                assertThat(e.getColumn()).isEqualTo("name");
                assertThat(e.getTable()).isEqualTo("parent");
                assertThat(e.getValue()).isNull();
            }
            case POSTGRESQL -> {
                // "value too long for type character varying(5)": PostgreSQL names neither column nor value
                assertThat(e.getColumn()).isNull();
                assertThat(e.getTable()).isNull();
                assertThat(e.getValue()).isNull();
            }
        }
    }

    @DatabaseTest
    void outOfRange(TestDatabase db) throws Exception {
        DbDataException e = Probe.of(db).compare("data: out of range",
                Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, 'c', 99999999999)")).compatible()
                .kilnAs(DbDataException.class);
        assertThat(e.getProblem()).isEqualTo(Problem.OUT_OF_RANGE);
        switch (db.backend()) {
            case H2 -> {
                assertThat(e.getColumn()).isEqualTo("qty");
                assertThat(e.getValue()).isEqualTo("99999999999");
            }
            case MARIADB -> {
                assertThat(e.getErrorCode()).isEqualTo(1264);
                assertThat(e.getColumn()).isEqualTo("qty");
                assertThat(e.getTable()).isEqualTo("parent");
            }
            case POSTGRESQL -> assertThat(e.getColumn()).as("\"integer out of range\" names no column").isNull();
        }
    }

    @DatabaseTest
    void incorrectValue(TestDatabase db) throws Exception {
        DbDataException e = Probe.of(db).compare("data: incorrect value",
                Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, 'c', 'abc')")).compatible()
                .kilnAs(DbDataException.class);
        assertThat(e.getProblem()).isEqualTo(Problem.INCORRECT_VALUE);
        assertThat(e.getValue()).isEqualTo("abc");
        switch (db.backend()) {
            case H2, MARIADB -> {
                assertThat(e.getTable()).isEqualTo("parent");
                assertThat(e.getColumn()).isEqualTo("qty");
            }
            case POSTGRESQL -> assertThat(e.getColumn()).isNull();
        }
        if (db.backend() == Backend.MARIADB) {
            assertThat(e.getErrorCode()).isEqualTo(1366);
        }
    }

    @DatabaseTest
    void incorrectDate(TestDatabase db) throws Exception {
        DbDataException e = Probe.of(db).compare("data: incorrect date",
                Probe.sql("INSERT INTO parent (id, name, qty, d) VALUES (3, 'c', 1, '2020-13-45')")).compatible()
                .kilnAs(DbDataException.class);
        assertThat(e.getProblem()).isEqualTo(Problem.INCORRECT_VALUE);
        assertThat(e.getValue()).isEqualTo("2020-13-45");
        if (db.backend() == Backend.MARIADB) {
            assertThat(e.getErrorCode()).isEqualTo(1292);
            assertThat(e.getTable()).isEqualTo("parent");
            assertThat(e.getColumn()).isEqualTo("d");
        }
    }

    @DatabaseTest(Backend.MARIADB)
    void truncatedOnMariaDb(TestDatabase db) throws Exception {
        DbDataException e = Probe.of(db).compare("data: truncated",
                Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, 'c', '1x')"))
                .deviates("Hibernate: 1265 has SQLState 01000 (a warning class) and is generic")
                .kilnAs(DbDataException.class);
        assertThat(e.getErrorCode()).isEqualTo(1265);
        assertThat(e.getProblem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.getColumn()).isEqualTo("qty");
        assertThat(e.getTable()).isEqualTo("parent");
    }

    @DatabaseTest
    void divisionByZero(TestDatabase db) throws Exception {
        Probe.Scenario scenario = db.backend() == Backend.MARIADB
                // MariaDB returns NULL for 1/0 in a SELECT; strict mode makes it an error when written
                ? Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, 'c', 1/0)")
                : Probe.inTransaction(s -> s.createNativeQuery("SELECT 1/0", Object.class).getSingleResult());
        DbDataException e = Probe.of(db).compare("data: division by zero", scenario).compatible()
                .kilnAs(DbDataException.class);
        assertThat(e.getProblem()).isEqualTo(Problem.DIVISION_BY_ZERO);
    }
}
