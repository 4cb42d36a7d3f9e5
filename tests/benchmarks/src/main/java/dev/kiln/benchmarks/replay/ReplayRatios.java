package dev.kiln.benchmarks.replay;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The cost of recording for replay on the floating-IP update transaction: plain Hibernate time / time with
 * {@code kiln.replay.enabled=true} (target: at least 0.95). Line: {@code ratio replay_on_vs_off.update.<backend>}.
 */
public final class ReplayRatios implements RatioSuite {
    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        return List.of(new Comparison("replay_on_vs_off.update." + backend.id(), "on", "off"));
    }

    @Override
    public Trial open(Backend backend) {
        ReplayWorkload w = new ReplayWorkload(backend);
        return Trial.of(w, List.of(
                Variant.of("on", () -> w.on(w.nextAddress())),
                Variant.of("off", () -> w.off(w.nextAddress()))));
    }
}
