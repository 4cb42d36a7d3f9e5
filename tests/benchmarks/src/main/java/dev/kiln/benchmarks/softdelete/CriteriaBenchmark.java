package dev.kiln.benchmarks.softdelete;

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
 * JMH per-op figures for the live-FloatingIp lookup: Kiln criteria vs hand-written {@code and deleted = 0} vs
 * Hibernate {@code @Filter}. The ratio lines come from {@link CriteriaRatios}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class CriteriaBenchmark {
    @Param({"h2", "mariadb"})
    public String backend;

    private CriteriaWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new CriteriaWorkload(Backend.fromId(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public FloatingIp criteria() {
        return workload.criteria(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp handWhere() {
        return workload.handWhere(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp filter() {
        return workload.filter(workload.nextAddress());
    }
}
