package dev.kiln.bakedquery;

import dev.kiln.bakedquery.internal.CallSites;
import dev.kiln.bakedquery.internal.Chain;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A baked query: a chain of non-capturing lambdas (a source, then optional parts) whose call sites are the cache key.
 * Immutable and cheap; written inline on every call, as SQLAlchemy's {@code bakery(lambda ...)} and {@code +=}:
 *
 * <pre>{@code
 * BakedQuery<FloatingIp> q = bakery.hql(FloatingIp.class, () -> "from FloatingIp f where f.pool = :pool");
 * if (projectOnly) {
 *     q = q.and((cb, f) -> cb.equal(f.get("projectId"), cb.parameter(String.class, "project")));
 * }
 * q = q.then((cb, query) -> query.orderBy(cb.asc(query.getRoots().iterator().next().get("address"))));
 * BakedCall<FloatingIp> call = q.on(session).param("pool", pool);
 * if (projectOnly) {
 *     call.param("project", project);
 * }
 * List<FloatingIp> ips = call.list();   // cached: one build per combination of call sites
 * }</pre>
 *
 * Results have the semantics of the equivalent Hibernate query: entities are managed by the session (identity map,
 * lazy loading), pending changes to the queried tables are flushed first (auto-flush), scalars and tuples work as in
 * {@code createSelectionQuery}.
 *
 * @param <R> the result type
 */
public final class BakedQuery<R> {
    private final CallSites callSites;
    private final Chain chain;

    BakedQuery(CallSites callSites, Chain chain) {
        this.callSites = callSites;
        this.chain = chain;
    }

    /**
     * This query with a restriction ANDed to its where clause. The lambda's call site joins the cache key.
     *
     * @throws CapturedStateException if the lambda captures state (unless after {@link #spoil()})
     */
    public BakedQuery<R> and(Where where) {
        return new BakedQuery<>(callSites, chain.then(Chain.Kind.WHERE, where));
    }

    /**
     * This query with a general change (ordering, joins, grouping). The lambda's call site joins the cache key.
     *
     * @throws CapturedStateException if the lambda captures state (unless after {@link #spoil()})
     */
    public BakedQuery<R> then(Step<R> step) {
        return new BakedQuery<>(callSites, chain.then(Chain.Kind.STEP, step));
    }

    /**
     * The escape hatch for parts that are truly dynamic: what comes before is cached as usual; parts added after
     * {@code spoil()} run on every call (they may capture variables) on a copy of the cached query, which then runs
     * as an ordinary Hibernate query (Hibernate's own plan cache applies).
     *
     * <pre>{@code
     * q.spoil().then((cb, query) -> query.orderBy(orderFrom(userInput)));   // captures; runs per call
     * }</pre>
     */
    public BakedQuery<R> spoil() {
        return chain.isSpoiled() ? this : new BakedQuery<>(callSites, chain.then(Chain.Kind.SPOIL, null));
    }

    /**
     * A call of this query on a Hibernate session or stateless session (with JPA, pass
     * {@code entityManager.unwrap(Session.class)}).
     */
    public BakedCall<R> on(SharedSessionContract session) {
        if (!(session instanceof SharedSessionContractImplementor s)) {
            throw new IllegalArgumentException("Not a Hibernate session: " + session);
        }
        return new BakedCall<>(callSites, chain, s);
    }

    @Override
    public String toString() {
        return "BakedQuery[" + chain + "]";
    }
}
