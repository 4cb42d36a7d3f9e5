package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.SessionFactory;

import java.util.Map;

/**
 * nova_poc's {@code default_optimized}: plain Hibernate without the eager join, {@code .one()}; the peer of every
 * {@code ratio <scenario>_vs_default_optimized.update.<backend>} line.
 */
public final class DefaultOptimizedScenario implements Scenario {
    static final String HQL = "from FloatingIp where address = :address";

    @Override
    public String name() {
        return "default_optimized";
    }

    @Override
    public String description() {
        return "plain Hibernate, no eager load, one()";
    }

    @Override
    public Operation open(ScenarioContext context) {
        SessionFactory sf = context.sessionFactory(Map.of());
        return input -> sf.inTransaction(session -> {
            FloatingIp ip = session.createSelectionQuery(HQL, FloatingIp.class)
                    .setParameter("address", input.address())
                    .getSingleResult();
            input.values().applyTo(ip);
            session.persist(ip);
            session.flush();
        });
    }
}
