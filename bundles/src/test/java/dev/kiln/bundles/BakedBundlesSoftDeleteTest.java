package dev.kiln.bundles;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.SoftDelete;
import org.hibernate.Session;

import java.util.List;

import static dev.kiln.bundles.testing.NovaBundles.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baked bundle queries under soft-delete criteria: one baked call site, every context alternating on one session;
 * each call sees the rows Hibernate's own query sees (its own database: the soft-delete SessionFactory).
 */
class BakedBundlesSoftDeleteTest {
    @DatabaseTest
    void honoursSoftDeleteCriteriaPerSessionContext(TestDatabase db) {
        SoftDeleteInterplayTest.World w = SoftDeleteInterplayTest.world(db);
        try (Session s = w.sf().openSession()) {
            for (int round = 0; round < 2; round++) {
                for (CriteriaContext ctx : SoftDeleteInterplayTest.contexts(w.data())) {
                    SoftDelete.setContext(s, ctx);
                    for (String fixed : w.data().fixedAddresses()) {
                        List<Long> expected = s.createSelectionQuery(
                                "select f.id from FloatingIp f where f.fixedIp.address = :a order by f.id desc", Long.class)
                                .setParameter("a", fixed).list();
                        assertThat(ids(BakedBundlesTest.byFixedAddress(s, fixed))).as("%s %s", ctx, fixed).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
