package dev.kiln.samples.profiler;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.RetrySettings;
import dev.kiln.samples.profiler.internal.Inputs;
import dev.kiln.samples.profiler.internal.ScenarioCatalog;
import dev.kiln.samples.profiler.internal.Workbench;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario leaves the database exactly as a plain Hibernate run of the same inputs does: same floating IP rows
 * (all columns; {@code updated_at} set exactly on the updated rows), no other table written. The reference is written
 * here, independently of the scenarios, with plain Hibernate.
 */
class ScenarioCorrectnessTest {
    private static final int ROWS = 150;
    private static final int OPS = 250;
    private static final long SEED = 7;

    /** Scenarios checked below; a new available scenario must be added here (see {@link #everyScenarioIsAvailableAndChecked}). */
    private static final Set<String> CHECKED = Set.of("default", "default_optimized", "fast_save", "baked",
            "fast_save_plus_baked", "kiln_all", "jdbi", "raw_jdbc");

    /** Read paths, checked by {@code ListScenariosTest}. */
    private static final Set<String> READ_PATHS = Set.of("bundles", "list_hibernate");

    @DatabaseTest
    void defaultScenario(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "default");
    }

    @DatabaseTest
    void defaultOptimized(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "default_optimized");
    }

    @DatabaseTest
    void fastSave(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "fast_save");
    }

    @DatabaseTest
    void baked(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "baked");
    }

    @DatabaseTest
    void fastSavePlusBaked(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "fast_save_plus_baked");
    }

    @DatabaseTest
    void kilnAll(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "kiln_all");
    }

    @DatabaseTest
    void jdbi(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "jdbi");
    }

    @DatabaseTest
    void rawJdbc(TestDatabase db) throws Exception {
        assertUpdatesLikePlainHibernate(db, "raw_jdbc");
    }

    @Test
    void everyScenarioIsAvailableAndChecked() {
        for (Scenario s : ScenarioCatalog.load().all()) {
            assertThat(s.unavailableReason()).as("scenario %s is available in this build", s.name()).isEmpty();
            assertThat(s.workload().equals("update") ? CHECKED : READ_PATHS)
                    .as("correctness test for scenario %s", s.name()).contains(s.name());
        }
    }

    private static void assertUpdatesLikePlainHibernate(TestDatabase db, String scenarioName) throws Exception {
        Scenario scenario = ScenarioCatalog.load().get(scenarioName);
        assertThat(scenario.unavailableReason()).as("%s is available", scenarioName).isEmpty();
        Snapshots expected = db.shared("expected", ScenarioCorrectnessTest::plainHibernateRun);

        List<String> actual;
        HikariDataSource pool = db.newPool(scenarioName, 4);
        try (Workbench bench = Workbench.open(pool, db.backend(), db.sql(), ROWS, SEED);
             Operation op = scenario.open(bench.timed())) {
            for (OperationInput in : Inputs.generate(bench.data(), OPS, SEED, 1)) {
                op.run(in);
            }
            actual = snapshot(pool);
        } finally {
            pool.close();
        }
        assertThat(actual).as("rows after %s on %s", scenarioName, db.backend()).isEqualTo(expected.after);
    }

    /** The reference: plain Hibernate, written here, on freshly loaded data. */
    private static Snapshots plainHibernateRun(TestDatabase db) {
        HikariDataSource pool = db.newPool("reference", 4);
        try (Workbench bench = Workbench.open(pool, db.backend(), db.sql(), ROWS, SEED);
             SessionFactory sf = HibernateBootstrap.on(pool, db.backend()).entities(NovaModel.ENTITIES)
                     .schema(HibernateBootstrap.Schema.NONE).setting(RetrySettings.EXCEPTION_REWRITING, false).build()) {
            List<String> before = snapshot(pool);
            for (OperationInput in : Inputs.generate(bench.data(), OPS, SEED, 1)) {
                sf.inTransaction(s -> {
                    FloatingIp ip = s.createSelectionQuery("from FloatingIp where address = :a", FloatingIp.class)
                            .setParameter("a", in.address()).getSingleResult();
                    in.values().applyTo(ip);
                });
            }
            List<String> after = snapshot(pool);
            long changed = 0;
            for (int i = 0; i < before.size(); i++) {
                changed += before.get(i).equals(after.get(i)) ? 0 : 1;
            }
            // 250 random picks among 150 rows touch about 120 distinct rows.
            assertThat(changed).as("rows changed by the reference run").isGreaterThan(ROWS / 2);
            return new Snapshots(after);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.close();
        }
    }

    private record Snapshots(List<String> after) {
    }

    /**
     * Every floating IP row (all columns but the value of {@code updated_at}, which is only checked for being set),
     * plus how many instances and fixed IPs were ever updated (none should be).
     */
    static List<String> snapshot(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, address, fixed_ip_id, project_id, host, auto_assigned, pool, "
                    + "interface, deleted, deleted_at, created_at, "
                    + "CASE WHEN updated_at IS NULL THEN 'never updated' ELSE 'updated' END FROM floating_ips ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        sb.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    rows.add(sb.toString());
                }
            }
            for (String table : NovaModel.TABLES.subList(0, 2)) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE updated_at IS NOT NULL")) {
                    rs.next();
                    rows.add(table + " updated: " + rs.getLong(1));
                }
            }
        }
        return rows;
    }
}
