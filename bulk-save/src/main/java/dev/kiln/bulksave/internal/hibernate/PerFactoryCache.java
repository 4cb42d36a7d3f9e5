package dev.kiln.bulksave.internal.hibernate;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache with one map per SessionFactory, for values computed from a factory's mapping model. Those values reference
 * their factory (through its persisters), so weak keys alone would never let a closed factory go: closed factories
 * are dropped whenever a new one is first seen. Thread-safe; the per-factory maps are concurrent.
 */
final class PerFactoryCache<K, V> {
    private final Map<SessionFactoryImplementor, Map<K, V>> maps = Collections.synchronizedMap(new WeakHashMap<>());

    /** The map of {@code factory}, created (and closed factories dropped) on first use. */
    Map<K, V> of(SessionFactoryImplementor factory) {
        Map<K, V> map = maps.get(factory);
        if (map == null) {
            synchronized (maps) {
                maps.keySet().removeIf(SessionFactoryImplementor::isClosed);
                map = maps.computeIfAbsent(factory, f -> new ConcurrentHashMap<>());
            }
        }
        return map;
    }

    /** True while {@code factory} has a map (for tests: closed factories are dropped). */
    boolean holds(SessionFactoryImplementor factory) {
        return maps.containsKey(factory);
    }
}
