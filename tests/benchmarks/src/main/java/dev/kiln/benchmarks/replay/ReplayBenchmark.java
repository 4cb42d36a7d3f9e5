package dev.kiln.benchmarks.replay;

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
 * JMH per-op figures (and, with {@code -prof gc}, allocation) for the floating-IP update transaction with replay
 * recording on and off. The ratio lines come from {@link ReplayRatios}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class ReplayBenchmark {
    @Param({"h2", "mariadb"})
    public String backend;

    private ReplayWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new ReplayWorkload(Backend.fromId(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public FloatingIp recordingOn() {
        return workload.on(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp recordingOff() {
        return workload.off(workload.nextAddress());
    }
}
