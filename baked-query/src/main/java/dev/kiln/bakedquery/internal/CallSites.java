package dev.kiln.bakedquery.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded cache of a bakery: chain of call sites -> what it built, per SessionFactory. The chain's lambdas run
 * once per chain and SessionFactory (while the entry stays cached), under a per-entry lock so that concurrent first
 * calls build it once.
 */
public final class CallSites {
    private final Cache<Chain, Entry> cache;
    private final LongAdder bakes = new LongAdder();

    public CallSites(long maximumSize, boolean recordStats) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize);
        if (recordStats) {
            builder.recordStats();
        }
        this.cache = builder.build();
    }

    /** Runs one call of {@code chain}. */
    public <R> List<R> list(Chain chain, SharedSessionContractImplementor session, Object[] keys, Object[] values,
                            int count, Integer firstResult, Integer maxResults) {
        return statement(chain, session).list(session, chain, keys, values, count, firstResult, maxResults);
    }

    /** The statement of {@code chain}'s cached prefix for the session's SessionFactory, baked on first use. */
    public Statement statement(Chain chain, SharedSessionContractImplementor session) {
        Entry entry = cache.get(chain.cacheable(), Entry::new);
        return entry.statement(session, this);
    }

    public CacheStats stats() {
        return cache.stats();
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public long bakes() {
        return bakes.sum();
    }

    public void clear() {
        cache.invalidateAll();
    }

    /** One chain's statements: almost always one SessionFactory, so that one is a field. */
    private static final class Entry {
        private final Chain chain;
        private volatile Statement first;
        private final ConcurrentHashMap<SessionFactoryImplementor, Statement> others = new ConcurrentHashMap<>(2);

        Entry(Chain chain) {
            this.chain = chain;
        }

        Statement statement(SharedSessionContractImplementor session, CallSites owner) {
            SessionFactoryImplementor factory = session.getFactory();
            Statement s = first;
            if (s != null && s.factory() == factory) {
                return s;
            }
            s = others.get(factory);
            if (s != null) {
                return s;
            }
            synchronized (this) {
                s = first;
                if (s != null && s.factory() == factory) {
                    return s;
                }
                s = others.get(factory);
                if (s != null) {
                    return s;
                }
                Statement baked = Statement.bake(chain, session);
                owner.bakes.increment();
                if (first == null || first.factory().isClosed()) {
                    first = baked;
                } else {
                    others.keySet().removeIf(SessionFactoryImplementor::isClosed);
                    others.put(factory, baked);
                }
                return baked;
            }
        }
    }
}
