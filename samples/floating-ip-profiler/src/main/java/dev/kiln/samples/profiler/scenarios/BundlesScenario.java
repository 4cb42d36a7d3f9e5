package dev.kiln.samples.profiler.scenarios;

/** The read path with Kiln bundles: a project's floating IPs with their fixed IP's address and instance's host. */
public final class BundlesScenario extends PendingScenario {
    public BundlesScenario() {
        super("bundles", "list a project's floating IPs with fixed IP address and instance host, as bundles",
                "kiln-bundles (issue 9) has no bundles in this build yet");
    }
}
