package dev.kiln.samples.profiler.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.OperationInput;
import dev.kiln.samples.profiler.internal.Inputs;
import dev.kiln.samples.profiler.internal.Workbench;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read path: {@code bundles} lists, for every project, the same (floating address, fixed address, instance host)
 * rows as plain Hibernate, including floating IPs whose fixed IP was cleared by earlier updates.
 */
class ListScenariosTest {
    @DatabaseTest
    void bundlesListWhatPlainHibernateLists(TestDatabase db) throws Exception {
        HikariDataSource pool = db.newPool("list", 4);
        try (Workbench bench = Workbench.open(pool, db.backend(), db.sql(), 300, 3)) {
            try (Operation update = new RawJdbcScenario().open(bench.timed())) {
                for (OperationInput in : Inputs.generate(bench.data(), 100, 3, 1)) {
                    update.run(in);   // clears fixed_ip_id of about a third of the rows
                }
            }
            SessionFactory sf = bench.timed().sessionFactory(Map.of());
            int rows = 0;
            int withoutFixedIp = 0;
            for (String project : projects(pool)) {   // the loaded ones and those the updates moved rows to
                try (Session session = sf.openSession()) {
                    List<String> expected = flat(ProjectListing.rows(ListHibernateScenario.READER.list(session, project)));
                    session.clear();
                    List<String> actual = flat(ProjectListing.rows(BundlesScenario.READER.list(session, project)));
                    assertThat(actual).as("project %s", project).isEqualTo(expected);
                    rows += expected.size();
                    withoutFixedIp += (int) expected.stream().filter(r -> r.contains("| null |")).count();
                }
            }
            assertThat(rows).isEqualTo(300);
            assertThat(withoutFixedIp).isPositive();
        } finally {
            pool.close();
        }
    }

    private static List<String> projects(javax.sql.DataSource ds) throws java.sql.SQLException {
        List<String> projects = new ArrayList<>();
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT DISTINCT project_id FROM floating_ips")) {
            while (rs.next()) {
                projects.add(rs.getString(1));
            }
        }
        return projects;
    }

    private static List<String> flat(List<String[]> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r[0] + " | " + r[1] + " | " + r[2]));
        return out;
    }
}
