package dev.kiln.benchmarks.bundles;

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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH per-op figures (and allocation with {@code -prof gc}) for reading 10,000 FixedIps as bundles vs managed
 * entities, a read-only query, a StatelessSession, a {@code select new} record, Jdbi and raw JDBC. The ratio lines
 * come from {@link BundleRatios}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class BundleBenchmark {
    @Param({"h2", "mariadb"})
    public String backend;

    private BundleWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new BundleWorkload(Backend.fromId(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public List<?> bundle() {
        return workload.bundles();
    }

    @Benchmark
    public List<?> managed() {
        return workload.managed();
    }

    @Benchmark
    public List<?> readOnly() {
        return workload.readOnly();
    }

    @Benchmark
    public List<?> stateless() {
        return workload.stateless();
    }

    @Benchmark
    public List<?> record() {
        return workload.record();
    }

    @Benchmark
    public List<?> jdbi() {
        return workload.jdbi();
    }

    @Benchmark
    public List<?> floatingBundle() {
        return workload.floatingBundles();
    }

    @Benchmark
    public List<?> floatingManaged() {
        return workload.floatingManaged();
    }

    @Benchmark
    public List<?> jdbc() throws Exception {
        return workload.jdbc();
    }
}
