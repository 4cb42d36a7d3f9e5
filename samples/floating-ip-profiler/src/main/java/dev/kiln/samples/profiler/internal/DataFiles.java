package dev.kiln.samples.profiler.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** {@code results.csv} (one row per scenario, then the study cells) and {@code results.json} (everything). */
public final class DataFiles {
    private DataFiles() {
    }

    public static Path writeCsv(Report report, Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario,backend,status,ops_per_second,ms_per_10000_ops,statements_per_op,round_trips_per_op,"
                + "bytes_per_op,ratio_vs_default,peer,ratio_vs_peer,ops_per_round,rounds,threads,thread_kind,"
                + "latency_ms,kiln_features,note\n");
        Options o = report.options();
        for (ScenarioResult r : report.scenarios()) {
            sb.append(csv(r.name())).append(',').append(report.backendId()).append(',')
                    .append(r.ran() ? "measured" : "unavailable").append(',')
                    .append(num(r.ran() ? r.opsPerSecond() : Double.NaN)).append(',')
                    .append(num(r.ran() ? r.msPer10k() : Double.NaN)).append(',')
                    .append(num(r.statementsPerOp())).append(',').append(num(r.roundTripsPerOp())).append(',')
                    .append(num(r.ran() ? r.bytesPerOp() : Double.NaN)).append(',')
                    .append(num(r.ratioToDefault())).append(',').append(r.peer()).append(',')
                    .append(num(r.ratioToPeer())).append(',')
                    .append(r.opsPerRound()).append(',').append(r.roundNanos().length).append(',')
                    .append(o.threads()).append(',').append(report.threadKind().label()).append(',')
                    .append(o.latencyMs()).append(',').append(csv(String.join("; ", r.kilnFeatures()))).append(',')
                    .append(csv(r.ran() ? "" : r.unavailable())).append('\n');
        }
        Path file = dir.resolve("results.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        if (report.study() != null) {
            StringBuilder st = new StringBuilder("scenario,backend,latency_ms,thread_kind,workers,ops,seconds,ops_per_second,seconds_per_1000_ops\n");
            for (ConcurrencyStudy.Cell c : report.study().cells()) {
                st.append(report.study().scenario()).append(',').append(report.backendId()).append(',')
                        .append(c.latencyMs()).append(',').append(c.kind().label()).append(',').append(c.workers())
                        .append(',').append(c.ops()).append(',').append(num(c.nanos() / 1e9)).append(',')
                        .append(num(c.opsPerSecond())).append(',').append(num(c.secondsPer1000())).append('\n');
            }
            Files.writeString(dir.resolve("concurrency.csv"), st.toString(), StandardCharsets.UTF_8);
        }
        return file;
    }

    public static Path writeJson(Report report, Path dir) throws IOException {
        Options o = report.options();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"backend\": ").append(str(report.backendId())).append(",\n");
        sb.append("  \"database\": ").append(str(report.database())).append(",\n");
        sb.append("  \"url\": ").append(str(report.dbUrl())).append(",\n");
        sb.append("  \"jvm\": ").append(str(report.jvm())).append(",\n");
        sb.append("  \"cores\": ").append(report.cores()).append(",\n");
        sb.append("  \"loadAverage\": ").append(jnum(report.loadAverage())).append(",\n");
        sb.append("  \"startedAt\": ").append(str(report.startedAt())).append(",\n");
        sb.append("  \"options\": {\"rows\": ").append(o.rows()).append(", \"ops\": ").append(o.ops())
                .append(", \"rounds\": ").append(o.rounds()).append(", \"warmupOps\": ").append(o.warmupOps())
                .append(", \"countOps\": ").append(o.countOps()).append(", \"threads\": ").append(o.threads())
                .append(", \"threadKind\": ").append(str(report.threadKind().label()))
                .append(", \"latencyMs\": ").append(o.latencyMs()).append(", \"seed\": ").append(o.seed()).append("},\n");
        sb.append("  \"scenarios\": [\n");
        List<ScenarioResult> rs = report.scenarios();
        for (int i = 0; i < rs.size(); i++) {
            ScenarioResult r = rs.get(i);
            sb.append("    {\"name\": ").append(str(r.name())).append(", \"description\": ").append(str(r.description()))
                    .append(", \"workload\": ").append(str(r.workload()));
            StringJoiner features = new StringJoiner(", ", "[", "]");
            r.kilnFeatures().forEach(f -> features.add(str(f)));
            sb.append(", \"kilnFeatures\": ").append(features);
            if (r.ran()) {
                sb.append(", \"opsPerSecond\": ").append(jnum(r.opsPerSecond()))
                        .append(", \"msPer10000Ops\": ").append(jnum(r.msPer10k()))
                        .append(", \"statementsPerOp\": ").append(jnum(r.statementsPerOp()))
                        .append(", \"roundTripsPerOp\": ").append(jnum(r.roundTripsPerOp()))
                        .append(", \"bytesPerOp\": ").append(jnum(r.bytesPerOp()))
                        .append(", \"ratioVsDefault\": ").append(jnum(r.ratioToDefault()))
                        .append(", \"peer\": ").append(str(r.peer()))
                        .append(", \"ratioVsPeer\": ").append(jnum(r.ratioToPeer()))
                        .append(", \"ratioName\": ").append(str(report.ratioName(r)));
                StringJoiner rounds = new StringJoiner(", ", "[", "]");
                for (long n : r.roundNanos()) {
                    rounds.add(Long.toString(n));
                }
                sb.append(", \"roundNanos\": ").append(rounds);
            } else {
                sb.append(", \"unavailable\": ").append(str(r.unavailable()));
            }
            sb.append(i + 1 < rs.size() ? "},\n" : "}\n");
        }
        sb.append("  ]");
        if (report.study() != null) {
            sb.append(",\n  \"concurrency\": {\"scenario\": ").append(str(report.study().scenario()))
                    .append(", \"virtualThreadsUnavailable\": ")
                    .append(report.study().virtualUnavailable() == null ? "null" : str(report.study().virtualUnavailable()))
                    .append(", \"cells\": [\n");
            List<ConcurrencyStudy.Cell> cells = report.study().cells();
            for (int i = 0; i < cells.size(); i++) {
                ConcurrencyStudy.Cell c = cells.get(i);
                sb.append("    {\"latencyMs\": ").append(c.latencyMs()).append(", \"threadKind\": ").append(str(c.kind().label()))
                        .append(", \"workers\": ").append(c.workers()).append(", \"ops\": ").append(c.ops())
                        .append(", \"nanos\": ").append(c.nanos()).append(", \"opsPerSecond\": ").append(jnum(c.opsPerSecond()))
                        .append(i + 1 < cells.size() ? "},\n" : "}\n");
            }
            sb.append("  ]}");
        }
        sb.append("\n}\n");
        Path file = dir.resolve("results.json");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String jnum(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
