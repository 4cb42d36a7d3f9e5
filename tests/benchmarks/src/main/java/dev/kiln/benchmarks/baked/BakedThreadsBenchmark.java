package dev.kiln.benchmarks.baked;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FloatingIp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Find FloatingIp by address" from 4 threads sharing one bakery, one SessionFactory and one pool (of 4): the baked
 * query's cache under concurrent use, against the HQL string. Throughput, ops/ms (higher is better).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Threads(4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class BakedThreadsBenchmark {
    @Param({"h2"})
    public String backend;

    private BakedWorkload workload;
    private final AtomicLong seeds = new AtomicLong(100);

    @Setup(Level.Trial)
    public void setUp() {
        workload = new BakedWorkload(Backend.fromId(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** Each thread walks its own shuffled order of addresses. */
    @State(Scope.Thread)
    public static class Cursor {
        NovaBench.AddressCursor addresses;

        @Setup(Level.Trial)
        public void setUp(BakedThreadsBenchmark shared) {
            addresses = shared.workload.cursor(shared.seeds.incrementAndGet());
        }
    }

    @Benchmark
    public FloatingIp baked(Cursor cursor) {
        return workload.baked(cursor.addresses.next());
    }

    @Benchmark
    public FloatingIp hql(Cursor cursor) {
        return workload.hql(cursor.addresses.next());
    }
}
