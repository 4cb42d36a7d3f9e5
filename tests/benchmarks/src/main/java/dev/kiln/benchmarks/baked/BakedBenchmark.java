package dev.kiln.benchmarks.baked;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
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
 * JMH per-op figures (and, with {@code --prof gc}, bytes allocated per op) for "find FloatingIp by address": baked vs
 * HQL string vs criteria (native and JPA bootstrap) vs Jdbi vs raw JDBC, each opening a session (or connection) per
 * call; and baked vs HQL in one open session (cleared per query), which isolates what the query itself costs.
 * {@link BakedThreadsBenchmark} runs the baked query and the HQL string from 4 threads sharing one bakery. The ratio
 * lines come from {@link BakedRatios}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class BakedBenchmark {
    @Param({"h2", "mariadb"})
    public String backend;

    private BakedWorkload workload;
    private Session session;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new BakedWorkload(Backend.fromId(backend));
        session = workload.openSession();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        workload.close();
    }

    @Benchmark
    public FloatingIp baked() {
        return workload.baked(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp hql() {
        return workload.hql(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp criteria() {
        return workload.criteria(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp criteriaJpa() {
        return workload.criteriaJpa(workload.nextAddress());
    }

    @Benchmark
    public FloatingIp jdbi() {
        return workload.jdbi(workload.nextAddress());
    }

    /** The query alone: one session for the whole run, cleared before each query. */
    @Benchmark
    public FloatingIp bakedInOpenSession() {
        return workload.bakedIn(session, workload.nextAddress());
    }

    /** The query alone, HQL string. */
    @Benchmark
    public FloatingIp hqlInOpenSession() {
        return workload.hqlIn(session, workload.nextAddress());
    }

    @Benchmark
    public FloatingIp jdbc() throws Exception {
        return workload.jdbc(workload.nextAddress());
    }
}
