package dev.kiln.bakedquery;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.kiln.bakedquery.internal.CallSites;
import dev.kiln.bakedquery.internal.Chain;

/**
 * A bounded cache of baked queries, and where they start. A baked query is written inline as a lambda; the lambda's
 * class (its call site) is the cache key, so the lambda runs once and later calls skip building, parsing and
 * interpreting the query and Hibernate's plan-cache lookup: they bind parameters and execute.
 *
 * <pre>{@code
 * static final Bakery BAKERY = Bakery.create();      // one per application (or per module); thread-safe
 *
 * FloatingIp byAddress(Session session, String address) {
 *     return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
 *             .on(session).param("address", address).single();
 * }
 * }</pre>
 *
 * One bakery serves any number of SessionFactories (each gets its own entry per call site). The cache holds at most
 * {@link Builder#maximumSize} chains of call sites (default 1,000); least-used ones are evicted and rebuilt when used
 * again. {@link #stats()} reports hits, misses and evictions.
 */
public final class Bakery {
    private final CallSites callSites;
    private final long maximumSize;

    private Bakery(Builder b) {
        this.maximumSize = b.maximumSize;
        this.callSites = new CallSites(b.maximumSize, b.recordStats);
    }

    /** A bakery with the defaults: at most 1,000 cached chains, statistics on. */
    public static Bakery create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a baked query from HQL text.
     *
     * <pre>{@code
     * List<FloatingIp> ips = bakery.hql(FloatingIp.class, () -> "from FloatingIp where host = :host order by id")
     *         .on(session).param("host", "compute-1").list();
     * }</pre>
     *
     * @param resultType the result type, as for {@code createSelectionQuery(hql, resultType)}: an entity, a scalar
     *                   type, {@code Object[]}, {@code jakarta.persistence.Tuple} or a record/class to instantiate
     * @param hql        a non-capturing lambda returning the text; values are parameters bound per call
     * @throws CapturedStateException if the lambda captures variables or {@code this}
     */
    public <R> BakedQuery<R> hql(Class<R> resultType, HqlSource hql) {
        return new BakedQuery<>(callSites, Chain.source(Chain.Kind.HQL, hql, resultType));
    }

    /**
     * Starts a baked query from the criteria API.
     *
     * <pre>{@code
     * BakedQuery<FloatingIp> q = bakery.criteria(cb -> {
     *     JpaCriteriaQuery<FloatingIp> query = cb.createQuery(FloatingIp.class);
     *     JpaRoot<FloatingIp> f = query.from(FloatingIp.class);
     *     return query.where(cb.equal(f.get("address"), cb.parameter(String.class, "address")));
     * });
     * }</pre>
     *
     * @throws CapturedStateException if the lambda captures variables or {@code this}
     */
    public <R> BakedQuery<R> criteria(CriteriaSource<R> criteria) {
        return new BakedQuery<>(callSites, Chain.source(Chain.Kind.CRITERIA, criteria, null));
    }

    /** Hits, misses, evictions of the call-site cache (zero when built with {@code recordStats(false)}). */
    public CacheStats stats() {
        return callSites.stats();
    }

    /** How many times lambdas were run to build a query (once per chain of call sites and SessionFactory). */
    public long bakes() {
        return callSites.bakes();
    }

    /** The number of cached chains. */
    public long size() {
        return callSites.size();
    }

    public long maximumSize() {
        return maximumSize;
    }

    /** Forgets every cached query (they are rebuilt on next use). */
    public void clear() {
        callSites.clear();
    }

    /** Options of a {@link Bakery}. */
    public static final class Builder {
        private long maximumSize = 1_000;
        private boolean recordStats = true;

        private Builder() {
        }

        /** The most chains of call sites kept (default 1,000); must be positive. */
        public Builder maximumSize(long size) {
            if (size <= 0) {
                throw new IllegalArgumentException("maximumSize must be positive, was " + size);
            }
            this.maximumSize = size;
            return this;
        }

        /** Whether {@link Bakery#stats()} counts hits and misses (default true; costs a counter update per call). */
        public Builder recordStats(boolean record) {
            this.recordStats = record;
            return this;
        }

        public Bakery build() {
            return new Bakery(this);
        }
    }
}
