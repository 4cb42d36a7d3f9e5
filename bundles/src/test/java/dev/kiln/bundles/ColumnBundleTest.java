package dev.kiln.bundles;

import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FixedIp_;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIp_;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.fixtures.nova.Instance_;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Column bundles: a type-safe subset of attributes; the rest throws, or loads lazily when asked. */
class ColumnBundleTest {

    @DatabaseTest
    void readsOnlyTheSelectedColumnsAndNamesAMissingOne(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            List<FixedIp> managed = s.createSelectionQuery("from FixedIp order by id", FixedIp.class).list();
            db.sql().reset();
            List<FixedIp> ips = Bundles.query(s, FixedIp.class).select(FixedIp_.address, FixedIp_.reserved)
                    .orderBy("e.id").list();
            String sql = db.sql().executed().get(0).toLowerCase(Locale.ROOT);
            assertThat(sql).contains("address").contains("reserved").doesNotContain("host").doesNotContain("instance_uuid");
            for (int i = 0; i < ips.size(); i++) {
                assertThat(ips.get(i).getId()).as("the identifier is always read").isEqualTo(managed.get(i).getId());
                assertThat(ips.get(i).getAddress()).isEqualTo(managed.get(i).getAddress());
                assertThat(ips.get(i).getReserved()).isEqualTo(managed.get(i).getReserved());
            }
            assertThatThrownBy(() -> ips.get(0).getHost())
                    .isInstanceOfSatisfying(AttributeNotLoadedException.class, e -> {
                        assertThat(e.entityName()).isEqualTo("FixedIp");
                        assertThat(e.attribute()).isEqualTo("host");
                    })
                    .hasMessageContaining("FixedIp.host was not loaded")
                    .hasMessageContaining("[id, address, reserved]")
                    .hasMessageContaining("loadUnselectedLazily()");
            assertThatThrownBy(() -> ips.get(0).getInstance()).isInstanceOf(AttributeNotLoadedException.class)
                    .hasMessageContaining("FixedIp.instance");
            assertThat(Bundles.isLoaded(ips.get(0), "address")).isTrue();
            assertThat(Bundles.isLoaded(ips.get(0), "host")).isFalse();
            assertThat(ips.get(0).toString()).contains("address=").doesNotContain("host=");
        });
    }

    @DatabaseTest
    void methodReferencesSelectAttributesTypeSafely(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            List<FloatingIp> ips = Bundles.query(s, FloatingIp.class)
                    .select(FloatingIp::getAddress, FloatingIp::getInterface, FloatingIp::getFixedIp)
                    .orderBy("e.id").list();
            List<FloatingIp> managed = s.createSelectionQuery("from FloatingIp order by id", FloatingIp.class).list();
            assertThat(ips).hasSameSizeAs(managed);
            for (int i = 0; i < ips.size(); i++) {
                assertThat(ips.get(i).getAddress()).isEqualTo(managed.get(i).getAddress());
                assertThat(ips.get(i).getInterface()).isEqualTo(managed.get(i).getInterface());
                assertThat(ips.get(i).getFixedIp().getId()).as("selected to-one loads lazily").isEqualTo(managed.get(i).getFixedIp().getId());
            }
            assertThatThrownBy(() -> ips.get(0).getProjectId()).isInstanceOf(AttributeNotLoadedException.class)
                    .hasMessageContaining("FloatingIp.projectId");
            assertThatThrownBy(() -> Bundles.query(s, FloatingIp.class).select(f -> "not a getter"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FloatingIp::getHost");
            assertThatThrownBy(() -> Bundles.query(s, FloatingIp.class).select("hots"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hots'").hasMessageContaining("host");
        });
    }

    @DatabaseTest
    void unselectedAttributesLoadLazilyForTheWholeResultWhenAsked(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            List<Instance> managed = s.createSelectionQuery("from Instance order by id", Instance.class).list();
            db.sql().reset();
            List<Instance> vms = Bundles.query(s, Instance.class).select(Instance_.hostname).loadUnselectedLazily()
                    .orderBy("e.id").list();
            assertThat(vms.get(0).getHostname()).isEqualTo(managed.get(0).getHostname());
            assertThat(db.sql().statements()).isEqualTo(1);
            assertThat(vms.get(0).getDisplayName()).isEqualTo(managed.get(0).getDisplayName());
            assertThat(db.sql().statements()).as("one query loads the other columns of every bundle").isEqualTo(2);
            for (int i = 0; i < vms.size(); i++) {
                NovaBundles.assertSameAsEntity(vms.get(i), managed.get(i));
            }
            // Instance.fixedIps is found by uuid, which this column bundle did not select: loaded on the way.
            List<Instance> slim = Bundles.query(s, Instance.class).select(Instance_.hostname).loadUnselectedLazily().list();
            assertThat(slim).allSatisfy(vm -> assertThat(vm.getFixedIps()).hasSize(1));
            List<Instance> strict = Bundles.query(s, Instance.class).select(Instance_.hostname).list();
            assertThatThrownBy(() -> strict.get(0).getFixedIps()).isInstanceOf(AttributeNotLoadedException.class)
                    .hasMessageContaining("Instance.uuid").hasMessageContaining("Instance.fixedIps is found by it");
        });
    }
}
