package dev.kiln.samples.profiler.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal output: a header, the results table, unavailable scenarios, the study table. */
public final class TextReport {
    private TextReport() {
    }

    public static void print(Report report, PrintStream out) {
        Options o = report.options();
        out.println();
        out.println("Floating-IP profiler: floating_ip_update on " + report.database() + ", " + report.jvm() + ", "
                + report.cores() + " cores" + (report.loadAverage() >= 0 ? String.format(Locale.ROOT, ", load %.2f", report.loadAverage()) : ""));
        out.println(String.format(Locale.ROOT, "%,d floating IPs; %d rounds x %,d ops after %,d warm-up ops per scenario; "
                        + "%d %s worker%s%s; SQL counted over %,d ops",
                o.rows(), o.rounds(), o.ops(), o.warmupOps(), o.threads(), report.threadKind().label(),
                o.threads() == 1 ? "" : "s", o.latencyMs() > 0 ? "; +" + o.latencyMs() + " ms per round trip" : "",
                o.countOps()));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "ops/s", "ms/10k ops", "stmts/op", "round trips/op", "bytes/op",
                "vs default", "vs default_optimized"});
        for (ScenarioResult r : report.scenarios()) {
            if (!r.ran()) {
                continue;
            }
            rows.add(new String[] {r.name(), fmt("%,.0f", r.opsPerSecond()), fmt("%,.1f", r.msPer10k()),
                    fmt("%.2f", r.statementsPerOp()), fmt("%.2f", r.roundTripsPerOp()),
                    Double.isNaN(r.bytesPerOp()) ? "n/a" : fmt("%,.0f", r.bytesPerOp()),
                    ratio(r.ratioToDefault()), peerRatio(r)});
        }
        table(rows, out);
        for (ScenarioResult r : report.scenarios()) {
            if (!r.ran()) {
                out.println("  unavailable: " + r.name() + " (" + r.unavailable() + ")");
            }
        }
        for (ScenarioResult r : report.scenarios()) {
            if (r.ran() && !r.kilnFeatures().isEmpty()) {
                out.println("  " + r.name() + " uses: " + String.join(", ", r.kilnFeatures()));
            }
        }
        if (report.study() != null) {
            printStudy(report.study(), o, out);
        }
    }

    private static void printStudy(ConcurrencyStudy.Result study, Options o, PrintStream out) {
        out.println();
        out.println("Concurrency study (" + study.scenario() + "): seconds per 1,000 ops (ops/s), latency injected per round trip");
        if (study.virtualUnavailable() != null) {
            out.println("  virtual threads not measured: " + study.virtualUnavailable());
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("latency");
        for (ThreadKind k : study.kinds()) {
            for (int w : o.studyWorkers()) {
                header.add((w == 1 ? "sequential" : w + " workers") + " " + k.label());
            }
        }
        rows.add(header.toArray(new String[0]));
        for (int latency : o.studyLatenciesMs()) {
            List<String> row = new ArrayList<>();
            row.add(latency + " ms");
            for (ThreadKind k : study.kinds()) {
                for (int w : o.studyWorkers()) {
                    ConcurrencyStudy.Cell c = study.cell(latency, k, w);
                    row.add(c == null ? "" : fmt("%.2f s (%,.0f)", c.secondsPer1000(), c.opsPerSecond()));
                }
            }
            rows.add(row.toArray(new String[0]));
        }
        table(rows, out);
    }

    /** The ratio to the peer, naming the peer unless it is default_optimized. */
    static String peerRatio(ScenarioResult r) {
        String v = ratio(r.ratioToPeer());
        return v.isEmpty() || r.peer().equals(ScenarioCatalog.DEFAULT_OPTIMIZED) ? v : v + " vs " + r.peer();
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : fmt("%.2fx", r);
    }

    static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    static String fmt(String format, double a, double b) {
        return String.format(Locale.ROOT, format, a, b);
    }

    private static void table(List<String[]> rows, PrintStream out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(width[c] - cell.length());
                sb.append(c == 0 ? cell + pad : pad + cell).append(c + 1 < cols ? "  " : "");
            }
            out.println(sb);
            if (r == 0) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < cols; c++) {
                    line.append("-".repeat(width[c])).append(c + 1 < cols ? "  " : "");
                }
                out.println(line);
            }
        }
    }
}
