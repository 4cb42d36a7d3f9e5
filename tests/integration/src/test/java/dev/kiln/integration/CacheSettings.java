package dev.kiln.integration;

import dev.kiln.fixtures.TestDatabase;
import org.hibernate.cfg.AvailableSettings;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Settings that turn on Hibernate's second-level and query caches for one test SessionFactory, with Caffeine's JCache
 * provider (test scope only). Which entities are cached is chosen per test (the shared Nova model carries no
 * {@code @Cache}). Each SessionFactory gets its own JCache {@code CacheManager}, closed with the test database: with
 * the provider's default manager, shared in the JVM, factories of several backends or tests would share cached data,
 * and the first factory to close (or to fail at startup) would close the caches of all others.
 */
final class CacheSettings {
    private static final String PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
    private static final AtomicInteger FACTORIES = new AtomicInteger();

    private CacheSettings() {
    }

    /** Second-level cache (read-write) and query cache on, statistics on; no entity is cached by this alone. */
    static Map<String, Object> enabled(TestDatabase db) {
        CacheManager manager = Caching.getCachingProvider(PROVIDER)
                .getCacheManager(URI.create("kiln-it-" + FACTORIES.incrementAndGet()), CacheSettings.class.getClassLoader());
        db.register(manager);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(AvailableSettings.CACHE_REGION_FACTORY, "jcache");
        s.put("hibernate.javax.cache.cache_manager", manager);
        s.put("hibernate.javax.cache.missing_cache_strategy", "create");
        s.put(AvailableSettings.USE_SECOND_LEVEL_CACHE, true);
        s.put(AvailableSettings.USE_QUERY_CACHE, true);
        s.put(AvailableSettings.DEFAULT_CACHE_CONCURRENCY_STRATEGY, "read-write");
        s.put(AvailableSettings.GENERATE_STATISTICS, true);
        return s;
    }

    /** {@link #enabled()} with every entity cached ({@code jakarta.persistence.sharedCache.mode=ALL}). */
    static Map<String, Object> allEntitiesCached(TestDatabase db) {
        Map<String, Object> s = enabled(db);
        s.put(AvailableSettings.JAKARTA_SHARED_CACHE_MODE, "ALL");
        return s;
    }

    /** {@link #enabled()} with the given entities cached (read-write); JPA bootstrap only ({@code hibernate.classcache.*}). */
    static Map<String, Object> entitiesCached(TestDatabase db, Class<?>... entities) {
        Map<String, Object> s = enabled(db);
        for (Class<?> entity : entities) {
            s.put(AvailableSettings.CLASS_CACHE_PREFIX + "." + entity.getName(), "read-write");
        }
        return s;
    }
}
