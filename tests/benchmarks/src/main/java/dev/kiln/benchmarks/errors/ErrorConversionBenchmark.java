package dev.kiln.benchmarks.errors;

import dev.kiln.fixtures.Backend;
import org.hibernate.JDBCException;
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
 * JMH per-op figures for converting one real SQLException (round-robin over a duplicate key, a NOT NULL violation
 * and a missing table): Kiln's rewriting vs plain Hibernate 7. Ratios come from {@link ErrorConversionRatios}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class ErrorConversionBenchmark {
    @Param({"h2", "mariadb", "postgresql"})
    public String backend;

    private ErrorConversionWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new ErrorConversionWorkload(Backend.fromId(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public JDBCException kiln() {
        return workload.kiln(workload.nextError());
    }

    @Benchmark
    public JDBCException hibernate() {
        return workload.hibernate(workload.nextError());
    }
}
