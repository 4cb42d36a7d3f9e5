package dev.kiln.bakedquery;

import dev.kiln.bakedquery.testing.NovaData;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races: threads released together make the first calls of fresh chains at once (each chain must be built once and
 * shared), then keep calling with their own parameters and optional parts; every call must return its own rows.
 */
class ConcurrencyStressTest {
    private static final int THREADS = 8;
    private static final int CALLS = 60;

    static List<Long> ids(Bakery bakery, Session session, String project, boolean projectOnly, long maxId) {
        BakedQuery<Long> q = bakery.hql(Long.class, () -> "select f.id from FloatingIp f where f.id <= :max");
        if (projectOnly) {
            q = q.and((cb, f) -> cb.equal(f.get("projectId"), cb.parameter(String.class, "project")));
        }
        q = q.then((cb, query) -> query.orderBy(cb.asc(query.getRoots().iterator().next().get("id"))));
        BakedCall<Long> call = q.on(session).param("max", maxId);
        if (projectOnly) {
            call.param("project", project);
        }
        return call.list();
    }

    @DatabaseTest
    void concurrentFirstCallsBuildOnceAndEveryCallGetsItsOwnRows(TestDatabase db) throws Exception {
        NovaData nova = NovaData.of(db);
        Bakery bakery = Bakery.builder().maximumSize(100).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < CALLS; i++) {
                        try (Session session = nova.sessionFactory().openSession()) {
                            long maxId = 1 + random.nextInt(NovaData.FLOATING_IPS);
                            boolean projectOnly = random.nextBoolean();
                            String project = nova.data().projectIds().get(random.nextInt(nova.data().projectIds().size()));
                            List<Long> expected = new ArrayList<>();
                            for (long id = 1; id <= maxId; id++) {
                                if (!projectOnly || nova.data().floatingProjects().get((int) id - 1).equals(project)) {
                                    expected.add(id);
                                }
                            }
                            assertThat(ids(bakery, session, project, projectOnly, maxId)).isEqualTo(expected);
                            long one = 1 + random.nextInt(NovaData.FLOATING_IPS);
                            FloatingIp ip = bakery.hql(FloatingIp.class, () -> "from FloatingIp where address = :a")
                                    .on(session).param("a", nova.address(one)).single();
                            assertThat(ip.getId()).isEqualTo(one);
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(CALLS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bakery.bakes()).as("three chains, each built once despite the race").isEqualTo(3);
        assertThat(bakery.size()).isEqualTo(3);
    }

    @DatabaseTest
    void aSmallCacheEvictsAndRebuildsWithoutWrongResults(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        Bakery tiny = Bakery.builder().maximumSize(1).build();
        try (Session session = nova.sessionFactory().openSession()) {
            for (int i = 0; i < 30; i++) {
                long id = 1 + (i % 10);
                assertThat(tiny.hql(String.class, () -> "select f.address from FloatingIp f where f.id = :id")
                        .on(session).param("id", id).single()).isEqualTo(nova.address(id));
                assertThat(tiny.hql(Long.class, () -> "select f.id from FloatingIp f where f.address = :a")
                        .on(session).param("a", nova.address(id)).single()).isEqualTo(id);
            }
        }
        assertThat(tiny.size()).isLessThanOrEqualTo(1);
        assertThat(tiny.stats().evictionCount()).isPositive();
    }
}
