package dev.kiln.samples.profiler;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.samples.profiler.internal.ConcurrencyStudy;
import dev.kiln.samples.profiler.internal.DataFiles;
import dev.kiln.samples.profiler.internal.Endpoint;
import dev.kiln.samples.profiler.internal.HtmlReport;
import dev.kiln.samples.profiler.internal.Options;
import dev.kiln.samples.profiler.internal.Progress;
import dev.kiln.samples.profiler.internal.Report;
import dev.kiln.samples.profiler.internal.Runner;
import dev.kiln.samples.profiler.internal.ScenarioCatalog;
import dev.kiln.samples.profiler.internal.ScenarioResult;
import dev.kiln.samples.profiler.internal.TextReport;
import dev.kiln.samples.profiler.internal.ThreadKind;
import dev.kiln.samples.profiler.internal.UsageException;
import dev.kiln.samples.profiler.internal.Workbench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The floating-IP profiler's command line. Runs on embedded H2 with no set-up:
 * <pre>{@code
 * samples/floating-ip-profiler/run.sh                                   # every scenario, embedded H2
 * samples/floating-ip-profiler/run.sh --db 'jdbc:mariadb://127.0.0.1:3306/test?user=root&password=' --scenario raw_jdbc
 * }</pre>
 * Prints a table, writes {@code results.csv}, {@code results.json} and {@code report.html} to {@code --out}, and
 * ends with one {@code ratio <scenario>_vs_default_optimized.update.<backend> <value>} line per scenario.
 * Exit status: 0 done, 1 failed, 2 bad options.
 */
public final class ProfilerMain {
    private ProfilerMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /** Runs the profiler; returns the exit status instead of exiting (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
            if (options == null) {
                out.println(Options.USAGE);
                return 0;
            }
            if (options.virtualThreads() && !ThreadKind.VIRTUAL.available()) {
                throw new UsageException("--virtual-threads: " + ThreadKind.VIRTUAL.unavailableReason().orElseThrow());
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(Options.USAGE);
            return 2;
        }
        try {
            profile(options, out, new Progress(err, System.console() != null));
            return 0;
        } catch (Exception e) {
            err.println();
            err.println("error: " + e.getMessage());
            Throwable cause = e.getCause();
            while (cause != null && cause != cause.getCause()) {
                err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            return 1;
        }
    }

    static void profile(Options options, PrintStream out, Progress progress) throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ThreadKind kind = options.virtualThreads() ? ThreadKind.VIRTUAL : ThreadKind.PLATFORM;
        ScenarioCatalog catalog = ScenarioCatalog.load();
        List<Scenario> selected = catalog.select(options.scenarios());
        Scenario studyScenario = null;
        if (options.concurrency()) {
            studyScenario = catalog.get(options.studyScenario());
            if (studyScenario.unavailableReason().isPresent()) {
                throw new IllegalArgumentException("--study-scenario " + studyScenario.name() + " is unavailable: "
                        + studyScenario.unavailableReason().get());
            }
        }
        Files.createDirectories(options.out());

        try (Endpoint endpoint = Endpoint.open(options.db(), options.latencyMs() > 0 || options.concurrency())) {
            progress.start("connecting to " + Endpoint.redact(options.db()), 3);
            HikariDataSource pool;
            try {
                pool = endpoint.pool("main", Math.max(2, options.threads() + 1), options.latencyMs() > 0);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Could not connect to " + Endpoint.redact(options.db())
                        + " (--db): " + e.getMessage(), e);
            }
            endpoint.setLatency(options.latencyMs());
            String database = endpoint.describe(pool);
            progress.update(1);
            progress.start(String.format("creating the Nova schema and loading %,d floating IPs", options.rows()), 1);
            try (Workbench bench = Workbench.open(pool, endpoint.backend(), endpoint.newCounter(), options.rows(), options.seed())) {
                progress.finish();
                List<ScenarioResult> results = new Runner(bench, options, kind, progress).measure(selected);
                ConcurrencyStudy.Result study = null;
                if (studyScenario != null) {
                    study = ConcurrencyStudy.run(endpoint, bench, studyScenario, options, progress);
                }
                progress.finish();
                Report report = new Report(endpoint.backend().id(), database, Endpoint.redact(options.db()), jvm(),
                        Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), started.toString(), options,
                        kind, results, study);
                TextReport.print(report, out);
                Path csv = DataFiles.writeCsv(report, options.out());
                Path json = DataFiles.writeJson(report, options.out());
                Path html = HtmlReport.write(report, options.out());
                out.println();
                out.println("wrote " + csv + ", " + json + (study != null ? ", " + options.out().resolve("concurrency.csv") : ""));
                out.println("report: " + html.toAbsolutePath().toUri());
                out.println();
                for (ScenarioResult r : results) {
                    if (!r.ran()) {
                        out.println("unavailable " + report.ratioName(r) + " (" + r.unavailable() + ")");
                    }
                }
                report.ratioLines().forEach(out::println);
            }
        }
    }

    private static String jvm() {
        return "JDK " + Runtime.version() + " (" + System.getProperty("java.vm.vendor", "?") + ")";
    }
}
