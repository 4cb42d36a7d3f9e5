package dev.kiln.benchmarks.bulk;

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

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH per-op time and allocation ({@code --prof gc}) of bulk inserts of 10,000 FloatingIps: Kiln vs raw JDBC vs
 * persist+flush (the untimed per-invocation set-up, 10,000 new objects and an emptied table, is in the allocation
 * figures of all three alike). Ratio lines come from {@link BulkRatios} and {@link BulkUpdateRatios}; FastSave has
 * {@link FastSaveBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging"})
public class BulkSaveBenchmark {
    @Param({"h2"})
    public String backend;

    private BulkWorkload inserts;
    private List<FloatingIp> rows;

    @Setup(Level.Trial)
    public void setUp() {
        inserts = new BulkWorkload(Backend.fromId(backend), false);
    }

    @Setup(Level.Invocation)
    public void prepareRows() {
        rows = inserts.prepareInsert();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        inserts.close();
    }

    @Benchmark
    public int kilnInsert10k() {
        return inserts.kilnInsert(rows);
    }

    @Benchmark
    public int jdbcInsert10k() throws SQLException {
        return inserts.jdbcInsert(rows);
    }

    @Benchmark
    public int persistInsert10k() {
        return inserts.persistInsert(rows);
    }
}
