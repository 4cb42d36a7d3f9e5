package dev.kiln.bulksave;

import dev.kiln.bulksave.model.Animal;
import dev.kiln.bulksave.model.Car;
import dev.kiln.bulksave.model.Cat;
import dev.kiln.bulksave.model.Dog;
import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Ledger;
import dev.kiln.bulksave.model.Money;
import dev.kiln.bulksave.model.Place;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.bulksave.model.Truck;
import dev.kiln.bulksave.model.Vehicle;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkInsertTest {

    /** INSERT statements on every backend (no COPY on PostgreSQL), for tests that count statements. */
    private static final BulkOptions STATEMENTS = BulkOptions.builder().copyOnPostgresql(false).build();

    static List<FloatingIp> floatingIps(String prefix, int n) {
        List<FloatingIp> ips = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FloatingIp ip = new FloatingIp();
            ip.setAddress(prefix + "." + (i / 250) + "." + (i % 250));
            ip.setProjectId("project_" + (i % 7));
            ip.setHost(i % 3 == 0 ? null : "host" + i);
            ip.setPool("pool");
            ips.add(ip);
        }
        return ips;
    }

    /** address -> id, as stored. */
    static Map<String, Long> idsInDatabase(SessionFactory sf, String prefix) {
        Map<String, Long> ids = new HashMap<>();
        try (StatelessSession s = sf.openStatelessSession()) {
            for (Object[] row : s.createSelectionQuery("select address, id from FloatingIp where address like :p",
                    Object[].class).setParameter("p", prefix + ".%").getResultList()) {
                ids.put((String) row[0], (Long) row[1]);
            }
        }
        return ids;
    }

    @DatabaseTest
    void insertsThousandsWithMultiRowStatementsAndWritesSequenceIdsBack(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = floatingIps("11", 2_500);
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            sql.reset();
            assertThat(BulkSave.insert(s, ips, STATEMENTS)).isEqualTo(2_500);
            assertThat(sql.count(SqlKind.INSERT)).as(sql.executed().toString()).isEqualTo(3); // 1000 + 1000 + 500 rows
            // the 51 sequence values of 2,500 pooled ids (increment 50) come in one query, not 50
            assertThat(sql.count(SqlKind.SELECT)).as(sql.executed().toString()).isBetween(1L, 2L);
            s.getTransaction().commit();
        }
        Map<String, Long> stored = idsInDatabase(sf, "11");
        assertThat(stored).hasSize(2_500);
        for (FloatingIp ip : ips) {
            assertThat(ip.getId()).as(ip.getAddress()).isEqualTo(stored.get(ip.getAddress()));
            assertThat(ip.getCreatedAt()).isNotNull();
        }
        try (Session s = sf.openSession()) {
            FloatingIp back = s.find(FloatingIp.class, ips.get(3).getId());
            assertThat(back.getHost()).isNull();
            assertThat(back.getProjectId()).isEqualTo("project_3");
            assertThat(back.getDeleted()).isZero();
            assertThat(back.getCreatedAt()).isNotNull();
        }
    }

    @DatabaseTest
    void usesJdbcBatchesWhenMultiRowInsertsAreOff(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = floatingIps("12", 300);
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            sql.reset();
            BulkSave.insert(s, ips, STATEMENTS.toBuilder().multiRowInserts(false).batchSize(100).build());
            assertThat(sql.count(SqlKind.INSERT)).isEqualTo(300);
            assertThat(sql.executed().stream().filter(x -> x.contains("batch of 100")).count()).isEqualTo(3);
            s.getTransaction().commit();
        }
        assertThat(idsInDatabase(sf, "12")).hasSize(300);
    }

    @DatabaseTest
    void readsIdentityKeysBackWithEmbeddedValuesAndConverters(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Gadget> gadgets = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            gadgets.add(new Gadget("g" + i, i % 5 == 0 ? null : new Money(i * 100L),
                    i % 4 == 0 ? null : new Place("city" + i, "z" + i)));
        }
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            sql.reset();
            BulkSave.insert(s, gadgets, BulkOptions.builder().rowsPerStatement(100).build());
            assertThat(sql.count(SqlKind.INSERT)).isEqualTo(3);
            s.getTransaction().commit();
        }
        assertThat(new HashSet<>(gadgets.stream().map(Gadget::getId).toList())).hasSize(250).doesNotContainNull();
        try (Session s = sf.openSession()) {
            for (Gadget g : gadgets) {
                Gadget back = s.find(Gadget.class, g.getId());
                assertThat(back.getName()).isEqualTo(g.getName());
                assertThat(back.getPrice()).isEqualTo(g.getPrice());
                if (g.getPlace() == null) {
                    assertThat(back.getPlace()).isNull();
                } else {
                    assertThat(back.getPlace().getCity()).isEqualTo(g.getPlace().getCity());
                    assertThat(back.getPlace().getZip()).isEqualTo(g.getPlace().getZip());
                }
            }
        }
        assertThat(db.queryLong("select price_cents from gadgets where id = " + gadgets.get(7).getId())).isEqualTo(700);
    }

    @DatabaseTest
    void readsIdentityKeysBackFromJdbcBatches(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Gadget> gadgets = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            gadgets.add(new Gadget("b" + i, new Money(i), null));
        }
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            sql.reset();
            BulkSave.insert(s, gadgets, BulkOptions.builder().multiRowInserts(false).batchSize(50).build());
            assertThat(sql.count(SqlKind.INSERT)).isEqualTo(120);
            s.getTransaction().commit();
        }
        for (Gadget g : gadgets) {
            assertThat(g.getId()).isNotNull();
            assertThat(db.queryLong("select price_cents from gadgets where id = " + g.getId()))
                    .as(g.getName()).isEqualTo(g.getPrice().cents());
        }
    }

    @DatabaseTest
    void renderNullsOffLetsServerDefaultsApply(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Gadget defaulted = new Gadget("defaulted", null, null);
        Gadget explicit = new Gadget("explicit", null, null);
        explicit.setStatus("set");
        Gadget nulled = new Gadget("nulled", null, null);
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, List.of(defaulted, explicit), BulkOptions.builder().renderNulls(false).build());
            BulkSave.insert(s, List.of(nulled));
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            assertThat(s.find(Gadget.class, defaulted.getId()).getStatus()).isEqualTo("fresh");
            assertThat(s.find(Gadget.class, explicit.getId()).getStatus()).isEqualTo("set");
            assertThat(s.find(Gadget.class, nulled.getId()).getStatus()).isNull();
        }
    }

    @DatabaseTest
    void returnDefaultsOffLeavesIdentityIdsUnread(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Gadget> gadgets = List.of(new Gadget("r1", null, null), new Gadget("r2", null, null));
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, gadgets, BulkOptions.builder().returnDefaults(false).build());
            s.getTransaction().commit();
        }
        assertThat(gadgets).allSatisfy(g -> assertThat(g.getId()).isNull());
        assertThat(db.queryLong("select count(*) from gadgets where name in ('r1', 'r2')")).isEqualTo(2);
    }

    @DatabaseTest
    void writesSingleTableInheritanceWithDiscriminators(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Vehicle> vehicles = List.of(new Car("C-1", 5), new Car("C-2", 2), new Truck("T-1", 9000), new Car("C-3", 7));
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            sql.reset();
            BulkSave.insert(s, vehicles, STATEMENTS);
            assertThat(sql.count(SqlKind.INSERT)).as("order preserved: Car, Truck, Car").isEqualTo(3);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            sql.reset();
            List<Vehicle> more = List.of(new Car("C-4", 4), new Truck("T-2", 100), new Car("C-5", 5));
            BulkSave.insert(s, more, BulkOptions.builder().preserveOrder(false).build());
            // on PostgreSQL the two Cars (discriminator included) go by COPY, which sends no INSERT
            assertThat(sql.count(SqlKind.INSERT)).as("grouped: Cars, Trucks")
                    .isEqualTo(db.backend() == Backend.POSTGRESQL ? 1 : 2);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            List<Vehicle> all = s.createSelectionQuery("from Vehicle order by plate", Vehicle.class).getResultList();
            assertThat(all).extracting(Vehicle::getPlate).containsExactly("C-1", "C-2", "C-3", "C-4", "C-5", "T-1", "T-2");
            assertThat(all.get(5)).isInstanceOf(Truck.class);
            assertThat(((Truck) all.get(5)).getPayloadKg()).isEqualTo(9000);
            assertThat(((Car) all.get(0)).getSeats()).isEqualTo(5);
        }
    }

    @DatabaseTest
    void writesJoinedInheritanceWithIdentityKeysIntoEveryTable(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Animal> animals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            animals.add(i % 3 == 0 ? new Cat("cat" + i, 9) : new Dog("dog" + i, "breed" + i));
        }
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, animals, BulkOptions.builder().preserveOrder(false).build());
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            for (Animal a : animals) {
                Animal back = s.find(Animal.class, a.getId());
                assertThat(back).isInstanceOf(a.getClass());
                assertThat(back.getName()).isEqualTo(a.getName());
                if (a instanceof Dog d) {
                    assertThat(((Dog) back).getBreed()).isEqualTo(d.getBreed());
                }
            }
        }
        assertThat(db.queryLong("select count(*) from dogs")).isEqualTo(20);
        assertThat(db.queryLong("select count(*) from cats")).isEqualTo(10);
    }

    @DatabaseTest
    void seedsVersionsOfVersionedEntities(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Ledger> ledgers = List.of(new Ledger("a", 1), new Ledger("b", 2));
        Ledger.resetCallbacks();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            BulkSave.insert(s, ledgers);
            s.getTransaction().commit();
        }
        assertThat(ledgers).allSatisfy(l -> assertThat(l.getVersion()).isZero());
        assertThat(Ledger.PRE_PERSIST.get()).as("bulk writes fire no entity callbacks").isZero();
        assertThat(db.queryLong("select version from ledgers where id = " + ledgers.get(1).getId())).isZero();
    }

    @DatabaseTest
    void writesForeignKeysOfEntitiesAndUninitializedProxies(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        FixedIp fixed = new FixedIp();
        fixed.setAddress("192.168.77.1");
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            s.persist(fixed);
            s.getTransaction().commit();
        }
        List<FloatingIp> ips = floatingIps("14", 2);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FixedIp proxy = s.getReference(FixedIp.class, fixed.getId());
            ips.get(0).setFixedIp(fixed);
            ips.get(1).setFixedIp(proxy);
            BulkSave.insert(s, ips);
            assertThat(org.hibernate.Hibernate.isInitialized(proxy)).as("the proxy was not loaded").isFalse();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where fixed_ip_id = " + fixed.getId())).isEqualTo(2);
    }

    @DatabaseTest(Backend.MARIADB)
    void mariadbSendsOneRoundTripPerMultiRowStatement(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = floatingIps("13", 1_000);
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            BulkSave.insert(s, ips.subList(0, 1));        // warm the sequence
            sql.reset();
            BulkSave.insert(s, ips.subList(1, 1_000));
            long sequenceCalls = sql.count(SqlKind.SELECT);
            // savepoint + one INSERT of 999 rows + release + the sequence calls of the pooled optimizer
            assertThat(sql.roundTrips()).as(sql.executed().toString()).isEqualTo(3 + sequenceCalls);
            s.getTransaction().commit();
        }
    }
}
