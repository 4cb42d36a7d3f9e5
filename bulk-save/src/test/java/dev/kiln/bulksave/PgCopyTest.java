package dev.kiln.bulksave;

import dev.kiln.bulksave.model.Specimen;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbDuplicateEntryException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL inserts through {@code COPY FROM STDIN}: exact round trips of tricky values, failures naming the row. */
class PgCopyTest {
    private static final String[] TRICKY = {
            "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\.", "quote ' and \" double",
            "unicode ü € 🚀 ß", "", "comma,semi;pipe|", " leading and trailing ", "emoji 😀 at the end 😀", "\\t literal backslash-t", "x"};

    static List<Specimen> specimens(long firstId, int n) {
        return specimens(firstId, n, true);
    }

    /** Rows with every basic type; {@code fractions}: timestamps with microseconds (MariaDB's columns keep none). */
    static List<Specimen> specimens(long firstId, int n, boolean fractions) {
        int micros = fractions ? 1_000 : 0;
        List<Specimen> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Specimen s = new Specimen(firstId + i);
            boolean nulls = i % 5 == 4;
            s.text = nulls ? null : TRICKY[i % TRICKY.length] + "#" + firstId + "-" + i;
            s.flag = nulls ? null : i % 2 == 0;
            s.count = nulls ? null : (i % 3 == 0 ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - i);
            s.amount = nulls ? null : new BigDecimal(i % 2 == 0 ? "-123456789012345.0001" : "0.0100").add(BigDecimal.valueOf(i));
            s.ratio = nulls ? null : (i % 2 == 0 ? 0.1 * i : -1.7976931348623157E300 / (i + 1));
            s.small = nulls ? null : 0.5f * i - 0.25f;   // exact in binary: MariaDB FLOAT keeps no more digits
            s.token = nulls ? null : UUID.nameUUIDFromBytes(("u" + i).getBytes(StandardCharsets.UTF_8));
            s.data = nulls ? null : new byte[]{0, (byte) 0xFF, '\\', '\t', '\n', 'N', (byte) i};
            s.at = nulls ? null : LocalDateTime.of(1999 + i % 30, 12, 31, 23, 59, 58, 123_456 * micros);
            s.day = nulls ? null : LocalDate.of(1 + i, 1, 1);
            s.stamp = nulls ? null : Instant.parse("2026-03-29T01:30:00Z").plusNanos(654_321L * micros).plusSeconds(3_600L * i);
            s.offsetTime = nulls ? null : OffsetDateTime.of(2026, 10, 25, 2, 30, 0, micros, ZoneOffset.ofHours(i % 14));
            s.unitName = nulls ? null : TimeUnit.values()[i % TimeUnit.values().length];
            s.weekday = nulls ? null : DayOfWeek.values()[i % 7];
            out.add(s);
        }
        return out;
    }

    @DatabaseTest
    void trickyValuesRoundTripExactly(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Specimen> rows = specimens(1_000, 60, db.backend() != Backend.MARIADB);
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            sql.reset();
            assertThat(BulkSave.insert(s, rows)).isEqualTo(60);
            if (db.backend() == Backend.POSTGRESQL) {
                assertThat(sql.count(SqlKind.INSERT)).as("COPY, not INSERT: " + sql.executed()).isZero();
            } else {
                assertThat(sql.count(SqlKind.INSERT)).isPositive();
            }
            s.getTransaction().commit();
        }
        assertStored(sf, rows);
    }

    @DatabaseTest({Backend.POSTGRESQL})
    void insertStatementsWhenCopyIsOff(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Specimen> rows = specimens(2_000, 20);
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            sql.reset();
            BulkSave.insert(s, rows, BulkOptions.builder().copyOnPostgresql(false).build());
            assertThat(sql.count(SqlKind.INSERT)).isEqualTo(1);
            s.getTransaction().commit();
        }
        assertStored(sf, rows);
    }

    @DatabaseTest
    void duplicateKeyMidCopyRollsBackAndNamesTheRow(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<Specimen> rows = specimens(3_000, 700);
        rows.get(612).id = rows.get(17).id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            BulkSave.insert(s, specimens(4_000, 3));                  // earlier work of the same transaction
            assertThatThrownBy(() -> BulkSave.insert(s, rows))
                    .isInstanceOf(DbDuplicateEntryException.class)
                    .hasMessageContaining(Specimen.class.getName())
                    .hasMessageContaining("row 612");
            BulkSave.insert(s, specimens(5_000, 3));                  // the transaction is still usable
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from specimens where id between 3000 and 3999")).isZero();
        assertThat(db.queryLong("select count(*) from specimens where id between 4000 and 5999")).isEqualTo(6);
    }

    @DatabaseTest({Backend.H2})
    void bulkSaveItselfDoesNotLinkAgainstPgjdbc(TestDatabase db) throws IOException {
        // pgjdbc is optional: only PgCopy may reference it, and JdbcWriter loads PgCopy only when pgjdbc is present
        for (String type : List.of("JdbcWriter", "BulkOperation", "SqlFlavor")) {
            try (InputStream in = BulkSave.class.getResourceAsStream("internal/" + type + ".class")) {
                assertThat(in).as(type).isNotNull();
                String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(type).doesNotContain("org/postgresql");
            }
        }
    }

    private static void assertStored(SessionFactory sf, List<Specimen> rows) {
        try (Session s = sf.openSession()) {
            for (Specimen expected : rows) {
                Specimen back = s.find(Specimen.class, expected.id);
                assertThat(back).as("id " + expected.id).isNotNull();
                assertThat(back.text).isEqualTo(expected.text);
                assertThat(back.flag).isEqualTo(expected.flag);
                assertThat(back.count).isEqualTo(expected.count);
                if (expected.amount == null) {
                    assertThat(back.amount).isNull();
                } else {
                    assertThat(back.amount).isEqualByComparingTo(expected.amount);
                }
                assertThat(back.ratio).isEqualTo(expected.ratio);
                assertThat(back.small).isEqualTo(expected.small);
                assertThat(back.token).isEqualTo(expected.token);
                assertThat(back.data).isEqualTo(expected.data);
                assertThat(back.at).isEqualTo(expected.at);
                assertThat(back.day).isEqualTo(expected.day);
                assertThat(back.stamp).isEqualTo(expected.stamp);
                assertThat(back.offsetTime == null ? null : back.offsetTime.toInstant())
                        .isEqualTo(expected.offsetTime == null ? null : expected.offsetTime.toInstant());
                assertThat(back.unitName).isEqualTo(expected.unitName);
                assertThat(back.weekday).isEqualTo(expected.weekday);
            }
        }
    }
}
