package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbError;
import dev.kiln.retry.RetrySettings;
import org.hibernate.JDBCException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.MariaDBDialect;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.Session;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.hibernate.HibernateExceptionTranslator;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one error scenario twice on the same database: through a SessionFactory with Kiln's rewriting (the default
 * when kiln-retry is on the class path) and through one with {@code kiln.retry.exception_rewriting=false}, i.e. plain
 * Hibernate 7. The comparison then checks that Kiln's exception is still an instance of Hibernate's and that Spring
 * translates both alike, and records a row of the README table.
 */
final class Probe {
    private static final HibernateExceptionTranslator SPRING = new HibernateExceptionTranslator();

    final TestDatabase db;
    final SessionFactory kiln;
    final SessionFactory plain;

    private Probe(TestDatabase db) {
        this.db = db;
        this.kiln = db.hibernate().entities(Parent.class, Child.class).poolSize(3).build();
        this.plain = db.hibernate().entities(Parent.class, Child.class).poolSize(3)
                .schema(HibernateBootstrap.Schema.NONE)
                .setting(RetrySettings.EXCEPTION_REWRITING, "false").build();
    }

    private Probe(TestDatabase db, SessionFactory kiln, SessionFactory plain) {
        this.db = db;
        this.kiln = kiln;
        this.plain = plain;
    }

    /** The probe of {@code db}, through the fixtures' driver (mysql-connector-j for MariaDB). */
    static Probe of(TestDatabase db) {
        return db.shared("probe", Probe::new);
    }

    /** A probe of the MariaDB database {@code db} through MariaDB Connector/J ({@code jdbc:mariadb:}). */
    static Probe mariaDbConnectorJ(TestDatabase db) {
        return db.shared("probe-mariadb-connector-j", d -> {
            String url = d.jdbcUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
            DataSource ds = new DriverManagerDataSource(url, d.user(), d.password());
            SessionFactory kiln = HibernateBootstrap.on(ds, d.backend()).entities(Parent.class, Child.class)
                    .setting(AvailableSettings.DIALECT, MariaDBDialect.class.getName()).build();
            SessionFactory plain = HibernateBootstrap.on(ds, d.backend()).entities(Parent.class, Child.class)
                    .setting(AvailableSettings.DIALECT, MariaDBDialect.class.getName())
                    .schema(HibernateBootstrap.Schema.NONE)
                    .setting(RetrySettings.EXCEPTION_REWRITING, "false").build();
            d.register(kiln);
            d.register(plain);
            return new Probe(d, kiln, plain);
        });
    }

    Backend backend() {
        return db.backend();
    }

    /** Fresh rows for each test: parents 1 ('a') and 2 ('b'), child 1 of parent 1 when asked. */
    void reset(boolean withChild) {
        db.execute("DELETE FROM child", "DELETE FROM parent",
                "INSERT INTO parent (id, name, qty) VALUES (1, 'a', 1)",
                "INSERT INTO parent (id, name, qty) VALUES (2, 'b', 1)");
        if (withChild) {
            db.execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
        }
    }

    /** Something that fails on a SessionFactory and hands back what it threw (null if it did not fail). */
    @FunctionalInterface
    interface Scenario {
        RuntimeException run(SessionFactory sf) throws Exception;
    }

    static Scenario inTransaction(Consumer<Session> work) {
        return sf -> {
            try {
                sf.inTransaction(work);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        };
    }

    static Scenario sql(String statement) {
        return inTransaction(s -> s.createNativeMutationQuery(statement).executeUpdate());
    }

    Comparison compare(String errorCase, Scenario scenario) throws Exception {
        return compare(errorCase, scenario, null);
    }

    /** Runs {@code scenario} on both SessionFactories, {@code between} (e.g. a reset) in between. */
    Comparison compare(String errorCase, Scenario scenario, Runnable between) throws Exception {
        RuntimeException kilnError = scenario.run(kiln);
        if (between != null) {
            between.run();
        }
        RuntimeException plainError = scenario.run(plain);
        assertThat(kilnError).as("%s on %s: Kiln's SessionFactory must fail", errorCase, backend()).isNotNull();
        assertThat(plainError).as("%s on %s: plain Hibernate must fail", errorCase, backend()).isNotNull();
        // Query execution wraps Hibernate's exception in a Jakarta Persistence one: compare what is inside.
        JDBCException kilnJdbc = jdbc(kilnError);
        JDBCException plainJdbc = jdbc(plainError);
        assertThat(kilnJdbc).as("%s on %s: a DbError inside %s", errorCase, backend(), kilnError).isInstanceOf(DbError.class);
        assertThat(plainJdbc).as("plain Hibernate's JDBCException").isNotNull().isNotInstanceOf(DbError.class);
        assertThat((Throwable) ((DbError) kilnJdbc).getSQLException()).as("the driver's exception is the cause")
                .isSameAs(kilnJdbc.getCause()).isNotNull();
        return new Comparison(backend(), errorCase, kilnError, plainError, kilnJdbc, plainJdbc);
    }

    /** The first JDBCException in {@code e} and its causes, or null. */
    static JDBCException jdbc(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCException j) {
                return j;
            }
        }
        return null;
    }

    /** What Spring's HibernateExceptionTranslator (without a JDBC translator, its default) makes of {@code e}. */
    static Class<? extends DataAccessException> spring(RuntimeException e) {
        DataAccessException translated = SPRING.translateExceptionIfPossible(e);
        return translated == null ? null : translated.getClass();
    }
}
