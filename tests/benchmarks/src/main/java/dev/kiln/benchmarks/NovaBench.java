package dev.kiln.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The shared set-up of Nova benchmarks: an isolated database on a backend, the Nova schema, a loaded data set, and one
 * HikariCP pool used by every contender (Hibernate, Jdbi and raw JDBC), so that they differ only in what they do with
 * a connection. SQL is not counted here: the counting wrapper would distort timings.
 *
 * <pre>{@code
 * try (NovaBench bench = NovaBench.builder(Backend.H2).floatingIps(10_000).build()) {
 *     SessionFactory sf = bench.sessionFactory();
 *     String address = bench.addresses().next();
 * }
 * }</pre>
 */
public final class NovaBench implements AutoCloseable {
    private final TestDatabase database;
    private final HikariDataSource pool;
    private final SessionFactory sessionFactory;
    private final Jdbi jdbi;
    private final NovaDataset data;

    private NovaBench(Builder b) {
        this.database = TestDatabase.create(b.backend, "bench");
        try {
            this.pool = database.newPool("bench", b.poolSize);
            this.sessionFactory = HibernateBootstrap.on(pool, b.backend)
                    .entities(NovaModel.ENTITIES)
                    .entities(b.extraEntities)
                    .schema(HibernateBootstrap.Schema.CREATE)
                    .settings(b.settings)
                    .mode(b.mode)
                    .build();
            database.register(sessionFactory);
            this.data = NovaDataLoader.builder().floatingIps(b.floatingIps).fixedIps(b.fixedIps).projects(b.projects)
                    .seed(b.seed).build().load(pool);
            this.jdbi = Jdbi.create(pool);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static Builder builder(Backend backend) {
        return new Builder(backend);
    }

    public Backend backend() {
        return database.backend();
    }

    public TestDatabase database() {
        return database;
    }

    /** The pool every contender uses. */
    public HikariDataSource dataSource() {
        return pool;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public NovaDataset data() {
        return data;
    }

    /** A fresh cursor over the floating IP addresses in a fixed shuffled order (not thread-safe; one per thread). */
    public AddressCursor addresses(long seed) {
        List<String> shuffled = new ArrayList<>(data.floatingAddresses());
        Collections.shuffle(shuffled, new Random(seed));
        return new AddressCursor(shuffled.toArray(new String[0]));
    }

    @Override
    public void close() {
        database.close();
    }

    /** Cycles through addresses; cheap enough not to show up in measurements. */
    public static final class AddressCursor {
        private final String[] addresses;
        private int next;

        AddressCursor(String[] addresses) {
            this.addresses = addresses;
        }

        public String next() {
            String a = addresses[next];
            next = next + 1 == addresses.length ? 0 : next + 1;
            return a;
        }
    }

    /** Options of a {@link NovaBench}. */
    public static final class Builder {
        private final Backend backend;
        private int floatingIps = 10_000;
        private int fixedIps = 5;
        private int projects = 100;
        private long seed = 42;
        private int poolSize = 4;
        private HibernateBootstrap.Mode mode = HibernateBootstrap.Mode.NATIVE;
        private final List<Class<?>> extraEntities = new ArrayList<>();
        private final Map<String, Object> settings = new java.util.LinkedHashMap<>();

        private Builder(Backend backend) {
            this.backend = backend;
        }

        public Builder floatingIps(int n) {
            this.floatingIps = n;
            return this;
        }

        public Builder fixedIps(int n) {
            this.fixedIps = n;
            return this;
        }

        public Builder projects(int n) {
            this.projects = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder poolSize(int n) {
            this.poolSize = n;
            return this;
        }

        public Builder mode(HibernateBootstrap.Mode m) {
            this.mode = m;
            return this;
        }

        public Builder entity(Class<?> c) {
            this.extraEntities.add(c);
            return this;
        }

        public Builder setting(String key, Object value) {
            this.settings.put(key, value);
            return this;
        }

        public NovaBench build() {
            return new NovaBench(this);
        }
    }
}
