package dev.kiln.retry.replay.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Row digests tell apart what {@code hashCode()} confuses; SQL classification by first keyword. */
class DigestAndSqlTest {
    @Test
    void valuesThatHashCodeConfusesDigestDifferently() throws SQLException {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(Digest.value("Aa")).isNotEqualTo(Digest.value("BB"));
        assertThat(Digest.value(new BigDecimal("1.0"))).isNotEqualTo(Digest.value(new BigDecimal("1.00")));
        Timestamp a = Timestamp.valueOf("2014-06-30 12:00:00.000000001");
        Timestamp b = Timestamp.valueOf("2014-06-30 12:00:00.000000002");
        assertThat(Digest.value(a)).isNotEqualTo(Digest.value(b));
        assertThat(Digest.value(LocalDateTime.of(2014, 6, 30, 12, 0, 0, 1)))
                .isNotEqualTo(Digest.value(LocalDateTime.of(2014, 6, 30, 12, 0, 0, 2)));
        assertThat(Digest.value(null)).isNotEqualTo(Digest.value(0L)).isNotEqualTo(Digest.value(""));
        assertThat(Digest.value(new byte[] {1, 2})).isNotEqualTo(Digest.value(new byte[] {2, 1}));
        assertThat(Digest.value("x")).isEqualTo(Digest.value(new String("x")));
    }

    @Test
    void oneHundredThousandDistinctValuesGiveDistinctDigests() throws SQLException {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertThat(seen.add(Digest.value((long) i))).isTrue();
            assertThat(seen.add(Digest.value("10.0." + (i / 256) + "." + (i % 256)))).isTrue();
        }
    }

    @Test
    void sessionStatementsAndReadsAreRecognisedByTheirFirstKeyword() {
        assertThat(Sql.isSessionStatement("SET @x = 1")).isTrue();
        assertThat(Sql.isSessionStatement("  set search_path = app")).isTrue();
        assertThat(Sql.isSessionStatement("/* hint */ SET NAMES utf8mb4")).isTrue();
        assertThat(Sql.isSessionStatement("USE test")).isTrue();
        assertThat(Sql.isSessionStatement("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isFalse();
        assertThat(Sql.isSessionStatement("SET LOCAL lock_timeout = '1s'")).isFalse();
        assertThat(Sql.isSessionStatement("SETTINGS")).isFalse();
        assertThat(Sql.isSessionStatement("UPDATE t SET v = 1")).isFalse();
        assertThat(Sql.isRead("select 1")).isTrue();
        assertThat(Sql.isRead("(SELECT 1) UNION (SELECT 2)")).isTrue();
        assertThat(Sql.isRead("-- comment\nSELECT 1")).isTrue();
        assertThat(Sql.isRead("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x")).isFalse();
        assertThat(Sql.isRead("INSERT INTO t VALUES (1)")).isFalse();
    }
}
