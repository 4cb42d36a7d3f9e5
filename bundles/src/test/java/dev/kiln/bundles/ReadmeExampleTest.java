package dev.kiln.bundles;

import dev.kiln.bundles.testing.views.FloatingIpSummary;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FixedIp_;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example of the module README, verbatim between the markers, run on every backend. */
class ReadmeExampleTest {
    private static String queryString(TestDatabase db, String sql) {
        try (java.sql.Connection c = db.openConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DatabaseTest
    void readmeExample(TestDatabase db) {
        SessionFactory sessionFactory = db.hibernate().entities(NovaModel.ENTITIES).build();
        NovaDataLoader.builder().floatingIps(100).fixedIps(5).build().load(db.dataSource());
        String host = queryString(db, "select host from fixed_ips where id = 1");

        // --- README example ---
        try (Session session = sessionFactory.openSession()) {
            // Full bundles: FixedIp instances (a generated subclass), read-only, not in the persistence context.
            List<FixedIp> ips = Bundles.query(session, FixedIp.class)
                    .where("e.host = :host").parameter("host", host)
                    .fetch("instance")                                  // to-one in the same query (left join)
                    .list();
            String vm = ips.get(0).getInstance().getHostname();          // no query: fetched
            List<FloatingIp> fips = ips.get(0).getFloatingIps();         // lazy: one query for all bundles of the result
            // ips.get(0).setHost("x");                                  // ReadOnlyBundleException: FixedIp.host is read-only

            // Column bundles: the identifier and the chosen attributes only.
            List<FixedIp> slim = Bundles.query(session, FixedIp.class)
                    .select(FixedIp_.address, FixedIp_.reserved)         // or .select(FixedIp::getAddress, ...)
                    .orderBy("e.address")
                    .list();
            // slim.get(0).getHost();                                    // AttributeNotLoadedException: FixedIp.host ...

            // Views: an interface or a record, populated from exactly its columns.
            List<FloatingIpSummary> views = Bundles.view(session, FloatingIpSummary.class)
                    .where("e.fixedIp.host = :host").parameter("host", host)
                    .list();
            // --- end of README example ---

            assertThat(ips).isNotEmpty().allMatch(Bundles::isBundle).allMatch(f -> host.equals(f.getHost()));
            assertThat(vm).isEqualTo(queryString(db, "select i.hostname from instances i join fixed_ips f on f.instance_uuid = i.uuid where f.id = "
                    + ips.get(0).getId()));
            assertThat(fips).hasSize((int) db.queryLong("select count(*) from floating_ips where fixed_ip_id = " + ips.get(0).getId()));
            assertThatThrownBy(() -> ips.get(0).setHost("x")).isInstanceOf(ReadOnlyBundleException.class);
            assertThat(slim).hasSize(5);
            assertThatThrownBy(() -> slim.get(0).getHost()).isInstanceOf(AttributeNotLoadedException.class);
            assertThat(views).hasSize((int) db.queryLong("select count(*) from floating_ips f join fixed_ips x on f.fixed_ip_id = x.id "
                    + "where x.host = '" + host + "'"));
        }
    }
}
