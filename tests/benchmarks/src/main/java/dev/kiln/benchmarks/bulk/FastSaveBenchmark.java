package dev.kiln.benchmarks.bulk;

import dev.kiln.fixtures.Backend;
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
 * JMH per-op time and allocation ({@code --prof gc}) of one FloatingIp update written with {@code FastSave.save} vs
 * {@code session.flush()} in a Session managing 100 and 10,000 other entities ({@link FastSaveWorkload}). Ratio lines
 * come from {@link FastSaveRatios}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class FastSaveBenchmark {
    @Param({"h2"})
    public String backend;

    private FastSaveWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new FastSaveWorkload(Backend.fromId(backend), 100, 10_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public String fastSaveSession100() {
        return workload.contender(100, true).update();
    }

    @Benchmark
    public String flushSession100() {
        return workload.contender(100, false).update();
    }

    @Benchmark
    public String fastSaveSession10000() {
        return workload.contender(10_000, true).update();
    }

    @Benchmark
    public String flushSession10000() {
        return workload.contender(10_000, false).update();
    }
}
