package dev.kiln.samples.profiler.scenarios;

import dev.kiln.bakedquery.Bakery;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.FlushMode;

import java.util.List;
import java.util.Map;

/**
 * nova_poc's {@code baked}: {@code default_optimized} with {@code _floating_ip_get_by_address} as a Kiln baked query
 * (built once per call site, then bind and execute).
 */
public final class BakedScenario implements Scenario {
    /** One bakery for the profiler's call sites. */
    static final Bakery BAKERY = Bakery.create();

    /** The baked lookup: same HQL as default_optimized, {@code .one()}. */
    static final HibernateUpdate.Lookup LOOKUP = (session, address) -> BAKERY
            .hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
            .on(session).param("address", address).single();

    @Override
    public String name() {
        return "baked";
    }

    @Override
    public String description() {
        return "default_optimized with the lookup as a Kiln baked query";
    }

    @Override
    public List<String> kilnFeatures() {
        return List.of("baked query");
    }

    @Override
    public Operation open(ScenarioContext context) {
        return HibernateUpdate.operation(context.sessionFactory(Map.of()), null, FlushMode.AUTO, LOOKUP,
                HibernateUpdate.PERSIST_AND_FLUSH);
    }
}
