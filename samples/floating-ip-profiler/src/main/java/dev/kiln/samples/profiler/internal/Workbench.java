package dev.kiln.samples.profiler.internal;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.RetrySettings;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database prepared for profiling: the Nova schema (re-created), the data set loaded, and two
 * {@link ScenarioContext}s over the same pool: {@link #timed()} sends SQL straight to the pool, {@link #counted()}
 * through a {@link SqlCounter} (whose JDK proxies would distort timings). Closes its SessionFactories, not the pool.
 *
 * <pre>{@code
 * try (Workbench bench = Workbench.open(pool, Backend.H2, SqlCounter.forUrl(Backend.H2, url), 10_000, 42)) {
 *     Operation op = scenario.open(bench.timed());
 * }
 * }</pre>
 */
public final class Workbench implements AutoCloseable {
    private final Backend backend;
    private final NovaDataset data;
    private final SqlCounter counter;
    private final Context timed;
    private final Context counted;
    private final Deque<SessionFactory> factories = new ArrayDeque<>();

    private Workbench(Backend backend, DataSource pool, SqlCounter counter, NovaDataset data, SessionFactory schemaOwner) {
        this.backend = backend;
        this.data = data;
        this.counter = counter;
        this.timed = new Context(pool);
        this.counted = new Context(counter.wrap(pool));
        factories.push(schemaOwner);
        timed.cache.put(key(Map.of()), schemaOwner);
    }

    /**
     * Re-creates the Nova schema on {@code pool}'s database and loads {@code rows} floating IPs (nova_poc's shape:
     * 5 fixed IPs, each with an instance).
     */
    public static Workbench open(DataSource pool, Backend backend, SqlCounter counter, int rows, long seed) {
        SessionFactory schemaOwner = bootstrap(pool, backend, Map.of(), HibernateBootstrap.Schema.CREATE);
        try {
            NovaDataset data = NovaDataLoader.builder().floatingIps(rows).seed(seed).build().load(pool);
            createNovaIndexes(pool);
            return new Workbench(backend, pool, counter, data, schemaOwner);
        } catch (RuntimeException e) {
            schemaOwner.close();
            throw e;
        }
    }

    public Backend backend() {
        return backend;
    }

    /**
     * Nova's {@code floating_ips_project_id_idx}, which the shared model does not declare: listing a project's
     * floating IPs (the read path) would otherwise scan the table, and Nova's updates maintain it too.
     */
    private static void createNovaIndexes(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX floating_ips_project_id_idx ON floating_ips (project_id)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create floating_ips_project_id_idx: " + e.getMessage(), e);
        }
    }

    public NovaDataset data() {
        return data;
    }

    public SqlCounter counter() {
        return counter;
    }

    /** Scenarios opened here are timed: no counting wrapper. */
    public ScenarioContext timed() {
        return timed;
    }

    /** Scenarios opened here have every statement and round trip counted by {@link #counter()}. */
    public ScenarioContext counted() {
        return counted;
    }

    /** A context on another pool to the same database (the concurrency study's pool through the latency proxy). */
    public ScenarioContext on(DataSource pool) {
        return new Context(pool);
    }

    private static SessionFactory bootstrap(DataSource ds, Backend backend, Map<String, ?> settings,
                                            HibernateBootstrap.Schema schema) {
        Map<String, Object> all = new LinkedHashMap<>();
        // kiln-retry installs itself whenever it is on the class path; baselines are plain Hibernate.
        all.put(RetrySettings.EXCEPTION_REWRITING, false);
        all.putAll(settings);
        return HibernateBootstrap.on(ds, backend).entities(NovaModel.ENTITIES).schema(schema).settings(all).build();
    }

    /**
     * Settings compare by value where they are values (strings, numbers, booleans); configuration objects without
     * value equality make each such request its own SessionFactory, which is what a scenario wants anyway.
     */
    private static Map<String, Object> key(Map<String, ?> settings) {
        return new HashMap<>(settings);
    }

    @Override
    public void close() {
        synchronized (factories) {
            while (!factories.isEmpty()) {
                factories.pop().close();
            }
        }
    }

    private final class Context implements ScenarioContext {
        private final DataSource dataSource;
        private final Map<Map<String, Object>, SessionFactory> cache = new HashMap<>();
        private volatile Jdbi jdbi;

        Context(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Backend backend() {
            return backend;
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public NovaDataset data() {
            return data;
        }

        @Override
        public SessionFactory sessionFactory(Map<String, ?> settings) {
            synchronized (factories) {
                return cache.computeIfAbsent(key(settings), k -> {
                    SessionFactory sf = bootstrap(dataSource, backend, settings, HibernateBootstrap.Schema.NONE);
                    factories.push(sf);
                    return sf;
                });
            }
        }

        @Override
        public Jdbi jdbi() {
            Jdbi j = jdbi;
            if (j == null) {
                j = Jdbi.create(dataSource);
                jdbi = j;
            }
            return j;
        }
    }
}
