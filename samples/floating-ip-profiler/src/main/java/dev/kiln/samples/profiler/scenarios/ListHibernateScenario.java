package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.ScenarioContext;

import java.util.Map;

/**
 * The plain-Hibernate peer of {@code bundles}: the project's floating IPs as read-only entities with
 * {@code fixedIp.instance} join-fetched in the same query.
 */
public final class ListHibernateScenario extends ProjectListing.ListScenario {
    static final String NAME = "list_hibernate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "plain Hibernate read path: a project's floating IPs, fixedIp.instance join-fetched, read-only";
    }

    @Override
    public Operation open(ScenarioContext context) {
        return ProjectListing.operation(context.sessionFactory(Map.of()), READER);
    }

    static final ProjectListing.Reader READER = (session, project) -> session
            .createSelectionQuery("from FloatingIp f left join fetch f.fixedIp fi left join fetch fi.instance "
                    + "where f.projectId = :project order by f.id", FloatingIp.class)
            .setParameter("project", project)
            .setReadOnly(true)
            .getResultList();
}
