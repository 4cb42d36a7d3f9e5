package dev.kiln.samples.profiler.internal;

import dev.kiln.fixtures.nova.FloatingIpValues;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.samples.profiler.OperationInput;

import java.util.SplittableRandom;

/**
 * nova_poc's inputs: a random existing address per call ({@code random.choice}) and random values. Every (scenario,
 * round) gets its own stream: replaying the values another scenario just wrote would leave Hibernate nothing dirty to
 * update, and the scenarios would no longer do the same work.
 */
public final class Inputs {
    private Inputs() {
    }

    /** {@code count} inputs drawn from the data set, deterministic per {@code seed} and {@code stream}. */
    public static OperationInput[] generate(NovaDataset data, int count, long seed, long stream) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + stream);
        int n = data.floatingIpCount();
        OperationInput[] inputs = new OperationInput[count];
        for (int i = 0; i < count; i++) {
            int row = random.nextInt(n);
            inputs[i] = new OperationInput(data.floatingAddresses().get(row), data.floatingProjects().get(row),
                    FloatingIpValues.random(random));
        }
        return inputs;
    }
}
