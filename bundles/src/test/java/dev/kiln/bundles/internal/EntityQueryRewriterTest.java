package dev.kiln.bundles.internal;

import dev.kiln.bundles.Bundles;
import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entity queries written elsewhere (baked queries) keep their clauses and get the bundle's select list. */
class EntityQueryRewriterTest {
    @DatabaseTest
    void keepsRootsJoinsWhereOrderAndParameters(TestDatabase db) {
        NovaBundles.World w = NovaBundles.world(db);
        SessionFactoryImplementor sf = (SessionFactoryImplementor) w.sf();
        BundleEngine engine = BundleEngine.of(sf);
        EntityLayout layout = engine.layout(FloatingIp.class);
        SelectPlan plan = engine.plan(layout, layout.allLoaded(), List.of());
        String fixedAddress = w.data().fixedAddresses().get(1);
        for (String hql : List.of(
                "from FloatingIp f where f.fixedIp.address = :a order by f.id desc",
                "select f from FloatingIp f join f.fixedIp x where x.address = :a order by f.id desc",
                "from FloatingIp where fixedIp.address = :a order by id desc")) {
            String rewritten = EntityQueryRewriter.rewrite(sf, hql, plan);
            sf.inSession(s -> {
                List<FloatingIp> bundles = engine.execute((SharedSessionContractImplementor) s, plan,
                        s.createSelectionQuery(rewritten, Object[].class).setParameter("a", fixedAddress), false);
                List<FloatingIp> managed = s.createSelectionQuery(hql, FloatingIp.class).setParameter("a", fixedAddress).list();
                assertThat(bundles).as(rewritten).isNotEmpty().allMatch(Bundles::isBundle);
                assertThat(NovaBundles.ids(bundles)).as(rewritten).isEqualTo(NovaBundles.ids(managed));
                for (int i = 0; i < bundles.size(); i++) {
                    assertThat(bundles.get(i).getAddress()).isEqualTo(managed.get(i).getAddress());
                }
            });
        }
    }

    @DatabaseTest
    void refusesQueriesThatDoNotSelectTheEntity(TestDatabase db) {
        SessionFactoryImplementor sf = (SessionFactoryImplementor) NovaBundles.world(db).sf();
        BundleEngine engine = BundleEngine.of(sf);
        EntityLayout layout = engine.layout(FloatingIp.class);
        SelectPlan plan = engine.plan(layout, layout.allLoaded(), List.of());
        assertThatThrownBy(() -> EntityQueryRewriter.rewrite(sf, "select f.address from FloatingIp f", plan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must select the FloatingIp entities");
        assertThatThrownBy(() -> EntityQueryRewriter.rewrite(sf, "from FixedIp", plan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FloatingIp");
        assertThatThrownBy(() -> EntityQueryRewriter.rewrite(sf, "select f from FloatingIp f, FixedIp x where f.fixedIp = x", plan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 roots");
    }
}
