package dev.kiln.samples.profiler.scenarios;

/** nova_poc's {@code baked}: {@code default_optimized} with the lookup as a Kiln baked query. */
public final class BakedScenario extends PendingScenario {
    public BakedScenario() {
        super("baked", "default_optimized with the lookup as a Kiln baked query",
                "kiln-baked-query (issue 7) has no baked queries in this build yet");
    }
}
