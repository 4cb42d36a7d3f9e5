package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.ConstraintCatalog.Constraint;
import dev.kiln.retry.ConstraintCatalog.Kind;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbErrorTranslator;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.DbNotNullViolationException;
import dev.kiln.retry.DbReferenceException;
import dev.kiln.retry.RetrySettings;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The standalone API on plain JDBC (what Jdbi users get), ConstraintCatalog.load on each backend, and the Hibernate
 * setting that adds the schema's constraints to the mapping's.
 */
class StandaloneTranslatorTest {

    /**
     * A table outside the mapping, as a migration script would create it. MariaDB gets a unique index (which MySQL
     * lists as a constraint); PostgreSQL and H2 a unique constraint (their unique indexes are not in
     * INFORMATION_SCHEMA, and their messages name the columns anyway).
     */
    private static void prepare(TestDatabase db) {
        db.execute("DROP TABLE IF EXISTS accounts",
                "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL, tenant INT NOT NULL)",
                db.backend() == Backend.MARIADB
                        ? "CREATE UNIQUE INDEX accounts_email_tenant ON accounts (tenant, email)"
                        : "ALTER TABLE accounts ADD CONSTRAINT accounts_email_tenant UNIQUE (tenant, email)",
                "INSERT INTO accounts VALUES (1, 'x@example.org', 7)");
    }

    private static SQLException failing(TestDatabase db, String... statements) {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            return e;
        }
        return fail("expected %s to fail on %s", List.of(statements), db.backend());
    }

    static DbBackend backendOf(TestDatabase db) {
        return ConstraintErrorsTest.backendOf(db);
    }

    @DatabaseTest
    void jdbcErrorsTranslateWithoutHibernate(TestDatabase db) {
        prepare(db);
        String sql = "INSERT INTO accounts VALUES (2, 'x@example.org', 7)";
        SQLException e = failing(db, sql);
        DbError error = DbErrors.translate(e, backendOf(db), sql);
        assertThat(error).isInstanceOf(DbDuplicateEntryException.class);
        assertThat((Throwable) error.getSQLException()).isSameAs(e);
        assertThat(error.getSQL()).isEqualTo(sql);
        assertThat(error.getMessage()).isEqualTo(e.getMessage() + " [" + sql + "]");
        DbDuplicateEntryException d = (DbDuplicateEntryException) error;
        assertThat(d.getConstraintName()).isEqualToIgnoringCase("accounts_email_tenant");
        if (db.backend() == Backend.MARIADB) {
            assertThat(d.getColumns()).as("MariaDB does not name the columns, and no catalog was given").isEmpty();
            assertThat(d.getValues()).containsExactly("7-x@example.org");
        } else {
            assertThat(d.getColumns()).map(String::toLowerCase).containsExactly("tenant", "email");
            assertThat(d.getValues()).containsExactly("7", "x@example.org");
        }
        // detection from the exception (MYSQL for mysql-connector-j even on a MariaDB server: see DbBackend#detect)
        assertThat(DbErrors.translate(e)).isInstanceOf(DbDuplicateEntryException.class);
        assertThat(DbErrors.find(new RuntimeException(error.asException()))).containsSame(error);
    }

    @DatabaseTest
    void catalogLoadedFromTheSchemaCompletesWhatTheMessageLeavesOut(TestDatabase db) throws SQLException {
        prepare(db);
        ConstraintCatalog catalog = ConstraintCatalog.load(db.dataSource(), backendOf(db));
        Constraint index = catalog.find("accounts", "accounts_email_tenant").orElseThrow();
        assertThat(index.kind()).isEqualTo(Kind.UNIQUE);
        assertThat(index.columns()).map(String::toLowerCase).containsExactly("tenant", "email");
        assertThat(catalog.primaryKey("accounts")).get().extracting(Constraint::columns).asList()
                .map(c -> c.toString().toLowerCase()).containsExactly("id");

        DbErrorTranslator translator = DbErrorTranslator.builder(backendOf(db)).constraints(catalog).build();
        String sql = "INSERT INTO accounts VALUES (2, 'x@example.org', 7)";
        DbDuplicateEntryException d = (DbDuplicateEntryException) translator.translate(failing(db, sql), sql);
        assertThat(d.getTable()).isEqualToIgnoringCase("accounts");
        assertThat(d.getColumns()).map(String::toLowerCase).containsExactly("tenant", "email");
        assertThat(d.getValues()).containsExactly("7", "x@example.org");
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void postgresForeignKeysAreLoadedWithTheirReferencedColumns(TestDatabase db) throws SQLException {
        db.execute("DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS customers",
                "CREATE TABLE customers (id INT PRIMARY KEY)",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer INT CONSTRAINT orders_customer REFERENCES customers (id))",
                "INSERT INTO customers VALUES (1)", "INSERT INTO orders VALUES (1, 1)");
        ConstraintCatalog catalog = ConstraintCatalog.load(db.dataSource(), DbBackend.POSTGRESQL);
        Constraint fk = catalog.find("orders", "orders_customer").orElseThrow();
        assertThat(fk.referencedTable()).isEqualTo("customers");
        assertThat(fk.referencedColumns()).containsExactly("id");
        // the still-referenced direction does not name the child's columns: the catalog does
        DbReferenceException r = (DbReferenceException) DbErrorTranslator.builder(DbBackend.POSTGRESQL)
                .constraints(catalog).build().translate(failing(db, "DELETE FROM customers WHERE id = 1"));
        assertThat(r.getViolation()).isEqualTo(DbReferenceException.Violation.STILL_REFERENCED);
        assertThat(r.getColumns()).containsExactly("customer");
        assertThat(r.getReferencedColumns()).containsExactly("id");
    }

    @DatabaseTest(Backend.MARIADB)
    void mariaDbInGermanReadsTheSameFacts(TestDatabase db) {
        Probe.of(db).reset(true);
        SQLException dup = failing(db, "SET lc_messages = 'de_DE'", "INSERT INTO parent (id, name, qty) VALUES (3, 'a', 1)");
        assertThat(dup.getMessage()).startsWith("Doppelter Eintrag");
        DbDuplicateEntryException d = (DbDuplicateEntryException) DbErrors.translate(dup, DbBackend.MARIADB);
        assertThat(d.getConstraintName()).isEqualTo("uk_parent_name");
        assertThat(d.getValues()).containsExactly("a");

        SQLException fk = failing(db, "SET lc_messages = 'de_DE'", "INSERT INTO child (id, parent_id) VALUES (2, 5)");
        DbReferenceException r = (DbReferenceException) DbErrors.translate(fk, DbBackend.MARIADB);
        assertThat(r.getConstraintName()).isEqualTo("fk_child_parent");
        assertThat(r.getTable()).isEqualTo("child");
        assertThat(r.getColumns()).containsExactly("parent_id");
        assertThat(r.getReferencedTable()).isEqualTo("parent");

        SQLException nn = failing(db, "SET lc_messages = 'de_DE'", "INSERT INTO parent (id, name, qty) VALUES (3, NULL, 1)");
        assertThat(((DbNotNullViolationException) DbErrors.translate(nn, DbBackend.MARIADB)).getColumn()).isEqualTo("name");
    }

    @DatabaseTest(Backend.MARIADB)
    void hibernateCanAddTheSchemasConstraintsToTheMappings(TestDatabase db) throws Exception {
        Probe.of(db);                                     // the mapped tables
        prepare(db);
        try (SessionFactory withSchema = db.hibernate().entities(Parent.class, Child.class)
                .schema(HibernateBootstrap.Schema.NONE)
                .setting(RetrySettings.CONSTRAINTS_FROM_DATABASE, "true").build()) {
            Comparison c = Probe.of(db).compare("duplicate entry (unique index outside the mapping)",
                    sf -> Probe.sql("INSERT INTO accounts VALUES (2, 'x@example.org', 7)").run(sf == Probe.of(db).kiln ? withSchema : sf))
                    .compatible();
            DbDuplicateEntryException d = c.kilnAs(DbDuplicateEntryException.class);
            assertThat(d.getTable()).isEqualTo("accounts");
            assertThat(d.getColumns()).containsExactly("tenant", "email");
            assertThat(d.getValues()).containsExactly("7", "x@example.org");
        }
        // by default there is no startup query, and MariaDB's message has no columns
        DbDuplicateEntryException plainMapping = Probe.sql("INSERT INTO accounts VALUES (3, 'x@example.org', 7)")
                .run(Probe.of(db).kiln) instanceof DbDuplicateEntryException d ? d : null;
        assertThat(plainMapping).isNotNull();
        assertThat(plainMapping.getColumns()).isEmpty();
    }
}
