package dev.kiln.samples.annotationlibrary;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.facade.TransactionFacade;
import dev.kiln.retry.policy.RetryMetrics;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The runnable sample: an administrator creates a pool of floating IPs and a few fixed IPs; several projects then
 * allocate addresses at the same time (racing for the same free rows), associate, disassociate and release some,
 * and list what they hold.
 *
 * <pre>
 * java ... IpamSample [h2|mariadb|postgresql] [projects] [addressesPerProject]
 * </pre>
 */
public final class IpamSample {
    static final String POOL = "public";

    private IpamSample() {
    }

    /** What a run did: each project's addresses after the run, and the free addresses left. */
    public record Result(Map<String, List<FloatingIpView>> byProject, long freeLeft, int poolSize,
                         RetryMetrics allocateRetries) {
    }

    /** Kept strongly reachable: JUL forgets the level of a logger that was garbage collected. */
    private static final java.util.logging.Logger[] QUIET = {
            java.util.logging.Logger.getLogger(""),
            java.util.logging.Logger.getLogger("org.hibernate.orm.jdbc.error")};

    public static void main(String[] args) throws Exception {
        QUIET[0].setLevel(java.util.logging.Level.WARNING);    // Hibernate's and HikariCP's start-up INFO lines
        QUIET[1].setLevel(java.util.logging.Level.OFF);        // lock conflicts are retried (and logged) by Kiln
        Backend backend = Backend.fromId(args.length > 0 ? args[0] : "h2");
        int projects = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int perProject = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (TestDatabase db = TestDatabase.create(backend, "ipam_sample")) {
            SessionFactory sf = db.hibernate().entities(NovaModel.ENTITIES).poolSize(8).build();
            Result r = run(TransactionFacade.builder(sf).name("ipam").build(), projects, perProject);
            System.out.printf("%s: %d projects allocated %d addresses each from a pool of %d at the same time%n",
                    backend.displayName(), projects, perProject, r.poolSize());
            r.byProject().forEach((project, ips) -> {
                System.out.println(project + ":");
                ips.forEach(ip -> System.out.printf("  %-15s -> %-12s %s%n", ip.address(),
                        ip.fixedAddress() == null ? "-" : ip.fixedAddress(), ip.host() == null ? "" : ip.host()));
            });
            System.out.println("free addresses left in pool " + POOL + ": " + r.freeLeft());
            RetryMetrics m = r.allocateRetries();
            System.out.printf("allocate: %d calls, %d attempts, %d retries (lost races), %d give-ups%n", m.calls(),
                    m.attempts(), m.retries(), m.giveUps());
        }
    }

    /**
     * Creates a pool with one spare address per project beyond the demand, lets every project allocate concurrently,
     * then each project associates its first address with a fixed IP, and releases its last one.
     */
    public static Result run(TransactionFacade facade, int projects, int perProject) throws Exception {
        FloatingIpApi ipam = FloatingIpApi.create(facade);
        RequestContext admin = RequestContext.admin();
        int poolSize = projects * perProject + projects;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            addresses.add(NovaDataLoader.floatingAddress(4, i));
        }
        ipam.createPool(admin, POOL, addresses);
        for (int p = 0; p < projects; p++) {
            ipam.registerFixedIp(admin, NovaDataLoader.fixedAddress(p), "compute-" + p);
        }

        Map<String, List<String>> allocated = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(projects, 8));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                String project = "project-" + p;
                String fixed = NovaDataLoader.fixedAddress(p);
                done.add(threads.submit(() -> {
                    RequestContext ctx = RequestContext.project(project);
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perProject; i++) {
                        mine.add(ipam.allocate(ctx, POOL));
                    }
                    ipam.associate(ctx, mine.get(0), fixed);
                    ipam.release(ctx, mine.get(mine.size() - 1));
                    allocated.put(project, mine);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<String, List<FloatingIpView>> byProject = new TreeMap<>();
        for (String project : allocated.keySet()) {
            byProject.put(project, ipam.listByProject(RequestContext.project(project), project));
        }
        RetryMetrics allocate = facade.retryPolicyOf(
                FloatingIpApi.class.getMethod("allocate", RequestContext.class, String.class)).metrics();
        return new Result(byProject, ipam.freeAddresses(admin, POOL), poolSize, allocate);
    }
}
