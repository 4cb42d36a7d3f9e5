package dev.kiln.bundles;

import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FixedIp_;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIp_;
import dev.kiln.fixtures.nova.Instance;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full-entity bundles: every getter answers like the managed entity; read-only; outside the persistence context. */
class FullBundleTest {

    @DatabaseTest
    void everyGetterAnswersWhatTheManagedEntityAnswers(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        for (Class<?> type : List.of(Instance.class, FixedIp.class, FloatingIp.class)) {
            sf.inSession(s -> {
                List<?> bundles = Bundles.query(s, type).orderBy("e.id").list();
                List<?> entities = s.createSelectionQuery("from " + type.getSimpleName() + " e order by e.id", type).list();
                assertThat(bundles).hasSameSizeAs(entities).isNotEmpty();
                for (int i = 0; i < bundles.size(); i++) {
                    NovaBundles.assertSameAsEntity(bundles.get(i), entities.get(i));
                }
            });
        }
    }

    @DatabaseTest
    void bundlesAreNotManagedAndNeverFlushed(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        try (Session s = sf.openSession()) {
            s.getTransaction().begin();
            List<FixedIp> ips = Bundles.query(s, FixedIp.class).list();
            assertThat(s.getStatistics().getEntityCount()).isZero();
            assertThatThrownBy(() -> s.contains(ips.get(0))).as("Hibernate does not even see an entity in it")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Bundles.isBundle(ips.get(0))).isTrue();
            ips.get(0).getFloatingIps().size();
            ips.get(0).getInstance().getHost();
            assertThat(s.getStatistics().getEntityCount()).as("lazy loads are bundles too").isZero();
            db.sql().reset();
            s.flush();
            s.getTransaction().commit();
            assertThat(db.sql().statements()).as("nothing to flush").isZero();
            assertThatThrownBy(() -> s.merge(ips.get(0))).as("a bundle is not an entity Hibernate can write")
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @DatabaseTest
    void settersAndMutatorsThrowNamingTheAttribute(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            FixedIp ip = Bundles.query(s, FixedIp.class).maxResults(1).single();
            assertThatThrownBy(() -> ip.setHost("elsewhere"))
                    .isInstanceOfSatisfying(ReadOnlyBundleException.class, e -> {
                        assertThat(e.entityName()).isEqualTo("FixedIp");
                        assertThat(e.attribute()).isEqualTo("host");
                        assertThat(e.method()).isEqualTo("setHost");
                    })
                    .hasMessageContaining("FixedIp.host is read-only");
            assertThatThrownBy(() -> ip.setDeleted(1L)).isInstanceOf(ReadOnlyBundleException.class)
                    .hasMessageContaining("FixedIp.deleted");
            assertThatThrownBy(() -> ip.setFloatingIps(List.of())).isInstanceOf(ReadOnlyBundleException.class);
            assertThatThrownBy(() -> ip.getFloatingIps().clear()).as("collections are unmodifiable")
                    .isInstanceOf(UnsupportedOperationException.class);
            FloatingIp fip = Bundles.query(s, FloatingIp.class).maxResults(1).single();
            // The setter's name differs from the attribute's: found from the bytecode (this.iface = iface).
            assertThatThrownBy(() -> fip.setInterface("eth9"))
                    .isInstanceOfSatisfying(ReadOnlyBundleException.class, e -> assertThat(e.attribute()).isEqualTo("iface"));
            assertThat(fip.getInterface()).startsWith("fake_interface_");
        });
    }

    @DatabaseTest
    void equalsHashCodeAndToString(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            List<FixedIp> a = Bundles.query(s, FixedIp.class).orderBy("e.id").list();
            List<FixedIp> b = Bundles.query(s, FixedIp.class).orderBy("e.id").list();
            assertThat(a.get(0)).isNotSameAs(b.get(0)).isEqualTo(b.get(0)).hasSameHashCodeAs(b.get(0));
            assertThat(a.get(0)).isNotEqualTo(a.get(1));
            FixedIp managed = s.find(FixedIp.class, a.get(0).getId());
            assertThat(a.get(0)).isNotEqualTo(managed);
            assertThat(a.get(0).toString()).startsWith("FixedIp(bundle){id=" + a.get(0).getId() + ",")
                    .contains("address=" + a.get(0).getAddress())
                    .contains("instance=<key " + a.get(0).getInstance().getUuid() + ">");
            List<FixedIp> slim = Bundles.query(s, FixedIp.class).select(FixedIp_.address).orderBy("e.id").list();
            assertThat(slim.get(0)).as("different attributes loaded").isNotEqualTo(a.get(0));
            assertThat(Map.of(a.get(0), "x")).containsKey(b.get(0));
        });
    }

    @DatabaseTest
    void serializableWithLoadedAssociationsAndClearErrorsForTheRest(TestDatabase db) throws Exception {
        SessionFactory sf = NovaBundles.world(db).sf();
        List<FloatingIp> ips;
        try (Session s = sf.openSession()) {
            ips = Bundles.query(s, FloatingIp.class).fetch("fixedIp").orderBy("e.id").maxResults(3).list();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ips);
        }
        @SuppressWarnings("unchecked")
        List<FloatingIp> copy = (List<FloatingIp>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(copy).isEqualTo(ips);
        assertThat(Bundles.isBundle(copy.get(0))).isTrue();
        assertThat(copy.get(0).getAddress()).isEqualTo(ips.get(0).getAddress());
        assertThat(copy.get(0).getFixedIp()).isEqualTo(ips.get(0).getFixedIp());
        assertThatThrownBy(() -> copy.get(0).getFixedIp().getInstance())
                .isInstanceOfSatisfying(DetachedBundleException.class, e -> assertThat(e.attribute()).isEqualTo("instance"))
                .hasMessageContaining("FixedIp.instance is not loaded");
        assertThatThrownBy(() -> copy.get(0).setHost("x")).isInstanceOf(ReadOnlyBundleException.class);
    }

    @DatabaseTest
    void toOneLoadsLazilyWithOneQueryForTheWholeResult(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            Map<Long, FloatingIp> managed = s.createSelectionQuery(
                            "from FloatingIp f join fetch f.fixedIp x join fetch x.instance", FloatingIp.class).list().stream()
                    .collect(Collectors.toMap(FloatingIp::getId, Function.identity()));
            db.sql().reset();
            List<FloatingIp> ips = Bundles.query(s, FloatingIp.class).list();
            assertThat(db.sql().statements()).isEqualTo(1);
            assertThat(Bundles.isLoaded(ips.get(0), "fixedIp")).isFalse();
            FixedIp first = ips.get(0).getFixedIp();
            assertThat(db.sql().statements()).as("one query for the fixed IPs of all %d bundles", ips.size()).isEqualTo(2);
            for (FloatingIp ip : ips) {
                assertThat(Bundles.isBundle(ip.getFixedIp())).isTrue();
                assertThat(ip.getFixedIp().getId()).isEqualTo(managed.get(ip.getId()).getFixedIp().getId());
            }
            assertThat(db.sql().statements()).isEqualTo(2);
            // Rows sharing a fixed IP share its bundle; the next level loads once for all fixed IPs too.
            assertThat(ips.stream().filter(i -> i.getFixedIp().getId().equals(first.getId()))).allMatch(i -> i.getFixedIp() == first);
            assertThat(first.getInstance().getUuid()).isEqualTo(managed.get(ips.get(0).getId()).getFixedIp().getInstance().getUuid());
            ips.forEach(i -> i.getFixedIp().getInstance().getHostname());
            assertThat(db.sql().statements()).isEqualTo(3);
            for (FloatingIp ip : ips) {
                NovaBundles.assertSameAsEntity(ip.getFixedIp(), managed.get(ip.getId()).getFixedIp());
            }
        });
    }

    @DatabaseTest
    void toOneFetchedInTheSameQuery(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            db.sql().reset();
            List<FloatingIp> ips = Bundles.query(s, FloatingIp.class).fetch("fixedIp.instance").orderBy("e.id").list();
            List<FloatingIp> managed = s.createSelectionQuery(
                    "from FloatingIp e join fetch e.fixedIp x join fetch x.instance order by e.id", FloatingIp.class).list();
            db.sql().reset();
            for (int i = 0; i < ips.size(); i++) {
                assertThat(Bundles.isLoaded(ips.get(i), "fixedIp")).isTrue();
                assertThat(Bundles.isLoaded(ips.get(i).getFixedIp(), "instance")).isTrue();
                assertThat(ips.get(i).getFixedIp().getInstance().getHostname())
                        .isEqualTo(managed.get(i).getFixedIp().getInstance().getHostname());
            }
            assertThat(db.sql().statements()).as("everything was in the one query").isZero();
            for (int i = 0; i < ips.size(); i++) {
                NovaBundles.assertSameAsEntity(ips.get(i).getFixedIp().getInstance(), managed.get(i).getFixedIp().getInstance());
            }
            List<FixedIp> distinct = ips.stream().map(FloatingIp::getFixedIp).distinct().toList();
            assertThat(distinct).hasSize(NovaBundles.FIXED);
            assertThat(ips.stream().map(FloatingIp::getFixedIp).filter(f -> f.getId().equals(distinct.get(0).getId())))
                    .allMatch(f -> f == distinct.get(0));
        });
    }

    @DatabaseTest
    void collectionsAreLazyBundles(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        sf.inSession(s -> {
            List<FixedIp> fixed = Bundles.query(s, FixedIp.class).orderBy("e.id").list();
            List<FixedIp> managed = s.createSelectionQuery("from FixedIp e order by e.id", FixedIp.class).list();
            db.sql().reset();
            List<FloatingIp> first = fixed.get(0).getFloatingIps();
            assertThat(db.sql().statements()).isEqualTo(1);
            int total = 0;
            for (int i = 0; i < fixed.size(); i++) {
                assertThat(NovaBundles.ids(fixed.get(i).getFloatingIps()))
                        .containsExactlyInAnyOrderElementsOf(NovaBundles.ids(managed.get(i).getFloatingIps()));
                total += fixed.get(i).getFloatingIps().size();
            }
            assertThat(total).isEqualTo(NovaBundles.FLOATING);
            db.sql().reset();
            assertThat(first).allMatch(Bundles::isBundle).allMatch(f -> f.getFixedIp() == fixed.get(0));
            assertThat(first).isSortedAccordingTo(Comparator.comparing(FloatingIp::getId));
            // Instance.fixedIps is found through instance_uuid -> instances.uuid (not the primary key).
            List<Instance> vms = Bundles.query(s, Instance.class).list();
            assertThat(vms).allSatisfy(vm -> assertThat(vm.getFixedIps()).singleElement()
                    .satisfies(f -> assertThat(f.getInstance()).isSameAs(vm)));
            assertThat(db.sql().statements()).as("one query for the instances, one for all their fixed IPs").isEqualTo(2);
        });
    }

    @DatabaseTest
    void aLoadAfterTheSessionClosedIsAClearError(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        List<FixedIp> ips;
        try (Session s = sf.openSession()) {
            ips = Bundles.query(s, FixedIp.class).list();
            ips.get(0).getInstance();
        }
        assertThat(ips.get(1).getInstance()).as("loaded for the whole result before closing").isNotNull();
        assertThat(ips.get(0).getAddress()).isNotNull();
        assertThatThrownBy(() -> ips.get(0).getFloatingIps())
                .isInstanceOfSatisfying(DetachedBundleException.class, e -> {
                    assertThat(e.entityName()).isEqualTo("FixedIp");
                    assertThat(e.attribute()).isEqualTo("floatingIps");
                })
                .hasMessageContaining("the session that read this bundle is closed")
                .hasMessageContaining("fetch(\"floatingIps\")");
    }

    @DatabaseTest
    void hqlAndCriteriaWhereClausesSelectTheSameRows(TestDatabase db) {
        NovaBundles.World w = NovaBundles.world(db);
        String project = w.data().projectIds().get(1);
        w.sf().inSession(s -> {
            List<Long> expected = s.createSelectionQuery("select id from FloatingIp where projectId = :p order by id", Long.class)
                    .setParameter("p", project).list();
            assertThat(expected).isNotEmpty();
            List<FloatingIp> hql = Bundles.query(s, FloatingIp.class).alias("f")
                    .where("f.projectId = :p").parameter("p", project).orderBy("f.id").list();
            List<FloatingIp> criteria = Bundles.query(s, FloatingIp.class)
                    .where((cb, f) -> cb.equal(f.get(FloatingIp_.projectId), project))
                    .orderBy((cb, f) -> List.of(cb.asc(f.get(FloatingIp_.id)))).list();
            assertThat(NovaBundles.ids(hql)).isEqualTo(expected);
            assertThat(criteria).isEqualTo(hql);
            List<FloatingIp> inList = Bundles.query(s, FloatingIp.class).where("e.id in :ids")
                    .parameter("ids", expected.subList(0, 2)).orderBy("e.id").list();
            assertThat(NovaBundles.ids(inList)).isEqualTo(expected.subList(0, 2));
            assertThat(Bundles.query(s, FloatingIp.class).where("e.id = -1").optional()).isEmpty();
        });
    }

    @DatabaseTest
    void worksOnAStatelessSession(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        try (StatelessSession s = sf.openStatelessSession()) {
            List<FixedIp> ips = Bundles.query(s, FixedIp.class).orderBy("e.id").list();
            assertThat(ips).hasSize(NovaBundles.FIXED);
            assertThat(ips.get(0).getFloatingIps()).isNotEmpty();
            assertThat(ips.get(0).getInstance().getUuid()).isNotNull();
        }
    }
}
