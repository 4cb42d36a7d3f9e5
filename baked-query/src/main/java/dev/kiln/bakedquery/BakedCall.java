package dev.kiln.bakedquery;

import dev.kiln.bakedquery.internal.CallSites;
import dev.kiln.bakedquery.internal.Chain;
import dev.kiln.bakedquery.spi.BakedResultReader;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a {@link BakedQuery} on a session: bind the parameters, then run. Not thread-safe, not reusable
 * across sessions; create one per call (it is small).
 *
 * <pre>{@code
 * FloatingIp ip = bakery.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
 *         .on(session).param("address", "203.0.113.9").single();
 * List<Object[]> rows = bakery.hql(Object[].class, () -> "select f.address, f.host from FloatingIp f where f.pool = ?1")
 *         .on(session).param(1, "nova").maxResults(10).list();
 * }</pre>
 *
 * A collection bound to a parameter used with {@code in} binds each element (as {@code setParameter} does).
 *
 * @param <R> the result type
 */
public final class BakedCall<R> {
    private final CallSites callSites;
    private final Chain chain;
    private final SharedSessionContractImplementor session;
    private Object[] keys = new Object[2];
    private Object[] values = new Object[2];
    private int count;
    private Integer firstResult;
    private Integer maxResults;

    BakedCall(CallSites callSites, Chain chain, SharedSessionContractImplementor session) {
        this.callSites = callSites;
        this.chain = chain;
        this.session = session;
    }

    /** Binds a named parameter ({@code :name} in HQL, {@code cb.parameter(type, "name")} in criteria). */
    public BakedCall<R> param(String name, Object value) {
        return put(name, value);
    }

    /** Binds a positional parameter ({@code ?1} is position 1). */
    public BakedCall<R> param(int position, Object value) {
        return put(position, value);
    }

    private BakedCall<R> put(Object key, Object value) {
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                values[i] = value;
                return this;
            }
        }
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        keys[count] = key;
        values[count++] = value;
        return this;
    }

    /** Skips the first {@code first} rows (0-based), in SQL. */
    public BakedCall<R> firstResult(int first) {
        if (first < 0) {
            throw new IllegalArgumentException("firstResult must not be negative, was " + first);
        }
        this.firstResult = first;
        return this;
    }

    /** Returns at most {@code max} rows, in SQL. */
    public BakedCall<R> maxResults(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxResults must not be negative, was " + max);
        }
        this.maxResults = max;
        return this;
    }

    /** All rows. */
    public List<R> list() {
        return callSites.list(chain, session, keys, values, count, firstResult, maxResults);
    }

    /**
     * Exactly one row.
     *
     * @throws NoResultException        if there is none
     * @throws NonUniqueResultException if there are several
     */
    public R single() {
        List<R> rows = list();
        if (rows.isEmpty()) {
            throw new NoResultException("No result for baked query " + chain);
        }
        return unique(rows);
    }

    /** The row, or null if there is none; {@link NonUniqueResultException} if there are several. */
    public R singleOrNull() {
        List<R> rows = list();
        return rows.isEmpty() ? null : unique(rows);
    }

    /** The row if there is one; {@link NonUniqueResultException} if there are several. */
    public Optional<R> optional() {
        return Optional.ofNullable(singleOrNull());
    }

    /**
     * Reads the rows through another module's reader instead of as managed entities (the extension point the bundles
     * module uses). The reader gets the cached statement and this call's parameters.
     */
    public <T> List<T> read(BakedResultReader<T> reader) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            parameters.put(keys[i] instanceof String name ? name : "?" + keys[i], values[i]);
        }
        return reader.read(session, callSites.statement(chain, session), parameters);
    }

    private R unique(List<R> rows) {
        if (rows.size() > 1) {
            throw new NonUniqueResultException("Baked query " + chain + " returned " + rows.size()
                    + " rows where one was expected");
        }
        return rows.get(0);
    }
}
