package dev.kiln.retry.policy;

import dev.kiln.retry.DbBackend;
import dev.kiln.retry.DbConnectionException;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbTransactionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy's arithmetic and decisions, with an injected sleeper, clock and random source (no timing). */
class RetryPolicyTest {
    private final List<Duration> slept = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    private RetryPolicy.Builder recorded() {
        return RetryPolicy.builder()
                .sleeper(d -> {
                    slept.add(d);
                    now.addAndGet(d.toNanos());
                })
                .nanoClock(now::get);
    }

    static DbDeadlockException deadlock() {
        return new DbDeadlockException("Deadlock found", new SQLException("Deadlock found", "40001", 1213),
                "update t", DbBackend.MARIADB, DbDeadlockException.Reason.DEADLOCK);
    }

    static DbConnectionException disconnect() {
        return new DbConnectionException("lost", new SQLException("Communications link failure", "08S01"),
                "select 1", DbBackend.MARIADB, false);
    }

    @Test
    void defaultsAreOsloDbs() {
        RetryPolicy p = RetryPolicy.builder().build();
        assertThat(p.maxAttempts()).as("max_retries 20 after the first attempt").isEqualTo(21);
        assertThat(p.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.jitter()).isFalse();
        assertThat(p.maxDuration()).isNull();
        assertThat(p.retryOnDeadlock()).isFalse();
        assertThat(p.retryOnDisconnect()).isFalse();
    }

    @Test
    void delaysDoubleFromOneSecondUpToTenWithoutJitter() {
        RetryPolicy p = recorded().retryIf(e -> e instanceof IllegalStateException).build();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> p.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("always");
        })).isInstanceOf(IllegalStateException.class).hasMessage("always");
        assertThat(attempts).hasValue(21);
        assertThat(slept).hasSize(20);
        assertThat(slept.subList(0, 6)).extracting(Duration::toMillis).containsExactly(1000L, 2000L, 4000L, 8000L,
                10000L, 10000L);
        assertThat(p.metrics().attempts()).isEqualTo(21);
        assertThat(p.metrics().retries()).isEqualTo(20);
        assertThat(p.metrics().giveUps()).isEqualTo(1);
        assertThat(p.metrics().calls()).isEqualTo(1);
    }

    @Test
    void jitterIsForcedForDeadlocksAndDrawsBelowTheCeiling() {
        double[] draws = {0.5, 0.25, 0.999};
        AtomicInteger i = new AtomicInteger();
        RetryPolicy p = recorded().retryOnDeadlock(true).maxAttempts(4).random(() -> draws[i.getAndIncrement()]).build();
        assertThat(p.jitter()).isFalse();
        assertThatThrownBy(() -> p.run(() -> {
            throw deadlock();
        })).isInstanceOf(DbDeadlockException.class);
        // ceilings 1 s, 2 s, 4 s scaled by the draws
        assertThat(slept).extracting(Duration::toMillis).containsExactly(500L, 500L, 3996L);
    }

    @Test
    void noJitterForOtherErrorsUnlessConfigured() {
        RetryPolicy plain = recorded().retryOnDisconnect(true).random(() -> 0.5).build();
        assertThat(plain.delayBeforeRetry(1, disconnect())).isEqualTo(Duration.ofSeconds(1).toNanos());
        RetryPolicy jittered = recorded().retryOnDisconnect(true).jitter(true).random(() -> 0.5).build();
        assertThat(jittered.delayBeforeRetry(3, disconnect())).isEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void customBackoff() {
        RetryPolicy p = recorded().initialDelay(Duration.ofMillis(10)).multiplier(3).maxDelay(Duration.ofMillis(200))
                .build();
        assertThat(List.of(1, 2, 3, 4, 5)).extracting(n -> Duration.ofNanos(p.delayBeforeRetry(n, new RuntimeException()))
                .toMillis()).containsExactly(10L, 30L, 90L, 200L, 200L);
        assertThat(p.delayBeforeRetry(10_000, new RuntimeException())).as("no overflow")
                .isEqualTo(Duration.ofMillis(200).toNanos());
    }

    @Test
    void succeedsOnALaterAttemptAndReturnsItsResult() {
        RetryPolicy p = recorded().retryOnDeadlock(true).random(() -> 0).build();
        AtomicInteger attempts = new AtomicInteger();
        String r = p.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        });
        assertThat(r).isEqualTo("done");
        assertThat(p.metrics().retries()).isEqualTo(2);
        assertThat(p.metrics().giveUps()).isZero();
    }

    @Test
    void onlyWhatThePredicatesSelectIsRetried() {
        RetryPolicy p = recorded().retryOnDeadlock(true).build();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> p.run(() -> {
            attempts.incrementAndGet();
            throw disconnect();
        })).isInstanceOf(DbConnectionException.class);
        assertThat(attempts).hasValue(1);
        assertThat(p.isRetryable(deadlock())).isTrue();
        assertThat(p.isRetryable(new DbDuplicateEntryException("dup", new SQLException("dup", "23000", 1062), "i",
                DbBackend.MARIADB, "t", "c", "c", List.of("a"), List.of("v")))).isFalse();
        assertThat(p.isRetryable(new AssertionError("never"))).isFalse();
        // found through wrappers: a failed COMMIT, a JPA or Spring exception around it
        assertThat(p.isRetryable(new RuntimeException("wrapped", deadlock()))).isTrue();
        assertThat(p.isRetryable(new DbTransactionException("commit failed", new SQLException("x"), deadlock())))
                .isTrue();
        assertThat(recorded().retryOnDisconnect(true).build().isRetryable(disconnect())).isTrue();
        assertThat(recorded().retryOnDisconnect(true).build().isRetryable(
                new CommitOutcomeUnknownException("lost during COMMIT", disconnect())))
                .as("it may have committed: never retried").isFalse();
        // replay's JDBC-level report of the same, as a Spring interceptor would see it inside a commit failure
        DbTransactionException lostCommit = new DbTransactionException("Unable to commit",
                new dev.kiln.retry.replay.DbCommitOutcomeUnknownException("no COMMIT guard",
                        new SQLException("Communications link failure", "08S01")), disconnect());
        assertThat(recorded().retryOnDisconnect(true).build().isRetryable(new RuntimeException("wrapped", lostCommit)))
                .isFalse();
        assertThat(RetryPolicy.isCommitOutcomeUnknown(lostCommit)).isTrue();
        assertThat(RetryPolicy.isCommitOutcomeUnknown(disconnect())).isFalse();
    }

    @Test
    void exceptionCheckersCombine() {
        RetryPolicy p = recorded().retryIf(e -> e.getMessage().contains("a")).retryIf(e -> e.getMessage().contains("b"))
                .build();
        assertThat(p.isRetryable(new RuntimeException("a"))).isTrue();
        assertThat(p.isRetryable(new RuntimeException("b"))).isTrue();
        assertThat(p.isRetryable(new RuntimeException("c"))).isFalse();
    }

    @Test
    void retryRequestIsAlwaysRetriedAndItsCauseThrownWhenAttemptsRunOut() {
        RetryPolicy p = recorded().maxAttempts(3).initialDelay(Duration.ZERO).build();
        IllegalStateException inner = new IllegalStateException("quota busy");
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> p.run(() -> {
            attempts.incrementAndGet();
            throw new RetryRequest("again", inner);
        })).isSameAs(inner);
        assertThat(attempts).hasValue(3);
        assertThatThrownBy(() -> p.run(() -> {
            throw new RetryRequest("no cause");
        })).isInstanceOf(RetryRequest.class).hasMessage("no cause");
    }

    @Test
    void theTimeBudgetStopsRetriesThatWouldEndAfterIt() {
        RetryPolicy p = recorded().retryOnDeadlock(true).random(() -> 0.999999).maxDuration(Duration.ofMillis(3500))
                .build();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> p.run(() -> {
            attempts.incrementAndGet();
            now.addAndGet(Duration.ofMillis(100).toNanos());          // each attempt takes 100 ms
            throw deadlock();
        })).isInstanceOf(DbDeadlockException.class);
        // 100 + ~1000 + 100 + ~2000 + 100 = ~3300 ms; the third delay (~4 s) would overrun 3.5 s
        assertThat(attempts).hasValue(3);
        assertThat(slept).hasSize(2);
        assertThat(p.metrics().giveUps()).isEqualTo(1);
    }

    @Test
    void listenersHearRetriesAndGiveUps() {
        List<String> heard = new ArrayList<>();
        RetryPolicy p = recorded().maxAttempts(2).initialDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(5))
                .listener(new RetryListener() {
                    @Override
                    public void onRetry(int failedAttempt, Duration delay, Throwable cause) {
                        heard.add("retry " + failedAttempt + " " + delay.toMillis() + " " + cause.getMessage());
                    }

                    @Override
                    public void onGiveUp(int attempts, Throwable cause) {
                        heard.add("give up " + attempts + " " + cause.getMessage());
                    }
                }).build();
        assertThatThrownBy(() -> p.run(() -> {
            throw new RetryRequest("busy");
        })).isInstanceOf(RetryRequest.class);
        assertThat(heard).containsExactly("retry 1 5 busy", "give up 2 busy");
    }

    @Test
    void checkedExceptionsPassThroughCallChecked() {
        RetryPolicy p = recorded().build();
        assertThatThrownBy(() -> p.callChecked(() -> {
            throw new java.io.IOException("disk");
        })).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(20)).build())
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> recorded().jitter(true).random(() -> 1.0).build().delayBeforeRetry(1, deadlock()))
                .hasMessageContaining("[0, 1)");
    }

    @Test
    void toBuilderKeepsSettingsWithFreshMetrics() {
        RetryPolicy p = recorded().maxAttempts(3).retryOnDeadlock(true).build();
        p.run(() -> { });
        RetryPolicy q = p.toBuilder().maxAttempts(4).build();
        assertThat(q.retryOnDeadlock()).isTrue();
        assertThat(q.maxAttempts()).isEqualTo(4);
        assertThat(q.metrics().calls()).isZero();
        assertThat(p.metrics().calls()).isEqualTo(1);
    }
}
