package dev.kiln.retry.replay;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay example of retry/README.md, as written there, with a real kill where the comment says so. */
class ReplayReadmeExampleTest {
    static {
        Faults.quiet();
    }

    @DatabaseTest
    void theReadmeExampleRuns(TestDatabase db) throws Exception {
        db.shared("nova", d -> d.hibernate().entities(NovaModel.ENTITIES).build());
        NovaDataset data = NovaDataLoader.builder().floatingIps(10).fixedIps(2).projects(2).build().load(db.dataSource());
        String address = data.floatingAddresses().get(0);
        javax.sql.DataSource pool = db.newPool("readme", 4);

        // --- README example ---
        ReplayingDataSource ds = ReplayingDataSource.wrap(pool, ReplayConfig.builder().commitGuard(true).build());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            String host;
            try (PreparedStatement read = c.prepareStatement("SELECT host FROM floating_ips WHERE address = ?")) {
                read.setString(1, address);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    host = rs.getString(1);
                }
            }
            Faults.kill(c, db);   // the server kills the connection here (failover, KILL, a network cut)
            try (PreparedStatement update = c.prepareStatement("UPDATE floating_ips SET host = ? WHERE address = ?")) {
                update.setString(1, "compute-7");
                update.setString(2, address);
                update.executeUpdate();      // Kiln reconnects, replays the SELECT (same row?), then runs the UPDATE
            }
            c.commit();                      // an interrupted COMMIT would be checked with the guard row
            assertThat(host).isNotEqualTo("compute-7");
        }
        assertThat(ds.metrics().replaysSucceeded()).isEqualTo(1);
        // --- end ---
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE host = 'compute-7'")).isEqualTo(1);
    }
}
