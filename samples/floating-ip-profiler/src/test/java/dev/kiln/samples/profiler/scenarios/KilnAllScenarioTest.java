package dev.kiln.samples.profiler.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIpValues;
import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbErrors;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.OperationInput;
import dev.kiln.samples.profiler.internal.Workbench;
import jakarta.persistence.NoResultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * kiln_all really runs with soft-delete criteria and exception rewriting on (and default_optimized with neither):
 * a soft-deleted floating IP is invisible to it, and a value too long for its column fails as a Kiln exception.
 */
class KilnAllScenarioTest {
    @DatabaseTest
    void softDeletedRowsAreInvisibleAndErrorsAreRewritten(TestDatabase db) throws Exception {
        HikariDataSource pool = db.newPool("kiln-all", 4);
        try (Workbench bench = Workbench.open(pool, db.backend(), db.sql(), 20, 5);
             Operation kilnAll = new KilnAllScenario().open(bench.timed());
             Operation plain = new DefaultOptimizedScenario().open(bench.timed())) {
            String deleted = bench.data().floatingAddresses().get(3);
            String live = bench.data().floatingAddresses().get(4);
            try (var c = pool.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE floating_ips SET deleted = id WHERE address = '" + deleted + "'");
            }
            FloatingIpValues values = new FloatingIpValues("fake_project_1", "h.host.com", "fake_interface_1");

            assertThatThrownBy(() -> kilnAll.run(new OperationInput(deleted, "p", values)))
                    .isInstanceOf(NoResultException.class);
            plain.run(new OperationInput(deleted, "p", values));   // plain Hibernate sees the deleted row
            kilnAll.run(new OperationInput(live, "p", values));

            FloatingIpValues tooLong = new FloatingIpValues("fake_project_1", "h".repeat(300), "fake_interface_1");
            assertThatThrownBy(() -> kilnAll.run(new OperationInput(live, "p", tooLong)))
                    .satisfies(e -> assertThat(DbErrors.find(e)).get().isInstanceOf(DbDataException.class));
            assertThatThrownBy(() -> plain.run(new OperationInput(live, "p", tooLong)))
                    .satisfies(e -> assertThat(DbErrors.find(e)).isEmpty());
        } finally {
            pool.close();
        }
    }
}
