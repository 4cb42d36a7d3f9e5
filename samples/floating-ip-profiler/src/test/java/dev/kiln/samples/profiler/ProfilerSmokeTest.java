package dev.kiln.samples.profiler;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.samples.profiler.internal.ScenarioCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI smoke run: the command line end to end with every scenario and a tiny N, on each backend. It checks what a
 * user and a machine read (table, files, ratio lines), never the times.
 */
class ProfilerSmokeTest {
    private static final Pattern RATIO = Pattern.compile("ratio ([a-z_]+)_vs_([a-z_]+)\\.([a-z]+)\\.([a-z0-9]+) (\\d+\\.\\d{3})");

    @TempDir
    Path out;

    @DatabaseTest
    void everyScenarioRunsAndEveryOutputIsWritten(TestDatabase db) throws Exception {
        Result r = run("--db", urlWithCredentials(db), "--scenario", "all", "--ops", "30", "--rounds", "2",
                "--warmup", "10", "--count-ops", "10", "--rows", "60", "--out", out.toString());
        assertThat(r.status).as(r.err).isZero();

        List<String> lines = r.out.lines().toList();
        for (Scenario s : ScenarioCatalog.load().all()) {
            String ratioName = s.name() + "_vs_" + s.peer() + "." + s.workload() + "." + db.backend().id();
            String ratioPrefix = "ratio " + ratioName + " ";
            if (s.unavailableReason().isEmpty()) {
                assertThat(lines).as(r.out).anySatisfy(l -> {
                    assertThat(l).startsWith(ratioPrefix);
                    assertThat(RATIO.matcher(l).matches()).as(l).isTrue();
                });
                assertThat(Files.readString(out.resolve("report.html"))).contains("<code>" + s.name() + "</code>");
            } else {
                assertThat(lines).noneMatch(l -> l.startsWith(ratioPrefix));
                assertThat(r.out).contains("unavailable " + ratioName + " (" + s.unavailableReason().get() + ")");
            }
        }
        // the ratio lines end the output
        assertThat(lines.get(lines.size() - 1)).startsWith("ratio ");
        assertThat(r.out).contains("scenario", "ops/s", "ms/10k ops", "stmts/op", "round trips/op", "bytes/op");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script", "<link", "src=", "href=")
                .contains("Time per 10,000 operations");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + ScenarioCatalog.load().all().size());
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"backend\": \"" + db.backend().id() + "\"",
                "\"ratioName\": \"raw_jdbc_vs_default_optimized.update." + db.backend().id() + "\"");
    }

    @DatabaseTest({Backend.H2})
    void theConcurrencyStudyAndLatencyRunOverTcp(TestDatabase db) throws Exception {
        Result r = run("--db", urlWithCredentials(db), "--scenario", "raw_jdbc", "--ops", "10", "--rounds", "1",
                "--warmup", "0", "--count-ops", "5", "--rows", "40", "--latency-ms", "1", "--threads", "2",
                "--concurrency", "--study-latencies", "0,2", "--study-workers", "1,4", "--study-seconds", "1",
                "--study-ops", "20", "--out", out.toString());
        assertThat(r.status).as(r.err).isZero();
        assertThat(r.out).contains("Concurrency study (default_optimized)", "sequential platform", "4 workers platform",
                "+1 ms per round trip");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Concurrency study", "2 ms per round trip");
        List<String> cells = Files.readAllLines(out.resolve("concurrency.csv"));
        int kinds = Runtime.version().feature() >= 21 ? 2 : 1;
        assertThat(cells).hasSize(1 + 2 * 2 * kinds);
    }

    @Test
    void badOptionsPrintTheProblemAndTheUsage() {
        Result r = run("--threads", "zero");
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err).contains("error: --threads: 'zero' is not a whole number", "usage: floating-ip-profiler",
                "--latency-ms");
        assertThat(r.out).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() {
        Result r = run("--db", "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=secret", "--out", out.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains("error: Could not connect to jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=*** (--db)")
                .doesNotContain("secret");
    }

    @Test
    void helpPrintsTheUsage() {
        Result r = run("--help");
        assertThat(r.status).isZero();
        assertThat(r.out).contains("usage: floating-ip-profiler", "--scenario", "--rows", "--out");
    }

    static String urlWithCredentials(TestDatabase db) {
        String url = db.jdbcUrl();
        if (db.backend() == Backend.H2) {
            return url + ";USER=" + db.user() + ";PASSWORD=" + db.password();
        }
        return url + (url.contains("?") ? "&" : "?") + "user=" + db.user() + "&password=" + db.password();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ProfilerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
