package dev.kiln.bundles;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIp_;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;

import static dev.kiln.bundles.testing.NovaBundles.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bundle queries and their lazy loads see exactly the rows Hibernate's own queries see under Kiln's soft-delete
 * criteria, for every read_deleted mode and scope, with contexts alternating on one SessionFactory (the translated
 * plans are Hibernate's, cached per criteria shape).
 */
class SoftDeleteInterplayTest {
    record World(SessionFactory sf, NovaDataset data) {
    }

    static World world(TestDatabase db) {
        return db.shared("soft-delete", d -> {
            SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                    .softDelete(NovaBase.class, SoftDeleteStyle.nova())
                    .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
                    .rule(CriteriaRule.projectScope(Instance.class, "project_id"))
                    .build();
            SessionFactory sf = d.hibernate().entities(NovaModel.ENTITIES)
                    .setting(SoftDeleteSettings.CONFIGURATION, config).build();
            NovaDataset data = NovaDataLoader.builder().floatingIps(80).fixedIps(6).projects(3).seed(5).build()
                    .load(d.dataSource());
            d.execute("update floating_ips set deleted = id, deleted_at = created_at where mod(id, 5) = 0",
                    "update fixed_ips set deleted = id where id = 2",
                    "update floating_ips set project_id = null where mod(id, 7) = 0");
            return new World(sf, data);
        });
    }

    static List<CriteriaContext> contexts(NovaDataset data) {
        List<CriteriaContext> contexts = new ArrayList<>();
        for (ReadDeleted mode : ReadDeleted.values()) {
            contexts.add(CriteriaContext.admin().withReadDeleted(mode));
            contexts.add(CriteriaContext.project(data.projectIds().get(0)).withReadDeleted(mode));
            contexts.add(CriteriaContext.project(data.projectIds().get(1)).withReadDeleted(mode));
        }
        return contexts;
    }

    @DatabaseTest
    void queriesSeeTheRowsHibernateSeesInEveryContext(TestDatabase db) {
        World w = world(db);
        try (Session s = w.sf().openSession()) {
            for (int round = 0; round < 2; round++) {   // alternate contexts on one SessionFactory, twice
                for (CriteriaContext ctx : contexts(w.data())) {
                    SoftDelete.setContext(s, ctx);
                    List<Long> expected = s.createSelectionQuery("select id from FloatingIp order by id", Long.class).list();
                    assertThat(ids(Bundles.query(s, FloatingIp.class).orderBy("e.id").list())).as("%s", ctx).isEqualTo(expected);
                    assertThat(ids(Bundles.query(s, FloatingIp.class).select(FloatingIp_.address)
                            .where((cb, f) -> cb.isNotNull(f.get(FloatingIp_.address)))
                            .orderBy((cb, f) -> List.of(cb.asc(f.get(FloatingIp_.id)))).list()))
                            .as("criteria, column bundle, %s", ctx).isEqualTo(expected);
                    List<Long> fixed = s.createSelectionQuery("select id from FixedIp order by id", Long.class).list();
                    assertThat(ids(Bundles.query(s, FixedIp.class).orderBy("e.id").list())).as("%s", ctx).isEqualTo(fixed);
                }
            }
            SoftDelete.setContext(s, CriteriaContext.admin());
            assertThat(ids(Bundles.query(s, FloatingIp.class).list())).as("some rows are hidden")
                    .hasSizeLessThan(w.data().floatingIpCount()).isNotEmpty();
        }
    }

    @DatabaseTest
    void lazyAndFetchedAssociationsHonourTheCriteria(TestDatabase db) {
        World w = world(db);
        try (Session s = w.sf().openSession()) {
            for (CriteriaContext ctx : contexts(w.data())) {
                SoftDelete.setContext(s, ctx);
                s.clear();
                List<FixedIp> managed = s.createSelectionQuery("from FixedIp order by id", FixedIp.class).list();
                List<FixedIp> bundles = Bundles.query(s, FixedIp.class).orderBy("e.id").list();
                assertThat(bundles).hasSameSizeAs(managed);
                for (int i = 0; i < bundles.size(); i++) {
                    List<Long> visible = s.createSelectionQuery("select f.id from FloatingIp f where f.fixedIp.id = :id",
                            Long.class).setParameter("id", managed.get(i).getId()).list();
                    assertThat(ids(bundles.get(i).getFloatingIps())).as("%s", ctx).containsExactlyInAnyOrderElementsOf(visible);
                    Long instance = s.createSelectionQuery("select x.instance.id from FixedIp x join x.instance where x.id = :id",
                            Long.class).setParameter("id", managed.get(i).getId()).getSingleResultOrNull();
                    Instance lazy = bundles.get(i).getInstance();
                    assertThat(lazy == null ? null : lazy.getId()).as("instance of fixed IP %s, %s", managed.get(i).getId(), ctx)
                            .isEqualTo(instance);
                }
                List<FloatingIp> fetched = Bundles.query(s, FloatingIp.class).fetch("fixedIp").orderBy("e.id").list();
                for (FloatingIp f : fetched) {
                    Long fixed = s.createSelectionQuery("select x.id from FloatingIp f join f.fixedIp x where f.id = :id",
                            Long.class).setParameter("id", f.getId()).getSingleResultOrNull();
                    assertThat(f.getFixedIp() == null ? null : f.getFixedIp().getId()).as("%s", ctx).isEqualTo(fixed);
                }
            }
        }
    }
}
