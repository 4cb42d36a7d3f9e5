package dev.kiln.bundles;

import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.bundles.testing.views.FloatingIpRecord;
import dev.kiln.bundles.testing.views.FloatingIpSummary;
import dev.kiln.bundles.testing.views.MisspelledView;
import dev.kiln.bundles.testing.views.WrongTypeView;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** View types: interfaces and records populated from exactly their columns, nested paths, startup validation. */
class EntityViewTest {
    static SessionFactory world(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        db.shared("orphan", d -> {
            d.execute("insert into floating_ips (id, address, project_id, host, auto_assigned, pool, interface, deleted) "
                    + "values (100000, '198.51.100.1', 'orphans', 'h', false, 'x', 'y', 0)");
            return Boolean.TRUE;
        });
        return sf;
    }

    @DatabaseTest
    void interfaceViewsReadExactlyTheirColumnsThroughNestedPaths(TestDatabase db) {
        SessionFactory sf = world(db);
        sf.inSession(s -> {
            List<FloatingIp> managed = s.createSelectionQuery(
                    "from FloatingIp f left join fetch f.fixedIp x left join fetch x.instance order by f.id", FloatingIp.class).list();
            db.sql().reset();
            List<FloatingIpSummary> views = Bundles.view(s, FloatingIpSummary.class).orderBy("e.id").list();
            String sql = db.sql().executed().get(0).toLowerCase(Locale.ROOT);
            assertThat(db.sql().statements()).isEqualTo(1);
            assertThat(sql).contains("left join").doesNotContain("pool").doesNotContain("project_id").doesNotContain("hostname");
            assertThat(views).hasSameSizeAs(managed).hasSize(NovaBundles.FLOATING + 1);
            for (int i = 0; i < views.size(); i++) {
                FloatingIp m = managed.get(i);
                FloatingIpSummary v = views.get(i);
                assertThat(v.getId()).isEqualTo(m.getId());
                assertThat(v.getAddress()).isEqualTo(m.getAddress());
                assertThat(v.getFixedAddress()).isEqualTo(m.getFixedIp() == null ? null : m.getFixedIp().getAddress());
                assertThat(v.getInstanceHost()).isEqualTo(m.getFixedIp() == null ? null : m.getFixedIp().getInstance().getHost());
            }
            FloatingIpSummary orphan = views.get(views.size() - 1);
            assertThat(orphan.getFixedAddress()).as("a null association reads as null, the row stays").isNull();
            assertThat(views.get(0).describe()).isEqualTo(views.get(0).getAddress() + " -> " + views.get(0).getFixedAddress()
                    + " on " + views.get(0).getInstanceHost());
            List<FloatingIpSummary> again = Bundles.view(s, FloatingIpSummary.class).orderBy("e.id").list();
            assertThat(again.get(0)).isEqualTo(views.get(0)).hasSameHashCodeAs(views.get(0)).isNotEqualTo(views.get(1));
            assertThat(views.get(0).toString()).startsWith("FloatingIpSummary{").contains("address=" + views.get(0).getAddress());
        });
    }

    @DatabaseTest
    void recordViewsWithWhereAndPrimitives(TestDatabase db) {
        NovaBundles.World w = NovaBundles.world(db);
        world(db).inSession(s -> {
            String project = w.data().projectIds().get(2);
            List<FloatingIpRecord> rows = Bundles.view(s, FloatingIpRecord.class).where("e.projectId = :p")
                    .parameter("p", project).orderBy("e.id").list();
            List<FloatingIp> managed = s.createSelectionQuery(
                    "from FloatingIp f join fetch f.fixedIp x join fetch x.instance where f.projectId = :p order by f.id", FloatingIp.class)
                    .setParameter("p", project).list();
            assertThat(rows).isNotEmpty().hasSameSizeAs(managed);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)).isEqualTo(new FloatingIpRecord(managed.get(i).getId(), project,
                        managed.get(i).getAutoAssigned(), managed.get(i).getFixedIp().getInstance().getUuid()));
            }
        });
    }

    @DatabaseTest(Backend.H2)
    void aMisspelledAttributeFailsTheStartupNamingIt(TestDatabase db) {
        assertThatThrownBy(() -> db.hibernate().entities(NovaModel.ENTITIES)
                .setting(BundleSettings.VIEWS, MisspelledView.class.getName() + ", " + FloatingIpSummary.class.getName()).build())
                .hasStackTraceContaining("View MisspelledView.getHost() maps 'fixedIp.instance.hots': Instance has no attribute 'hots'")
                .hasStackTraceContaining("hostname");
        assertThatThrownBy(() -> db.hibernate().entities(NovaModel.ENTITIES)
                .setting(BundleSettings.VIEWS, List.of(WrongTypeView.class)).build())
                .hasStackTraceContaining("View WrongTypeView.address() maps 'address': FloatingIp.address is a java.lang.String, "
                        + "the accessor returns java.lang.Integer");
        SessionFactory ok = db.hibernate().entities(NovaModel.ENTITIES)
                .setting(BundleSettings.VIEWS, List.of(FloatingIpSummary.class, FloatingIpRecord.class)).build();
        assertThat(ok.isOpen()).isTrue();
        // Not listed: the same check runs on first use.
        ok.inSession(s -> assertThatThrownBy(() -> Bundles.view(s, MisspelledView.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no attribute 'hots'"));
    }
}
