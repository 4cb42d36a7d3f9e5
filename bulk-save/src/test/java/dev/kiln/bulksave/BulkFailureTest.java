package dev.kiln.bulksave;

import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.retry.DbDuplicateEntryException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement failing mid-call: nothing of the call applied, objects restored, transaction usable, error rewritten. */
class BulkFailureTest {

    @DatabaseTest
    void duplicateMidBatchRollsBackTheCallAndNamesTheRow(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = BulkInsertTest.floatingIps("41", 2_000);
        ips.get(1_500).setAddress(ips.get(200).getAddress());     // violates (address, deleted) unique
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp before = BulkInsertTest.floatingIps("42", 1).get(0);
            BulkSave.insert(s, List.of(before));                      // earlier work of the same transaction
            assertThatThrownBy(() -> BulkSave.insert(s, ips))
                    .isInstanceOf(DbDuplicateEntryException.class)
                    .hasMessageContaining(FloatingIp.class.getName())
                    .hasMessageContaining("row 1500");
            assertThat(ips).as("generated ids were taken back").allSatisfy(ip -> assertThat(ip.getId()).isNull());
            assertThat(ips.get(0).getCreatedAt()).isNull();
            // the transaction is still usable and keeps its earlier work
            FloatingIp after = BulkInsertTest.floatingIps("43", 1).get(0);
            BulkSave.insert(s, List.of(after));
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where address like '41.%'")).isZero();
        assertThat(db.queryLong("select count(*) from floating_ips where address like '42.%' or address like '43.%'"))
                .isEqualTo(2);
    }

    @DatabaseTest
    void withoutATransactionTheCallIsItsOwnTransaction(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = BulkInsertTest.floatingIps("44", 10);
        ips.get(9).setAddress(ips.get(0).getAddress());
        try (StatelessSession s = sf.openStatelessSession()) {
            assertThatThrownBy(() -> BulkSave.insert(s, ips)).isInstanceOf(DbDuplicateEntryException.class)
                    .hasMessageContaining("row 9");
            List<FloatingIp> good = BulkInsertTest.floatingIps("45", 10);
            BulkSave.insert(s, good);
        }
        assertThat(db.queryLong("select count(*) from floating_ips where address like '44.%'")).isZero();
        assertThat(db.queryLong("select count(*) from floating_ips where address like '45.%'")).isEqualTo(10);
    }

    @DatabaseTest
    void withoutRowSearchTheStatementIsReported(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = BulkInsertTest.floatingIps("46", 10);
        ips.get(5).setAddress(ips.get(4).getAddress());
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            assertThatThrownBy(() -> BulkSave.insert(s, ips, BulkOptions.builder().findFailingRow(false).build()))
                    .isInstanceOf(DbDuplicateEntryException.class)
                    .hasMessageContaining("could not be singled out");
            s.getTransaction().rollback();
        }
    }
}
