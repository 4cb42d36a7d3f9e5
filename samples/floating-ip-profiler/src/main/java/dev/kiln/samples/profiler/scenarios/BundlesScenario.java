package dev.kiln.samples.profiler.scenarios;

import dev.kiln.bundles.Bundles;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.ScenarioContext;

import java.util.List;
import java.util.Map;

/**
 * The read path with Kiln bundles: a project's floating IPs with their fixed IP's address and its instance's host,
 * read as bundles (read-only entity views, no persistence context) with {@code fixedIp.instance} fetched in the same
 * query. Compared with {@code list_hibernate}.
 */
public final class BundlesScenario extends ProjectListing.ListScenario {
    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public String description() {
        return "a project's floating IPs with fixed IP address and instance host, as Kiln bundles";
    }

    @Override
    public List<String> kilnFeatures() {
        return List.of("bundles");
    }

    @Override
    public Operation open(ScenarioContext context) {
        return ProjectListing.operation(context.sessionFactory(Map.of()), READER);
    }

    static final ProjectListing.Reader READER = (session, project) -> Bundles.query(session, FloatingIp.class)
            .where("e.projectId = :project").parameter("project", project)
            .fetch("fixedIp.instance")
            .orderBy("e.id")
            .list();
}
