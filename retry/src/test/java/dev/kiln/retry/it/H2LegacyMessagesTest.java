package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.retry.DbCheckViolationException;
import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbNonExistentTableException;
import dev.kiln.retry.DbNotNullViolationException;
import dev.kiln.retry.DbReferenceException;
import dev.kiln.retry.RetrySettings;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 2.3's message formats on real errors: H2 2.3.232 (copied to {@code target/h2-legacy} by the build) runs in its
 * own class loader next to the build's H2 2.4, and serves Hibernate through a DataSource. 2.3 names a unique
 * constraint only by its index ({@code PUBLIC.UK_PARENT_NAME_INDEX_8}) and a primary key not at all. A second copy
 * loaded under a German default locale proves the rules on H2's translated messages.
 */
class H2LegacyMessagesTest {
    private static final Path JAR = Path.of("target", "h2-legacy", "h2-legacy.jar");
    private static Legacy english;
    private static Legacy german;

    /** One H2 2.3 class loader, its in-memory database, and a Kiln and a plain SessionFactory on it. */
    private record Legacy(URLClassLoader loader, SimpleDriverDataSource dataSource, SessionFactory kiln,
                          SessionFactory plain) {
        static Legacy start(String name, Locale locale) throws Exception {
            assertThat(JAR).as("the build copies H2 2.3 here (maven-dependency-plugin, generate-test-resources)").exists();
            URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
            SimpleDriverDataSource ds = new SimpleDriverDataSource(driver, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            Locale previous = Locale.getDefault();
            try {
                Locale.setDefault(locale);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("2.3.");
                    s.execute("SELECT * FROM kiln_load_the_message_bundle_now");
                } catch (SQLException expected) {
                    // H2 reads its message bundle for the default locale on its first error
                }
            } finally {
                Locale.setDefault(previous);
            }
            SessionFactory kiln = HibernateBootstrap.on(ds, Backend.H2).entities(Parent.class, Child.class).build();
            SessionFactory plain = HibernateBootstrap.on(ds, Backend.H2).entities(Parent.class, Child.class)
                    .schema(HibernateBootstrap.Schema.NONE).setting(RetrySettings.EXCEPTION_REWRITING, "false").build();
            return new Legacy(loader, ds, kiln, plain);
        }

        void reset() throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM child");
                s.execute("DELETE FROM parent");
                s.execute("INSERT INTO parent (id, name, qty) VALUES (1, 'a', 1)");
                s.execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
            }
        }

        Comparison compare(String errorCase, Probe.Scenario scenario) throws Exception {
            reset();
            RuntimeException k = scenario.run(kiln);
            reset();
            RuntimeException p = scenario.run(plain);
            assertThat(Probe.jdbc(k)).as(errorCase).isInstanceOf(DbError.class);
            return new Comparison(Backend.H2, errorCase + " (H2 2.3" + (this == german ? ", German" : "") + ")", k, p,
                    Probe.jdbc(k), Probe.jdbc(p));
        }

        void close() throws Exception {
            kiln.close();
            plain.close();
            loader.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        english = Legacy.start("kiln_h2_legacy", Locale.ENGLISH);
        german = Legacy.start("kiln_h2_legacy_de", Locale.GERMAN);
    }

    @AfterAll
    static void stop() throws Exception {
        english.close();
        german.close();
        ErrorTable.write();
    }

    @Test
    void uniqueViolationNamesOnlyTheIndexIn23() throws Exception {
        for (Legacy h2 : new Legacy[] {english, german}) {
            Comparison c = h2.compare("duplicate entry (unique constraint)",
                    Probe.inTransaction(s -> s.persist(new Parent(3, "a", 1)))).compatible();
            DbDuplicateEntryException e = c.kilnAs(DbDuplicateEntryException.class);
            assertThat(e.getSQLException().getMessage()).contains(h2 == german ? "Eindeutiger Index" : "Unique index")
                    .contains("PUBLIC.UK_PARENT_NAME_INDEX_").doesNotContain("UK_PARENT_NAME INDEX");
            assertThat(e.getReportedConstraintName()).startsWith("PUBLIC.UK_PARENT_NAME_INDEX_");
            assertThat(e.getConstraintName()).isEqualTo("uk_parent_name");
            assertThat(e.getTable()).isEqualTo("parent");
            assertThat(e.getColumns()).containsExactly("name");
            assertThat(e.getValues()).containsExactly("a");
        }
    }

    @Test
    void primaryKeyViolationHasNoConstraintNameIn23() throws Exception {
        Comparison c = english.compare("duplicate entry (primary key)",
                Probe.inTransaction(s -> s.persist(new Parent(1, "z", 1)))).compatible();
        DbDuplicateEntryException e = c.kilnAs(DbDuplicateEntryException.class);
        assertThat(e.getSQLException().getMessage()).contains("\"PRIMARY KEY ON PUBLIC.PARENT(ID)");
        assertThat(e.getConstraintName()).as("H2 2.3 does not name the primary key").isNull();
        assertThat(e.getTable()).isEqualTo("parent");
        assertThat(e.getColumns()).containsExactly("id");
    }

    @Test
    void foreignKeysChecksNotNullDataAndMissingTables() throws Exception {
        for (Legacy h2 : new Legacy[] {english, german}) {
            DbReferenceException missing = h2.compare("foreign key: parent missing",
                    Probe.sql("INSERT INTO child (id, parent_id) VALUES (2, 5)")).compatible().kilnAs(DbReferenceException.class);
            assertThat(missing.getViolation()).isEqualTo(DbReferenceException.Violation.PARENT_MISSING);
            assertThat(missing.getConstraintName()).isEqualTo("fk_child_parent");
            assertThat(missing.getColumns()).containsExactly("parent_id");
            assertThat(missing.getReferencedTable()).isEqualTo("parent");
            assertThat(missing.getValues()).containsExactly("5");

            DbReferenceException referenced = h2.compare("foreign key: still referenced",
                    Probe.sql("DELETE FROM parent WHERE id = 1")).compatible().kilnAs(DbReferenceException.class);
            assertThat(referenced.getViolation()).isEqualTo(DbReferenceException.Violation.STILL_REFERENCED);
            assertThat(referenced.getTable()).isEqualTo("child");

            DbCheckViolationException check = h2.compare("check constraint",
                    Probe.inTransaction(s -> s.persist(new Parent(3, "c", -1)))).compatible()
                    .kilnAs(DbCheckViolationException.class);
            assertThat(check.getConstraintName()).isEqualTo("chk_qty");
            assertThat(check.getTable()).isEqualTo("parent");

            DbNotNullViolationException notNull = h2.compare("not null",
                    Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, NULL, 1)")).compatible()
                    .kilnAs(DbNotNullViolationException.class);
            assertThat(notNull.getColumn()).isEqualTo("name");
            assertThat(notNull.getTable()).isEqualTo("parent");

            DbDataException tooLong = h2.compare("data: too long",
                    Probe.inTransaction(s -> s.persist(new Parent(3, "toolong", 1)))).compatible()
                    .kilnAs(DbDataException.class);
            assertThat(tooLong.getProblem()).isEqualTo(DbDataException.Problem.TOO_LONG);
            assertThat(tooLong.getColumn()).isEqualTo("name");
            assertThat(tooLong.getValue()).isEqualTo("toolong");

            DbNonExistentTableException table = h2.compare("non-existent table",
                    Probe.inTransaction(s -> s.createNativeQuery("SELECT * FROM kiln_nope", Object.class).list()))
                    .compatible().kilnAs(DbNonExistentTableException.class);
            assertThat(table.getTable()).isEqualTo("KILN_NOPE");
        }
    }

    @Test
    void theLegacyJarIsReallyAnotherH2() throws Exception {
        assertThat(Files.size(JAR)).isPositive();
        assertThat(org.h2.engine.Constants.VERSION_MINOR).as("the build's own H2").isEqualTo(4);
        try (Connection c = english.dataSource().getConnection()) {
            assertThat(c.getClass().getClassLoader()).isSameAs(english.loader());
        }
    }
}
