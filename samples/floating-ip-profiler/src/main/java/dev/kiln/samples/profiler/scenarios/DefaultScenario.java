package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Map;

/**
 * nova_poc's {@code default}: plain Hibernate, {@code _floating_ip_get_by_address} with an eager join of
 * {@code fixed_ip.instance} (52 columns of the instance loaded and dirty-checked) and {@code .first()} (LIMIT 1), then
 * {@code update(values)}, {@code session.add}, {@code flush}, commit.
 */
public final class DefaultScenario implements Scenario {
    static final String HQL = "from FloatingIp f left join fetch f.fixedIp fi left join fetch fi.instance "
            + "where f.address = :address";

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
        SessionFactory sf = context.sessionFactory(Map.of());
        return input -> sf.inTransaction(session -> {
            List<FloatingIp> found = session.createSelectionQuery(HQL, FloatingIp.class)
                    .setParameter("address", input.address())
                    .setMaxResults(1)
                    .getResultList();
            if (found.isEmpty()) {
                throw FloatingIpRows.missing(input.address());
            }
            FloatingIp ip = found.get(0);
            input.values().applyTo(ip);
            session.persist(ip);   // session.add(): a no-op for a managed entity, as in nova_poc
            session.flush();
        });
    }
}
