package dev.kiln.retry.replay.internal.hibernate;

import dev.kiln.retry.replay.ReplayConfig;
import dev.kiln.retry.replay.ReplaySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code kiln.replay.*} settings become the {@link ReplayConfig}; bad values name the setting. */
class ReplaySettingsTest {
    @Test
    void settingsBecomeTheConfiguration() {
        ReplayConfig c = ReplayConnectionProviderAdapter.config(Map.of(
                ReplaySettings.COMMIT_GUARD, "true",
                ReplaySettings.MAX_STATEMENTS, "7",
                ReplaySettings.MAX_BYTES, 4096L,
                ReplaySettings.MAX_ATTEMPTS, 5,
                ReplaySettings.TIME_LIMIT_MS, "2500",
                ReplaySettings.NEVER_REPLAY, "(?i)\\bnextval\\b"));
        assertThat(c.commitGuard()).isTrue();
        assertThat(c.maxStatements()).isEqualTo(7);
        assertThat(c.maxBytes()).isEqualTo(4096);
        assertThat(c.maxAttempts()).isEqualTo(5);
        assertThat(c.timeLimit()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.neverReplay("select nextval('s')")).isTrue();
        assertThat(c.neverReplay("select now()")).isTrue();           // the default rule stays
        assertThat(c.neverReplay("select id from t")).isFalse();
        assertThat(ReplayConnectionProviderAdapter.enabled(Map.of())).isFalse();
        assertThat(ReplayConnectionProviderAdapter.enabled(Map.of(ReplaySettings.ENABLED, true))).isTrue();
    }

    @Test
    void aConfigObjectWins() {
        ReplayConfig given = ReplayConfig.builder().maxAttempts(9).build();
        assertThat(ReplayConnectionProviderAdapter.config(Map.of(ReplaySettings.CONFIG, given,
                ReplaySettings.MAX_ATTEMPTS, 2))).isSameAs(given);
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> ReplayConnectionProviderAdapter.enabled(Map.of(ReplaySettings.ENABLED, "yes")))
                .hasMessageContaining(ReplaySettings.ENABLED);
        assertThatThrownBy(() -> ReplayConnectionProviderAdapter.config(Map.of(ReplaySettings.MAX_STATEMENTS, "many")))
                .hasMessageContaining(ReplaySettings.MAX_STATEMENTS);
        assertThatThrownBy(() -> ReplayConnectionProviderAdapter.config(Map.of(ReplaySettings.MAX_ATTEMPTS, 0)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> ReplayConnectionProviderAdapter.config(Map.of(ReplaySettings.CONFIG, "x")))
                .hasMessageContaining(ReplaySettings.CONFIG);
    }

    @Test
    void theDefaultNeverReplayRuleCatchesNonDeterministicFunctions() {
        ReplayConfig c = ReplayConfig.defaults();
        assertThat(c.neverReplay("SELECT NOW()")).isTrue();
        assertThat(c.neverReplay("insert into t (id) values (UUID())")).isTrue();
        assertThat(c.neverReplay("select rand() from dual")).isTrue();
        assertThat(c.neverReplay("select gen_random_uuid()")).isTrue();
        assertThat(c.neverReplay("select * from t where knowledge = ?")).isFalse();   // word-bounded: "now" inside a word
        assertThat(c.neverReplay("update floating_ips set host = ? where id = ?")).isFalse();
    }
}
