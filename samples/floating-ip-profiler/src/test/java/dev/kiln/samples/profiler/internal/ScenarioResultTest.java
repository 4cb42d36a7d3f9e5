package dev.kiln.samples.profiler.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScenarioResultTest {
    @Test
    void ratiosAreMediansOfPerRoundRatiosNotRatiosOfMedians() {
        // per-round ratios 2.0, 0.5, 1.5 -> median 1.5; the ratio of medians would be 200/200 = 1.0
        assertThat(Runner.ratio(new long[] {200, 100, 300}, 10, new long[] {100, 200, 200}, 10)).isEqualTo(1.5);
    }

    @Test
    void ratiosCompareTimePerOperationWhenRoundsDifferInSize() {
        // peer: 100 ns for 10 ops (10 per op); scenario: 100 ns for 20 ops (5 per op)
        assertThat(Runner.ratio(new long[] {100}, 10, new long[] {100}, 20)).isEqualTo(2.0);
    }

    @Test
    void timesAreScaledFromTheMedianRound() {
        ScenarioResult r = new ScenarioResult("x", "d", List.of(), "update", "default_optimized", null, 2_000,
                new long[] {300_000_000L, 100_000_000L, 200_000_000L, 900_000_000L},
                new long[] {4_000_000, 2_000_000, 6_000_000, 8_000_000}, 2, 3, 1, 1);
        assertThat(r.msPer10k()).isCloseTo(1_250.0, within(1e-9));          // median 250 ms per 2,000 ops
        assertThat(r.opsPerSecond()).isCloseTo(8_000.0, within(1e-9));
        assertThat(r.bytesPerOp()).isCloseTo(2_500.0, within(1e-9));        // median 5,000,000 bytes / 2,000 ops
    }

    @Test
    void unknownAllocationIsNotReportedAsZero() {
        ScenarioResult r = new ScenarioResult("x", "d", List.of(), "update", "default_optimized", null, 10, new long[] {1, 2},
                new long[] {-1, 500}, 2, 3, 1, 1);
        assertThat(r.bytesPerOp()).isNaN();
    }

    @Test
    void ratioLinesNameScenarioWorkloadAndBackendAndSkipUnavailableScenarios() throws UsageException {
        ScenarioResult ran = new ScenarioResult("kiln_all", "d", List.of("f"), "update", "default_optimized", null, 10, new long[] {1},
                new long[] {1}, 2, 3, 1.25, 1.8754);
        ScenarioResult missing = ScenarioResult.unavailable("baked", "d", List.of(), "update", "default_optimized", "not yet");
        ScenarioResult read = new ScenarioResult("bundles", "d", List.of("b"), "list", "list_hibernate", null, 10,
                new long[] {1}, new long[] {1}, 2, 3, Double.NaN, 2.5);
        Report report = new Report("h2", "H2", "jdbc:h2:mem:x", "JDK", 2, 1.0, "now", Options.parse(new String[0]),
                ThreadKind.PLATFORM, List.of(ran, missing, read), null);
        assertThat(report.ratioLines()).containsExactly("ratio kiln_all_vs_default_optimized.update.h2 1.875",
                "ratio bundles_vs_list_hibernate.list.h2 2.500");
        assertThat(HtmlReport.render(report)).contains("<em>unavailable</em>: not yet", "kiln_all: 1.88\u00d7", "bundles (vs list_hibernate)", "2.50\u00d7 vs list_hibernate");
    }
}
