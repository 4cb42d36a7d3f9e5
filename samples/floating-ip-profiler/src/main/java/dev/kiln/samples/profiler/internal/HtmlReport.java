package dev.kiln.samples.profiler.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network) with the run's context,
 * bar charts of time, speed-up, allocation and SQL per operation, the table, and the concurrency study.
 */
public final class HtmlReport {
    private static final String PLAIN = "#8a8f98";
    private static final String KILN = "#d9622b";
    private static final String FLOOR = "#3b7dd8";

    private HtmlReport() {
    }

    /** One bar of a chart. */
    record Bar(String label, double value, String color, String text) {
    }

    public static Path write(Report report, Path dir) throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Report report) {
        Options o = report.options();
        List<ScenarioResult> ran = report.scenarios().stream().filter(ScenarioResult::ran).toList();
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Kiln floating-IP profiler, ").append(esc(report.backendId())).append("</title>\n<style>")
                .append("body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:980px;color:#222;padding:0 1em}")
                .append("h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}")
                .append(".meta{color:#555}table{border-collapse:collapse;margin:1em 0}td,th{padding:.3em .7em;border-bottom:1px solid #eee}")
                .append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.legend span{display:inline-block;margin-right:1.2em}")
                .append(".sw{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-1px}")
                .append("code{background:#f4f4f4;padding:0 .25em}svg text{font:12px system-ui,sans-serif}")
                .append("</style></head><body>\n");
        h.append("<h1>Floating-IP profiler: <code>floating_ip_update</code> on ").append(esc(report.database())).append("</h1>\n");
        h.append("<p class=\"meta\">").append(esc(report.startedAt())).append(" &middot; ").append(esc(report.jvm()))
                .append(" &middot; ").append(report.cores()).append(" cores")
                .append(report.loadAverage() >= 0 ? String.format(Locale.ROOT, " &middot; load %.2f", report.loadAverage()) : "")
                .append("<br>").append(String.format(Locale.ROOT, "%,d floating IPs; %d rounds of %,d operations per scenario, "
                        + "round-robin, after %,d warm-up operations; %d %s worker thread%s%s; SQL counted over %,d operations.",
                o.rows(), o.rounds(), o.ops(), o.warmupOps(), o.threads(), report.threadKind().label(),
                o.threads() == 1 ? "" : "s", o.latencyMs() > 0 ? "; +" + o.latencyMs() + " ms per round trip" : "", o.countOps()))
                .append("<br>Database: <code>").append(esc(report.dbUrl())).append("</code></p>\n");
        h.append("<p>Each operation is one transaction of nova_poc's <code>floating_ip_update(address, values)</code>: "
                + "look up a random floating IP by address, set <code>fixed_ip_id</code> to null and random project, host and "
                + "interface, flush, commit. Times are medians over rounds; ratios are medians of the per-round ratios "
                + "(peer time / scenario time, above 1 = faster than the peer).</p>\n");
        h.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:").append(PLAIN).append("\"></i>plain Hibernate</span>")
                .append("<span><i class=\"sw\" style=\"background:").append(KILN).append("\"></i>Hibernate with Kiln</span>")
                .append("<span><i class=\"sw\" style=\"background:").append(FLOOR).append("\"></i>no ORM (Jdbi, raw JDBC)</span></p>\n");

        List<Bar> time = new ArrayList<>();
        List<Bar> speed = new ArrayList<>();
        List<Bar> bytes = new ArrayList<>();
        List<Bar> stmts = new ArrayList<>();
        for (ScenarioResult r : ran) {
            String color = color(r);
            time.add(new Bar(r.name(), r.msPer10k(), color, String.format(Locale.ROOT, "%,.0f ms", r.msPer10k())));
            if (!Double.isNaN(r.ratioToPeer())) {
                String label = r.peer().equals(ScenarioCatalog.DEFAULT_OPTIMIZED) ? r.name() : r.name() + " (vs " + r.peer() + ")";
                speed.add(new Bar(label, r.ratioToPeer(), color, String.format(Locale.ROOT, "%.2f\u00d7", r.ratioToPeer())));
            }
            if (!Double.isNaN(r.bytesPerOp())) {
                bytes.add(new Bar(r.name(), r.bytesPerOp() / 1024, color, String.format(Locale.ROOT, "%,.1f KiB", r.bytesPerOp() / 1024)));
            }
            stmts.add(new Bar(r.name() + " statements", r.statementsPerOp(), color, String.format(Locale.ROOT, "%.2f", r.statementsPerOp())));
            stmts.add(new Bar(r.name() + " round trips", r.roundTripsPerOp(), color + "99", String.format(Locale.ROOT, "%.2f", r.roundTripsPerOp())));
        }
        h.append("<h2>Time per 10,000 operations (lower is better)</h2>\n").append(chart(time, Double.NaN));
        h.append("<h2>Speed relative to default_optimized (higher is better)</h2>\n").append(chart(speed, 1.0));
        if (!bytes.isEmpty()) {
            h.append("<h2>Bytes allocated per operation (the JVM's analog of nova_poc's function calls)</h2>\n")
                    .append("<p class=\"meta\">Thread allocation counters of the worker threads; with embedded H2 they include "
                            + "the database engine's own allocations, which run on the same thread.</p>\n")
                    .append(chart(bytes, Double.NaN));
        }
        h.append("<h2>SQL statements and JDBC round trips per operation</h2>\n").append(chart(stmts, Double.NaN));

        h.append("<h2>All figures</h2>\n<table><tr><th>scenario</th><th class=\"n\">ops/s</th><th class=\"n\">ms / 10k ops</th>")
                .append("<th class=\"n\">statements / op</th><th class=\"n\">round trips / op</th><th class=\"n\">bytes / op</th>")
                .append("<th class=\"n\">vs default</th><th class=\"n\">vs default_optimized</th><th>what it does</th></tr>\n");
        for (ScenarioResult r : report.scenarios()) {
            h.append("<tr><td><code>").append(esc(r.name())).append("</code></td>");
            if (r.ran()) {
                h.append(td("%,.0f", r.opsPerSecond())).append(td("%,.1f", r.msPer10k())).append(td("%.2f", r.statementsPerOp()))
                        .append(td("%.2f", r.roundTripsPerOp())).append(td("%,.0f", r.bytesPerOp()))
                        .append(td("%.2f\u00d7", r.ratioToDefault()))
                        .append(td("%.2f\u00d7" + (r.peer().equals(ScenarioCatalog.DEFAULT_OPTIMIZED) ? "" : " vs " + r.peer()),
                                r.ratioToPeer()))
                        .append("<td>").append(esc(r.description()));
                if (!r.kilnFeatures().isEmpty()) {
                    h.append("<br><small>Kiln: ").append(esc(String.join(", ", r.kilnFeatures()))).append("</small>");
                }
                h.append("</td>");
            } else {
                h.append("<td colspan=\"7\"><em>unavailable</em>: ").append(esc(r.unavailable())).append("</td><td>")
                        .append(esc(r.description())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<h2>Ratio lines</h2>\n<pre>");
        report.ratioLines().forEach(l -> h.append(esc(l)).append('\n'));
        h.append("</pre>\n");
        if (report.study() != null) {
            study(report, h);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void study(Report report, StringBuilder h) {
        ConcurrencyStudy.Result s = report.study();
        Options o = report.options();
        h.append("<h2>Concurrency study: sequential vs pooled, platform vs virtual threads</h2>\n")
                .append("<p>The same update (<code>").append(esc(s.scenario())).append("</code>) with latency injected on every "
                        + "round trip by a TCP proxy on loopback, as in the gevent and asyncio articles. Bars: seconds per "
                        + "1,000 operations (lower is better). Each cell ran until ")
                .append(String.format(Locale.ROOT, "%,d operations or %d s", o.studyOps(), o.studySeconds()))
                .append(", whichever came first.</p>\n");
        if (s.virtualUnavailable() != null) {
            h.append("<p class=\"meta\">Virtual threads not measured: ").append(esc(s.virtualUnavailable())).append("</p>\n");
        }
        for (int latency : o.studyLatenciesMs()) {
            List<Bar> bars = new ArrayList<>();
            for (ThreadKind k : s.kinds()) {
                for (int w : o.studyWorkers()) {
                    ConcurrencyStudy.Cell c = s.cell(latency, k, w);
                    if (c != null) {
                        bars.add(new Bar((w == 1 ? "sequential" : w + " workers") + ", " + k.label(), c.secondsPer1000(),
                                k == ThreadKind.PLATFORM ? FLOOR : KILN,
                                String.format(Locale.ROOT, "%.2f s (%,.0f ops/s)", c.secondsPer1000(), c.opsPerSecond())));
                    }
                }
            }
            h.append("<h3>").append(latency).append(" ms per round trip</h3>\n").append(chart(bars, Double.NaN));
        }
    }

    private static String color(ScenarioResult r) {
        if (r.name().equals("jdbi") || r.name().equals("raw_jdbc")) {
            return FLOOR;
        }
        return r.kilnFeatures().isEmpty() ? PLAIN : KILN;
    }

    /** A horizontal bar chart as inline SVG; {@code reference} draws a dashed line at that value (NaN: none). */
    static String chart(List<Bar> bars, double reference) {
        if (bars.isEmpty()) {
            return "<p class=\"meta\">No data.</p>\n";
        }
        int labelWidth = 230;
        int plotWidth = 560;
        int textWidth = 170;
        int rowHeight = 24;
        double max = Double.isNaN(reference) ? 0 : reference;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        max = max <= 0 ? 1 : max;
        int height = bars.size() * rowHeight + 10;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">\n",
                labelWidth + plotWidth + textWidth, height));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * rowHeight;
            double w = Math.max(1, b.value() / max * plotWidth);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    labelWidth - 8, y + 15, esc(b.label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                    labelWidth, y + 2, w, rowHeight - 6, b.color(), esc(b.label()), esc(b.text())));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>\n", labelWidth + w + 6, y + 15, esc(b.text())));
        }
        if (!Double.isNaN(reference)) {
            double x = labelWidth + reference / max * plotWidth;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>\n",
                    x, x, height));
        }
        return s.append("</svg>\n").toString();
    }

    private static String td(String format, double v) {
        return "<td class=\"n\">" + (Double.isNaN(v) ? "" : esc(String.format(Locale.ROOT, format, v))) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
