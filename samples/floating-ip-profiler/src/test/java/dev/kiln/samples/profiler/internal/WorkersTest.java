package dev.kiln.samples.profiler.internal;

import dev.kiln.fixtures.nova.FloatingIpValues;
import dev.kiln.samples.profiler.OperationInput;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkersTest {
    private static OperationInput[] inputs(int n) {
        SplittableRandom random = new SplittableRandom(1);
        OperationInput[] in = new OperationInput[n];
        for (int i = 0; i < n; i++) {
            in[i] = new OperationInput("a" + i, "p", FloatingIpValues.random(random));
        }
        return in;
    }

    @Test
    void everyInputRunsExactlyOnceOnEveryThreadKindThisJvmHas() throws Exception {
        for (ThreadKind kind : ThreadKind.values()) {
            if (!kind.available()) {
                continue;
            }
            for (int threads : new int[] {1, 7}) {
                Set<String> seen = ConcurrentHashMap.newKeySet();
                Workers.Run run = Workers.run(in -> {
                    assertThat(seen.add(in.address())).as("first run of %s", in.address()).isTrue();
                }, inputs(500), threads, kind, Long.MAX_VALUE, Workers.Tick.NONE);
                assertThat(run.ops()).isEqualTo(500);
                assertThat(seen).hasSize(500);
                assertThat(run.nanos()).isPositive();
                if (kind == ThreadKind.PLATFORM) {
                    assertThat(run.allocatedBytes()).as("platform threads count their allocations").isPositive();
                }
            }
        }
    }

    @Test
    void virtualThreadsAreAvailableExactlyFromJdk21() {
        assertThat(ThreadKind.VIRTUAL.available()).isEqualTo(Runtime.version().feature() >= 21);
        if (!ThreadKind.VIRTUAL.available()) {
            assertThat(ThreadKind.VIRTUAL.unavailableReason().orElseThrow()).contains("JDK 21");
        }
    }

    @Test
    void aDeadlineStopsTakingNewInputs() throws Exception {
        long deadline = System.nanoTime();   // already passed: nothing starts
        Workers.Run run = Workers.run(in -> { }, inputs(100), 3, ThreadKind.PLATFORM, deadline, Workers.Tick.NONE);
        assertThat(run.ops()).isZero();
    }

    @Test
    void theFirstFailureIsRethrown() {
        assertThatThrownBy(() -> Workers.run(in -> {
            if (in.address().equals("a42")) {
                throw new IllegalStateException("boom at " + in.address());
            }
        }, inputs(100), 4, ThreadKind.PLATFORM, Long.MAX_VALUE, Workers.Tick.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessage("boom at a42");
    }
}
