package dev.kiln.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plumbing and arithmetic of the ratio harness; no timing is asserted. */
class RatioRunnerTest {

    @Test
    void medianOfOddAndEvenSeries() {
        assertThat(RatioRunner.Stats.of(new double[] {5, 1, 3}).median()).isEqualTo(3);
        assertThat(RatioRunner.Stats.of(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
        assertThat(RatioRunner.Stats.of(new double[] {4, 1, 3, 2}).min()).isEqualTo(1);
        assertThat(RatioRunner.Stats.of(new double[] {4, 1, 3, 2}).max()).isEqualTo(4);
    }

    @Test
    void runsEveryVariantInEveryRoundAndReportsEachComparison() throws Exception {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        AtomicInteger prepared = new AtomicInteger();
        List<Variant> variants = List.of(
                Variant.of("a", a::incrementAndGet),
                Variant.of("b", b::incrementAndGet).withBeforeEach(prepared::incrementAndGet));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatioRunner runner = new RatioRunner(new RatioRunner.Config(Duration.ofMillis(30), 4, Duration.ofMillis(10)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        RatioRunner.Result r = runner.run("t", variants, List.of(new Comparison("a_vs_b.t.h2", "a", "b")));

        assertThat(r.nanosPerOp()).containsOnlyKeys("a", "b");
        assertThat(r.ratios()).containsOnlyKeys("a_vs_b.t.h2");
        assertThat(r.ratios().get("a_vs_b.t.h2").median()).isPositive().isFinite();
        assertThat(a.get()).isPositive();
        // The untimed step ran once before every invocation of its variant.
        assertThat(prepared.get()).isEqualTo(b.get());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("round 4/4");
    }

    @Test
    void rejectsComparisonsOfUnknownVariants() {
        RatioRunner runner = new RatioRunner(RatioRunner.Config.quick(), new PrintStream(new ByteArrayOutputStream()));
        assertThatThrownBy(() -> runner.run("t", List.of(Variant.of("a", () -> 1)),
                List.of(new Comparison("x", "a", "missing")))).hasMessageContaining("unknown variant");
    }

    @Test
    void aFilteredRunTimesOnlyTheVariantsOfTheSelectedComparisons() {
        List<Variant> variants = List.of(Variant.of("fast1", () -> 1), Variant.of("flush1", () -> 2),
                Variant.of("fast100", () -> 3), Variant.of("flush100", () -> 4));
        List<Variant> used = BenchmarkMain.usedBy(List.of(new Comparison("x.session1.h2", "fast1", "flush1")), variants);
        assertThat(used).extracting(Variant::name).containsExactly("fast1", "flush1");
    }

    @Test
    void commandLineIsParsedAndBadInputExplained() {
        BenchmarkMain.Options o = BenchmarkMain.Options.parse(new String[] {"lookup", "--backend", "h2,mariadb", "--quick"});
        assertThat(o.filter.pattern()).isEqualTo("lookup");
        assertThat(o.backends).hasSize(2);
        assertThat(o.quick).isTrue();
        assertThatThrownBy(() -> BenchmarkMain.Options.parse(new String[] {"--backend", "oracle"}))
                .hasMessageContaining("h2, mariadb, postgresql");
        assertThatThrownBy(() -> BenchmarkMain.Options.parse(new String[] {"--rounds", "0"}))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchmarkMain.Options.parse(new String[] {"--bogus"}))
                .hasMessageContaining("unknown option --bogus");
    }
}
