package dev.kiln.benchmarks.bulk;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FloatingIp;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contenders of the bulk and FastSave suites do the same work. */
class BulkWorkloadTest {

    private static long query(BulkWorkload w, String sql) throws Exception {
        try (Connection c = w.bench().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyInsertContenderWritesTheSameTenThousandRows() throws Exception {
        try (BulkWorkload w = new BulkWorkload(Backend.H2, false)) {
            for (int contender = 0; contender < 5; contender++) {
                List<FloatingIp> rows = w.prepareInsert();
                int n = switch (contender) {
                    case 0 -> w.kilnInsert(rows);
                    case 1 -> w.persistInsert(rows);
                    case 2 -> w.statelessInsert(rows);
                    case 3 -> w.jdbiInsert(rows);
                    default -> w.jdbcInsert(rows);
                };
                assertThat(n).isEqualTo(BulkWorkload.ROWS);
                assertThat(query(w, "select count(*) from floating_ips")).as("contender " + contender).isEqualTo(10_000);
                assertThat(query(w, "select count(distinct address) from floating_ips")).isEqualTo(10_000);
                assertThat(query(w, "select count(*) from floating_ips where host is null")).isEqualTo(5_000);
                assertThat(query(w, "select count(*) from floating_ips where created_at is null or updated_at is null"))
                        .isZero();
            }
        }
    }

    @Test
    void everyUpdateContenderChangesEveryRow() throws Exception {
        try (BulkWorkload w = new BulkWorkload(Backend.H2, true)) {
            for (int contender = 0; contender < 4; contender++) {
                String before = hosts(w);
                int n = switch (contender) {
                    case 0 -> w.kilnUpdate();
                    case 1 -> w.persistUpdate();
                    case 2 -> w.statelessUpdate();
                    default -> w.jdbcUpdate();
                };
                assertThat(n).isEqualTo(BulkWorkload.ROWS);
                assertThat(query(w, "select count(distinct host) from floating_ips")).isEqualTo(1);
                assertThat(hosts(w)).as("contender " + contender).isNotEqualTo(before);
                assertThat(query(w, "select count(*) from floating_ips where pool = 'fake_pool' and fixed_ip_id is null"))
                        .isEqualTo(10_000);
            }
        }
    }

    private static String hosts(BulkWorkload w) throws Exception {
        try (Connection c = w.bench().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select min(host) from floating_ips")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void fastSaveAndFlushContendersWriteTheTargetRowOnly() {
        try (FastSaveWorkload w = new FastSaveWorkload(Backend.H2, 1, 100)) {
            for (boolean fast : new boolean[]{true, false}) {
                FastSaveWorkload.Contender c = w.contender(100, fast);
                assertThat(c.managed()).isEqualTo(101);
                String host = c.update();
                assertThat(c.target().getHost()).isEqualTo(host);
            }
            assertThat(w.contender(1, true).managed()).isEqualTo(2);
        }
    }
}
