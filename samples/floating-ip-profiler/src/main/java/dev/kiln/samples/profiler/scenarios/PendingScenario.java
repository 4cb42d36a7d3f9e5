package dev.kiln.samples.profiler.scenarios;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;

import java.util.Optional;

/**
 * A scenario whose Kiln module has not landed in this build: it is listed, with the reason, and never run. Nothing
 * else is measured under its name.
 */
abstract class PendingScenario implements Scenario {
    private final String name;
    private final String description;
    private final String reason;

    PendingScenario(String name, String description, String reason) {
        this.name = name;
        this.description = description;
        this.reason = reason;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Optional<String> unavailableReason() {
        return Optional.of(reason);
    }

    @Override
    public final Operation open(ScenarioContext context) {
        throw new IllegalStateException("Scenario " + name + " is unavailable: " + reason);
    }
}
