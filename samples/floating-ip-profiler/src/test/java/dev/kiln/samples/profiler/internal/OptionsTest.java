package dev.kiln.samples.profiler.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void defaultsRunEveryScenarioOnEmbeddedH2() throws UsageException {
        Options o = Options.parse(new String[0]);
        assertThat(o.db()).isEqualTo(Options.DEFAULT_DB);
        assertThat(o.embeddedH2()).isTrue();
        assertThat(o.scenarios()).containsExactly("all");
        assertThat(o.threads()).isEqualTo(1);
        assertThat(o.latencyMs()).isZero();
        assertThat(o.concurrency()).isFalse();
        assertThat(o.out()).isEqualTo(Path.of("profiler-out"));
    }

    @Test
    void everyOptionOfTheIssueIsParsed() throws UsageException {
        Options o = Options.parse(new String[] {"--db", "jdbc:mariadb://127.0.0.1:3306/test?user=root", "--scenario",
                "raw_jdbc,jdbi", "--ops", "2,000", "--rows=500", "--threads", "4", "--latency-ms", "5", "--out", "x/y",
                "--rounds", "3", "--warmup", "0", "--concurrency", "--study-latencies", "0,1", "--study-workers", "1,8",
                "--virtual-threads", "--seed", "9"});
        assertThat(o.db()).startsWith("jdbc:mariadb:");
        assertThat(o.embeddedH2()).isFalse();
        assertThat(o.scenarios()).containsExactly("raw_jdbc", "jdbi");
        assertThat(o.ops()).isEqualTo(2_000);
        assertThat(o.rows()).isEqualTo(500);
        assertThat(o.threads()).isEqualTo(4);
        assertThat(o.latencyMs()).isEqualTo(5);
        assertThat(o.out()).isEqualTo(Path.of("x/y"));
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.warmupOps()).isZero();
        assertThat(o.concurrency()).isTrue();
        assertThat(o.studyLatenciesMs()).isEqualTo(List.of(0, 1));
        assertThat(o.studyWorkers()).isEqualTo(List.of(1, 8));
        assertThat(o.virtualThreads()).isTrue();
        assertThat(o.seed()).isEqualTo(9);
    }

    @Test
    void helpReturnsNull() throws UsageException {
        assertThat(Options.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badOptionsNameTheOptionAndWhatIsExpected() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--scenario", "fastest"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--scenario").hasMessageContaining("fastest")
                .hasMessageContaining("raw_jdbc");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ops", "0"}))
                .hasMessageContaining("--ops").hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ops", "many"}))
                .hasMessageContaining("--ops").hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--threads"}))
                .hasMessageContaining("--threads needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--latency-ms", "-3"}))
                .hasMessageContaining("--latency-ms");
        assertThatThrownBy(() -> Options.parse(new String[] {"--db", "jdbc:oracle:thin:@x"}))
                .hasMessageContaining("--db").hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> Options.parse(new String[] {"--frobnicate"}))
                .hasMessageContaining("unknown option '--frobnicate'");
        assertThatThrownBy(() -> Options.parse(new String[] {"stray"}))
                .hasMessageContaining("unexpected argument 'stray'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--study-workers", "1,0"}))
                .hasMessageContaining("--study-workers");
    }
}
