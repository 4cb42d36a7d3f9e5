package dev.kiln.benchmarks.replay;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.retry.replay.ReplayingConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import static org.assertj.core.api.Assertions.assertThat;

/** Both contenders update the same row the same way, and only "on" records: otherwise they do different work. */
class ReplayWorkloadTest {
    private static String hostOf(ReplayWorkload w, String address) {
        try (java.sql.Connection c = w.bench().database().openConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT host FROM floating_ips WHERE address = ?")) {
            ps.setString(1, address);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DatabaseTest({Backend.H2, Backend.MARIADB, Backend.POSTGRESQL})
    void onAndOffUpdateTheSameRowAndOnlyOnRecords(Backend backend) {
        try (ReplayWorkload w = new ReplayWorkload(backend)) {
            for (int i = 0; i < 10; i++) {
                String address = w.nextAddress();
                FloatingIp on = w.on(address);
                assertThat(hostOf(w, address)).isEqualTo(on.getHost());
                FloatingIp off = w.off(address);
                assertThat(off.getId()).isEqualTo(on.getId());
                assertThat(off.getHost()).isNotEqualTo(on.getHost());
                assertThat(hostOf(w, address)).isEqualTo(off.getHost());
            }
            ConnectionProvider replaying = w.replaying().unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(ConnectionProvider.class);
            ConnectionProvider plain = w.bench().sessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getServiceRegistry().requireService(ConnectionProvider.class);
            assertThat(replaying).isInstanceOf(ReplayingConnectionProvider.class);
            assertThat(plain).isNotInstanceOf(ReplayingConnectionProvider.class);
        }
    }
}
