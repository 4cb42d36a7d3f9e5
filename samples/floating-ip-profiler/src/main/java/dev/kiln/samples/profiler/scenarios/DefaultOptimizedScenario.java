package dev.kiln.samples.profiler.scenarios;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.FlushMode;

import java.util.Map;

/**
 * nova_poc's {@code default_optimized}: plain Hibernate without the eager join, {@code .one()}; the peer of every
 * {@code ratio <scenario>_vs_default_optimized.update.<backend>} line.
 */
public final class DefaultOptimizedScenario implements Scenario {
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
        return HibernateUpdate.operation(context.sessionFactory(Map.of()), null, FlushMode.AUTO,
                HibernateUpdate.ONE, HibernateUpdate.PERSIST_AND_FLUSH);
    }
}
