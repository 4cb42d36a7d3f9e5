package dev.kiln.bulksave.cache;

import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cache.cfg.spi.DomainDataRegionBuildingContext;
import org.hibernate.cache.cfg.spi.DomainDataRegionConfig;
import org.hibernate.cache.spi.access.AccessType;
import org.hibernate.cache.spi.support.DomainDataStorageAccess;
import org.hibernate.cache.spi.support.RegionFactoryTemplate;
import org.hibernate.cache.spi.support.StorageAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal second-level cache provider (maps in memory) so that tests can check what Kiln does to the cache; the
 * project ships no cache provider.
 */
public final class MapRegionFactory extends RegionFactoryTemplate {
    private static final long serialVersionUID = 1L;
    private static final java.util.concurrent.atomic.AtomicLong CLOCK = new java.util.concurrent.atomic.AtomicLong();

    @Override
    protected void prepareForUse(SessionFactoryOptions settings, Map<String, Object> configValues) {
    }

    @Override
    protected void releaseFromUse() {
    }

    @Override
    public boolean isMinimalPutsEnabledByDefault() {
        return false;
    }

    @Override
    public AccessType getDefaultAccessType() {
        return AccessType.READ_WRITE;
    }

    /** Strictly increasing, so that an entry written by a committed transaction is readable by the next session. */
    @Override
    public long nextTimestamp() {
        return CLOCK.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    }

    @Override
    protected DomainDataStorageAccess createDomainDataStorageAccess(DomainDataRegionConfig regionConfig,
                                                                    DomainDataRegionBuildingContext buildingContext) {
        return new MapStorage();
    }

    @Override
    protected StorageAccess createQueryResultsRegionStorageAccess(String regionName, SessionFactoryImplementor factory) {
        return new MapStorage();
    }

    @Override
    protected StorageAccess createTimestampsRegionStorageAccess(String regionName, SessionFactoryImplementor factory) {
        return new MapStorage();
    }

    static final class MapStorage implements DomainDataStorageAccess {
        private final Map<Object, Object> map = new ConcurrentHashMap<>();

        @Override
        public Object getFromCache(Object key, SharedSessionContractImplementor session) {
            return map.get(key);
        }

        @Override
        public void putIntoCache(Object key, Object value, SharedSessionContractImplementor session) {
            map.put(key, value);
        }

        @Override
        public boolean contains(Object key) {
            return map.containsKey(key);
        }

        @Override
        public void evictData() {
            map.clear();
        }

        @Override
        public void evictData(Object key) {
            map.remove(key);
        }

        @Override
        public void release() {
            map.clear();
        }
    }
}
