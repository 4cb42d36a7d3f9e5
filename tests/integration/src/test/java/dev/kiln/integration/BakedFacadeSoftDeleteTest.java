package dev.kiln.integration;

import dev.kiln.bakedquery.Bakery;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.TransactionFacade;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baked queries (kiln-baked-query) inside the transaction facade (kiln-retry) with soft-delete criteria
 * (kiln-soft-delete): one cached query serves units of work of different contexts, each seeing exactly its rows,
 * and a writer's pending changes are flushed before a baked query reads them.
 */
class BakedFacadeSoftDeleteTest {
    private static final Bakery BAKERY = Bakery.create();

    private static SessionFactory sessionFactory(TestDatabase db) {
        return FacadeSoftDeleteTest.sessionFactory(db);     // FloatingIp soft-deletable, scoped by project
    }

    private static List<String> addresses(Session s) {
        return BAKERY.hql(String.class, () -> "select address from FloatingIp where pool = :pool order by address")
                .on(s).param("pool", "nova").list();
    }

    private static void load(TestDatabase db, TransactionFacade facade) {
        db.execute("DELETE FROM floating_ips");
        TransactionContext admin = TransactionContext.create(CriteriaContext.admin());
        facade.writer().run(admin, s -> {
            for (String[] row : new String[][] {{"198.51.100.1", "a"}, {"198.51.100.2", "b"}, {"198.51.100.3", "a"}}) {
                FloatingIp ip = new FloatingIp();
                ip.setAddress(row[0]);
                ip.setProjectId(row[1]);
                ip.setPool("nova");
                s.persist(ip);
            }
        });
        facade.writer().run(admin, s -> SoftDelete.softDelete(s, BAKERY.hql(FloatingIp.class,
                () -> "from FloatingIp where address = :address").on(s).param("address", "198.51.100.3").single()));
    }

    @DatabaseTest
    void oneBakedQueryServesEveryContextWithItsOwnRows(TestDatabase db) {
        TransactionFacade facade = TransactionFacade.builder(sessionFactory(db)).build();
        load(db, facade);
        TransactionContext a = TransactionContext.create(CriteriaContext.project("a"));
        TransactionContext b = TransactionContext.create(CriteriaContext.project("b"));
        TransactionContext deletedOfA = TransactionContext.create(
                CriteriaContext.project("a").withReadDeleted(ReadDeleted.ONLY));
        TransactionContext all = TransactionContext.create(CriteriaContext.admin().withReadDeleted(ReadDeleted.YES));
        for (int pass = 0; pass < 2; pass++) {
            assertThat(facade.reader().call(a, BakedFacadeSoftDeleteTest::addresses)).containsExactly("198.51.100.1");
            assertThat(facade.reader().call(b, BakedFacadeSoftDeleteTest::addresses)).containsExactly("198.51.100.2");
            assertThat(facade.reader().call(deletedOfA, BakedFacadeSoftDeleteTest::addresses))
                    .containsExactly("198.51.100.3");
            assertThat(facade.asyncReader().call(all, BakedFacadeSoftDeleteTest::addresses))
                    .containsExactly("198.51.100.1", "198.51.100.2", "198.51.100.3");
        }
    }

    @DatabaseTest
    void aWritersPendingChangeIsFlushedBeforeABakedQuery(TestDatabase db) {
        TransactionFacade facade = TransactionFacade.builder(sessionFactory(db)).build();
        load(db, facade);
        TransactionContext a = TransactionContext.create(CriteriaContext.project("a"));
        facade.writer().run(a, s -> {
            FloatingIp ip = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
                    .on(s).param("address", "198.51.100.1").single();
            ip.setPool("moved");
            assertThat(addresses(s)).isEmpty();                     // flushed first: no longer in pool nova
        });
        assertThat(facade.reader().call(a, BakedFacadeSoftDeleteTest::addresses)).isEmpty();
    }
}
