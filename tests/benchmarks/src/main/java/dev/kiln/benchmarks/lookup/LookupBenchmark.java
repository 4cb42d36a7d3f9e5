package dev.kiln.benchmarks.lookup;

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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * JMH per-op figures for "load one FloatingIp by address": plain Hibernate HQL vs raw JDBC vs Jdbi.
 * The ratio lines come from {@link LookupRatios} (round-robin in one JVM); this gives absolute µs/op and, with
 * {@code --prof gc}, bytes allocated per op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class LookupBenchmark {
    @Param({"h2", "mariadb"})
    public String backend;

    private LookupWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new LookupWorkload(Backend.fromId(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public FloatingIp hql() {
        return workload.hql(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp jdbc() throws Exception {
        return workload.jdbc(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp jdbi() {
        return workload.jdbi(workload.nextAddress());
    }
}
