package dev.kiln.samples.profiler.scenarios;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.FlushMode;

import java.util.Map;

/**
 * nova_poc's {@code default}: plain Hibernate, {@code _floating_ip_get_by_address} with an eager join of
 * {@code fixed_ip.instance} (52 columns of the instance loaded and dirty-checked) and {@code .first()} (LIMIT 1), then
 * {@code update(values)}, {@code session.add}, {@code flush}, commit.
 */
public final class DefaultScenario implements Scenario {
    @Override
    public String name() {
        return "default";
    }

    @Override
    public String description() {
        return "plain Hibernate, eager join of fixed_ip.instance, first()";
    }

    @Override
    public Operation open(ScenarioContext context) {
        return HibernateUpdate.operation(context.sessionFactory(Map.of()), null, FlushMode.AUTO,
                HibernateUpdate.EAGER_FIRST, HibernateUpdate.PERSIST_AND_FLUSH);
    }
}
