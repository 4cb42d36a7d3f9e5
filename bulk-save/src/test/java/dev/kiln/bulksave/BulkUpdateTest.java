package dev.kiln.bulksave;

import dev.kiln.bulksave.model.Animal;
import dev.kiln.bulksave.model.Dog;
import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Ledger;
import dev.kiln.bulksave.model.Money;
import dev.kiln.bulksave.model.Place;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkUpdateTest {

    private static List<FloatingIp> inserted(SessionFactory sf, String prefix, int n) {
        List<FloatingIp> ips = BulkInsertTest.floatingIps(prefix, n);
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, ips);
            s.getTransaction().commit();
        }
        return ips;
    }

    private static List<FloatingIp> load(Session s, String prefix) {
        return s.createSelectionQuery("from FloatingIp where address like :p order by id", FloatingIp.class)
                .setParameter("p", prefix + ".%").getResultList();
    }

    @DatabaseTest
    void updatesOnlyChangedManagedEntitiesAndKeepsTheSessionInStep(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        inserted(sf, "21", 200);
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            List<FloatingIp> all = load(s, "21");
            List<java.time.LocalDateTime> before = all.stream().map(FloatingIp::getUpdatedAt).toList();
            for (int i = 0; i < all.size(); i += 2) {
                all.get(i).setHost("changed" + i);
            }
            sql.reset();
            assertThat(BulkSave.update(s, all)).isEqualTo(100);
            String update = sql.executed().stream().filter(x -> x.startsWith("update")).findFirst().orElseThrow();
            assertThat(update).contains("host").contains("updated_at").doesNotContain("project_id")
                    .doesNotContain("address");
            if (db.backend() == Backend.MARIADB) {
                assertThat(sql.count(SqlKind.UPDATE)).as("one joined multi-row UPDATE").isEqualTo(1);
            } else {
                assertThat(sql.count(SqlKind.UPDATE)).as("one batched UPDATE per changed row").isEqualTo(100);
            }
            for (int i = 0; i < all.size(); i++) {
                if (i % 2 == 0) {
                    assertThat(all.get(i).getUpdatedAt()).as("@UpdateTimestamp of changed rows").isNotEqualTo(before.get(i));
                } else {
                    assertThat(all.get(i).getUpdatedAt()).isEqualTo(before.get(i));
                }
            }
            sql.reset();
            s.flush();
            assertThat(sql.statements()).as("snapshots were updated: flush writes nothing").isZero();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where host like 'changed%'")).isEqualTo(100);
    }

    @DatabaseTest
    void updateChangedOnlyOffWritesEveryUpdatableColumnOfEveryManagedRow(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        inserted(sf, "27", 20);
        BulkOptions everyColumn = BulkOptions.builder().updateChangedOnly(false).build();
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            List<FloatingIp> all = load(s, "27");
            all.get(0).setHost("only-this-changed");
            // Behind the session's back: a column the entities did not change. Writing every column puts the
            // session's value back, which is what updateChangedOnly(false) promises (and the default does not do).
            db.execute("update floating_ips set project_id = 'behind' where address like '27.%'");
            sql.reset();
            assertThat(BulkSave.update(s, all, everyColumn)).as("unchanged managed rows are written too").isEqualTo(20);
            String update = sql.executed().stream().filter(x -> x.startsWith("update")).findFirst().orElseThrow();
            assertThat(update).contains("host").contains("project_id").contains("address").contains("pool")
                    .contains("updated_at");
            sql.reset();
            s.flush();
            assertThat(sql.statements()).as("snapshots were updated: flush writes nothing").isZero();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where address like '27.%' and project_id = 'behind'"))
                .as("every row's project_id was written from the entity").isZero();
        assertThat(db.queryLong("select count(*) from floating_ips where host = 'only-this-changed'")).isEqualTo(1);
    }

    @DatabaseTest
    void changedOnlyLeavesColumnsTheEntitiesDidNotChange(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        inserted(sf, "28", 20);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            List<FloatingIp> all = load(s, "28");
            all.forEach(ip -> ip.setHost("moved-28"));
            db.execute("update floating_ips set project_id = 'behind' where address like '28.%'");
            assertThat(BulkSave.update(s, all)).isEqualTo(20);
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where address like '28.%' and project_id = 'behind'"))
                .as("only host and updated_at were written").isEqualTo(20);
    }

    @DatabaseTest
    void statelessUpdatesWriteEveryUpdatableColumn(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = inserted(sf, "22", 50);
        ips.forEach(ip -> ip.setPool("fake_pool"));
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            sql.reset();
            assertThat(BulkSave.update(s, ips)).isEqualTo(50);
            assertThat(sql.executed().toString()).contains("project_id");
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where pool = 'fake_pool' and address like '22.%'"))
                .isEqualTo(50);
    }

    @DatabaseTest
    void groupsRowsByChangedColumnSet(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Gadget> gadgets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            gadgets.add(new Gadget("u" + i, new Money(i), new Place("c", "z")));
        }
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, gadgets);
            s.getTransaction().commit();
        }
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            List<Gadget> managed = new ArrayList<>();
            for (Gadget g : gadgets) {
                managed.add(s.find(Gadget.class, g.getId()));
            }
            managed.get(0).setName("renamed0");
            managed.get(1).setPlace(new Place("moved", "z1"));
            managed.get(2).setName("renamed2");
            managed.get(3).setPrice(new Money(999));
            sql.reset();
            assertThat(BulkSave.update(s, managed)).isEqualTo(4);
            List<String> updates = sql.executed().stream().filter(x -> x.startsWith("update")).toList();
            assertThat(updates).as("three column sets: name / place / price").hasSize(3);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            assertThat(s.find(Gadget.class, gadgets.get(1).getId()).getPlace().getCity()).isEqualTo("moved");
            assertThat(s.find(Gadget.class, gadgets.get(3).getId()).getPrice()).isEqualTo(new Money(999));
            assertThat(s.find(Gadget.class, gadgets.get(2).getId()).getName()).isEqualTo("renamed2");
        }
    }

    @DatabaseTest
    void checksAndIncrementsVersions(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Ledger> ledgers = List.of(new Ledger("v1", 1), new Ledger("v2", 2), new Ledger("v3", 3));
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, ledgers);
            ledgers.forEach(l -> l.setBalance(l.getBalance() * 10));
            BulkSave.update(s, ledgers);
            s.getTransaction().commit();
        }
        assertThat(ledgers).allSatisfy(l -> assertThat(l.getVersion()).isEqualTo(1));
        assertThat(ledgers).allSatisfy(l -> assertThat(l.getChangedAt()).isNotNull());
        assertThat(db.queryLong("select balance from ledgers where id = " + ledgers.get(2).getId())).isEqualTo(30);

        db.execute("update ledgers set version = 7 where id = " + ledgers.get(1).getId());
        ledgers.forEach(l -> l.setBalance(0));
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            assertThatThrownBy(() -> BulkSave.update(s, ledgers))
                    .isInstanceOf(StaleObjectStateException.class)
                    .hasMessageContaining(String.valueOf(ledgers.get(1).getId()));
            assertThat(ledgers).as("versions restored").allSatisfy(l -> assertThat(l.getVersion()).isEqualTo(1));
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from ledgers where balance = 0")).as("nothing applied").isZero();
    }

    @DatabaseTest
    void versionedManagedEntitiesStayUsableInTheSession(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Ledger ledger = new Ledger("managed", 5);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            s.persist(ledger);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger managed = s.find(Ledger.class, ledger.getId());
            managed.setBalance(6);
            assertThat(BulkSave.save(s, List.of(managed))).isEqualTo(1);
            assertThat(managed.getVersion()).isEqualTo(1);
            db.sql().reset();
            s.flush();
            assertThat(db.sql().statements()).as("entry has the new state and version").isZero();
            managed.setBalance(7);
            s.flush();                                   // Hibernate checks "version = 1": must match the row
            assertThat(managed.getVersion()).isEqualTo(2);
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select balance from ledgers where id = " + ledger.getId())).isEqualTo(7);
        assertThat(db.queryLong("select version from ledgers where id = " + ledger.getId())).isEqualTo(2);
    }

    @DatabaseTest
    void reportsRowsThatNoLongerExist(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = inserted(sf, "23", 10);
        db.execute("delete from floating_ips where id = " + ips.get(6).getId());
        ips.forEach(ip -> ip.setHost("gone-test"));
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            assertThatThrownBy(() -> BulkSave.update(s, ips))
                    .isInstanceOf(StaleStateException.class)
                    .hasMessageContaining("row 6");
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where host = 'gone-test'")).isZero();
    }

    @DatabaseTest
    void updatesJoinedSubclassTables(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Dog rex = new Dog("rex", "collie");
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, List.<Animal>of(rex));
            rex.setBreed("beagle");
            rex.setName("rex2");
            BulkSave.update(s, List.of(rex));
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            Dog back = s.find(Dog.class, rex.getId());
            assertThat(back.getBreed()).isEqualTo("beagle");
            assertThat(back.getName()).isEqualTo("rex2");
        }
    }

    @DatabaseTest
    void saveInsertsNewAndUpdatesExistingRows(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> existing = inserted(sf, "24", 3);
        existing.forEach(ip -> ip.setHost("saved"));
        List<FloatingIp> mixed = new ArrayList<>(existing);
        mixed.addAll(BulkInsertTest.floatingIps("25", 2));
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            assertThat(BulkSave.save(s, mixed)).isEqualTo(5);
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where host = 'saved'")).isEqualTo(3);
        assertThat(db.queryLong("select count(*) from floating_ips where address like '25.%'")).isEqualTo(2);
    }
}
