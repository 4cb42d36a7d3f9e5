package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.MariaDbOverConnectorJDialect;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbException;
import dev.kiln.retry.DbNonExistentConstraintException;
import dev.kiln.retry.DbNonExistentDatabaseException;
import dev.kiln.retry.DbNonExistentTableException;
import dev.kiln.retry.DbNotSupportedException;
import dev.kiln.retry.DbQueryTimeoutException;
import dev.kiln.retry.RetrySettings;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Missing tables, databases and constraints, unsupported features, query timeouts and unknown errors. */
class SchemaErrorsTest extends ErrorTestBase {

    @DatabaseTest
    void nonExistentTable(TestDatabase db) throws Exception {
        DbNonExistentTableException e = Probe.of(db).compare("non-existent table",
                Probe.inTransaction(s -> s.createNativeQuery("SELECT * FROM kiln_nope", Object.class).list()))
                .compatible().kilnAs(DbNonExistentTableException.class);
        assertThat(e.getTable()).isEqualTo(db.backend() == Backend.H2 ? "KILN_NOPE" : "kiln_nope");
    }

    @DatabaseTest
    void nonExistentConstraint(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("non-existent constraint",
                Probe.sql("ALTER TABLE parent DROP CONSTRAINT kiln_nope"));
        c.compatible();
        DbNonExistentConstraintException e = c.kilnAs(DbNonExistentConstraintException.class);
        assertThat(e.getConstraintName()).isEqualTo(db.backend() == Backend.H2 ? "KILN_NOPE" : "kiln_nope");
        assertThat(e.getTable()).isEqualTo(db.backend() == Backend.POSTGRESQL ? "parent" : null);
    }

    @DatabaseTest
    void nonExistentDatabase(TestDatabase db) throws Exception {
        String url = switch (db.backend()) {
            case H2 -> "jdbc:h2:mem:kiln_missing_db;IFEXISTS=TRUE";
            case MARIADB, POSTGRESQL -> db.jdbcUrl().replace(db.name(), "kiln_missing_db");
        };
        Probe.Scenario onMissingDatabase = sf -> {
            try (SessionFactory missing = unconnectedSessionFactory(db, url, sf != Probe.of(db).plain)) {
                return Probe.inTransaction(s -> s.createNativeQuery("SELECT 1", Object.class).list()).run(missing);
            }
        };
        Comparison c = Probe.of(db).compare("non-existent database", onMissingDatabase);
        switch (db.backend()) {
            case MARIADB -> c.compatible();
            case POSTGRESQL -> c.deviates("Hibernate: PostgreSQL 3D000 is generic");
            // H2's driver reports it as a connection failure; Kiln names the missing database, an SQL grammar
            // error as on MySQL/MariaDB (one class cannot extend both)
            case H2 -> c.deviates("Hibernate: H2 90146 is a connection failure; Kiln keeps the MySQL type");
        }
        DbNonExistentDatabaseException e = c.kilnAs(DbNonExistentDatabaseException.class);
        assertThat(e.getDatabase()).contains("kiln_missing_db");
        assertThat(e.getMessage()).contains("Unable to acquire JDBC Connection");
    }

    @DatabaseTest
    void notSupported(TestDatabase db) throws Exception {
        Probe.Scenario scenario = switch (db.backend()) {
            case MARIADB -> Probe.inTransaction(s -> s.createNativeQuery(
                    "SELECT id FROM parent WHERE id IN (SELECT id FROM parent LIMIT 1)", Object.class).list());
            case POSTGRESQL -> Probe.sql("CREATE TABLE kiln_oids (id INT) WITH (oids = true)");
            case H2 -> Probe.inTransaction(s -> s.doWork(c -> c.createStruct("kiln", new Object[0])));
        };
        Comparison c = Probe.of(db).compare("not supported", scenario);
        if (db.backend() == Backend.MARIADB) {
            c.compatible();
        } else {
            c.deviates("Hibernate: " + (db.backend() == Backend.H2 ? "H2 50100" : "SQLState 0A000") + " is generic");
        }
        c.kilnAs(DbNotSupportedException.class);
    }

    @DatabaseTest
    void queryTimeout(TestDatabase db) throws Exception {
        Probe.Scenario scenario = Probe.inTransaction(s -> {
            switch (db.backend()) {
                case H2 -> {
                    s.createNativeMutationQuery("SET QUERY_TIMEOUT 50").executeUpdate();
                    s.createNativeQuery("SELECT SUM(X) FROM SYSTEM_RANGE(1, 3000000000)", Object.class).list();
                }
                // a per-statement limit, so the pooled connection keeps no setting (Statement#execute: it is no query)
                case MARIADB -> s.doWork(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET STATEMENT max_statement_time = 0.05 FOR SELECT COUNT(*) FROM "
                                + "information_schema.columns a, information_schema.columns b, information_schema.columns c");
                    }
                });
                case POSTGRESQL -> {
                    s.createNativeMutationQuery("SET LOCAL statement_timeout = 50").executeUpdate();
                    s.createNativeQuery("SELECT pg_sleep(2)", Object.class).list();
                }
            }
        });
        Comparison c = Probe.of(db).compare("query timeout", scenario);
        if (db.backend() == Backend.MARIADB) {
            c.deviates("Hibernate: MariaDB 1969 (SQLState 70100) is generic");
        } else {
            c.compatible();
        }
        DbQueryTimeoutException e = c.kilnAs(DbQueryTimeoutException.class);
        assertThat(e.isDisconnect()).isFalse();
    }

    @DatabaseTest
    void unknownErrorStaysDbExceptionWithItsCause(TestDatabase db) throws Exception {
        String sql = switch (db.backend()) {
            case H2 -> "CALL CSVREAD('/kiln/no/such/file.csv')";
            case MARIADB -> "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'kiln boom'";
            case POSTGRESQL -> "DO $$ BEGIN RAISE EXCEPTION 'kiln boom' USING ERRCODE = 'P0001'; END $$";
        };
        Comparison c = Probe.of(db).compare("unknown error", Probe.sql(sql)).compatible();
        DbException e = c.kilnAs(DbException.class);
        assertThat(e.getClass()).isEqualTo(DbException.class);
        SQLException cause = e.getSQLException();
        assertThat((Throwable) cause).isSameAs(e.getCause());
        assertThat(e.getSQLState()).isEqualTo(cause.getSQLState()).isEqualTo(switch (db.backend()) {
            case H2 -> "90028";
            case MARIADB -> "45000";
            case POSTGRESQL -> "P0001";
        });
        assertThat(e.getErrorCode()).isEqualTo(cause.getErrorCode());
        assertThat(e.getSQL()).isEqualTo(sql);
        assertThat(e.getSuppressed()).as("no translator failure").isEmpty();
    }

    /** A SessionFactory that does not connect while booting, on a URL that may not work. */
    static SessionFactory unconnectedSessionFactory(TestDatabase db, String url, boolean kiln) {
        return unconnectedSessionFactory(db, url, db.user(), db.password(), kiln);
    }

    /** The same with other credentials. */
    static SessionFactory unconnectedSessionFactory(TestDatabase db, String url, String user, String password,
                                                    boolean kiln) {
        DriverManagerDataSource ds = new DriverManagerDataSource(url, user, password);
        return HibernateBootstrap.on(ds, db.backend()).entities(Parent.class)
                .schema(HibernateBootstrap.Schema.NONE)
                .setting(AvailableSettings.DIALECT, switch (db.backend()) {
                    case H2 -> H2Dialect.class.getName();
                    case MARIADB -> MariaDbOverConnectorJDialect.class.getName();
                    case POSTGRESQL -> PostgreSQLDialect.class.getName();
                })
                .setting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .setting(RetrySettings.EXCEPTION_REWRITING, String.valueOf(kiln))
                .build();
    }
}
