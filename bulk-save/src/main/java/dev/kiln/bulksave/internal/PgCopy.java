package dev.kiln.bulksave.internal;

import org.hibernate.type.SqlTypes;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL inserts through {@code COPY table (cols) FROM STDIN} (text format) with pgjdbc's {@code CopyManager}.
 *
 * <p>The only class of the module that references pgjdbc (an optional dependency): {@link JdbcWriter} loads it only
 * on PostgreSQL and when pgjdbc is on the class path. Rows are encoded into a reusable buffer and streamed in chunks.
 * Only values whose text form PostgreSQL reads back exactly are copied ({@link #encodable}): strings, integers,
 * decimals, floating point, booleans, enums (ordinal or name), UUIDs, {@code bytea}, {@code LocalDate}, {@code LocalDateTime} and (into
 * {@code timestamptz}) {@code Instant}/{@code OffsetDateTime}; a group holding anything else is inserted with
 * {@code INSERT} statements instead.
 */
final class PgCopy {
    private static final int CHUNK = 32 * 1024;

    private final StringBuilder text = new StringBuilder(CHUNK + 1024);
    /** Replaces unpaired surrogates with '?', as pgjdbc's own {@code String.getBytes(UTF_8)} does for INSERT. */
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK * 3 + 4096);

    /** True if {@code connection} is (or wraps) a pgjdbc connection. */
    static boolean supports(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** True if every value of every row can be copied as text (else the caller uses INSERT statements). */
    static boolean encodable(List<Row> rows, int[] columns, boolean temporalAllowed) {
        EntityPlan plan = rows.get(0).plan;
        int[] codes = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            codes[i] = plan.columns().get(columns[i]).jdbc().getJdbcType().getDefaultSqlTypeCode();
        }
        int idCode = plan.idJdbc().getJdbcType().getDefaultSqlTypeCode();
        for (Row row : rows) {
            if (!encodable(plan.idJdbc().convertToRelationalValue(row.id), idCode, temporalAllowed)) {
                return false;
            }
            for (int i = 0; i < columns.length; i++) {
                if (!encodable(row.values[columns[i]], codes[i], temporalAllowed)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean encodable(Object value, int code, boolean temporalAllowed) {
        if (value == null) {
            return true;
        }
        if (value instanceof Enum<?>) {    // ordinal or name, as Hibernate's enum binding writes it
            return isText(code) || code == SqlTypes.TINYINT || code == SqlTypes.SMALLINT || code == SqlTypes.INTEGER;
        }
        if (value instanceof String) {
            return isText(code);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return code == SqlTypes.TINYINT || code == SqlTypes.SMALLINT || code == SqlTypes.INTEGER
                    || code == SqlTypes.BIGINT || code == SqlTypes.NUMERIC || code == SqlTypes.DECIMAL;
        }
        if (value instanceof Double || value instanceof Float) {
            return code == SqlTypes.DOUBLE || code == SqlTypes.FLOAT || code == SqlTypes.REAL;
        }
        if (value instanceof Boolean) {
            return code == SqlTypes.BOOLEAN || code == SqlTypes.BIT;
        }
        if (value instanceof UUID) {
            return code == SqlTypes.UUID || code == SqlTypes.CHAR || code == SqlTypes.VARCHAR;
        }
        if (value instanceof byte[]) {
            return code == SqlTypes.VARBINARY || code == SqlTypes.BINARY || code == SqlTypes.LONGVARBINARY
                    || code == SqlTypes.LONG32VARBINARY;
        }
        if (!temporalAllowed) {
            return false;
        }
        if (value instanceof LocalDateTime t) {
            return code == SqlTypes.TIMESTAMP && t.getYear() >= 1 && t.getYear() <= 9999;
        }
        if (value instanceof LocalDate d) {
            return code == SqlTypes.DATE && d.getYear() >= 1 && d.getYear() <= 9999;
        }
        if (value instanceof Instant || value instanceof OffsetDateTime) {
            int year = value instanceof Instant i ? OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC).getYear()
                    : ((OffsetDateTime) value).getYear();
            return (code == SqlTypes.TIMESTAMP_UTC || code == SqlTypes.TIMESTAMP_WITH_TIMEZONE) && year >= 1 && year <= 9999;
        }
        return false;
    }

    private static boolean isText(int code) {
        return code == SqlTypes.VARCHAR || code == SqlTypes.CHAR || code == SqlTypes.LONGVARCHAR
                || code == SqlTypes.NVARCHAR || code == SqlTypes.NCHAR || code == SqlTypes.LONGNVARCHAR
                || code == SqlTypes.LONG32VARCHAR || code == SqlTypes.LONG32NVARCHAR;
    }

    /**
     * The text value of a discriminator SQL literal ({@code 'Car'} or {@code 1}), or null if it is not a plain literal.
     */
    static String literal(String sql) {
        if (sql.length() >= 2 && sql.charAt(0) == '\'' && sql.charAt(sql.length() - 1) == '\'') {
            String inner = sql.substring(1, sql.length() - 1);
            return inner.replace("''", "'");
        }
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (!(Character.isDigit(c) || c == '-' || c == '.')) {
                return null;
            }
        }
        return sql;
    }

    /**
     * Copies {@code rows} into {@code table}: key column, discriminator (if {@code discriminator} is not null), then
     * {@code columns}. Returns the number of rows the server reports.
     */
    long copy(Connection connection, String sql, List<Row> rows, int[] columns, String discriminator) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            EntityPlan plan = rows.get(0).plan;
            boolean[] textColumns = new boolean[columns.length];
            for (int i = 0; i < columns.length; i++) {
                textColumns[i] = isText(plan.columns().get(columns[i]).jdbc().getJdbcType().getDefaultSqlTypeCode());
            }
            text.setLength(0);
            for (Row row : rows) {
                value(plan.idJdbc().convertToRelationalValue(row.id), false);
                if (discriminator != null) {
                    text.append('\t');
                    escape(discriminator);
                }
                for (int i = 0; i < columns.length; i++) {
                    text.append('\t');
                    value(row.values[columns[i]], textColumns[i]);
                }
                text.append('\n');
                if (text.length() >= CHUNK) {
                    flush(copy);
                }
            }
            flush(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the COPY failed already; its error is the one reported
                }
            }
        }
    }

    private void value(Object value, boolean textColumn) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Enum<?> e) {
            if (textColumn) {
                escape(e.name());
            } else {
                text.append(e.ordinal());
            }
        } else if (value instanceof String s) {
            escape(s);
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof byte[] b) {
            text.append("\\\\x");
            for (byte x : b) {
                text.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
        } else if (value instanceof LocalDateTime || value instanceof LocalDate || value instanceof Instant
                || value instanceof OffsetDateTime || value instanceof UUID || value instanceof Number) {
            text.append(value); // ISO-8601 / canonical forms, which PostgreSQL reads; no character needs escaping
        } else {
            throw new IllegalStateException("Not encodable for COPY: " + value.getClass().getName());
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped with a backslash. */
    private void escape(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private void flush(CopyIn copy) throws SQLException {
        if (text.length() == 0) {
            return;
        }
        CharBuffer chars = CharBuffer.wrap(text);
        encoder.reset();
        while (true) {
            bytes.clear();
            CoderResult result = encoder.encode(chars, bytes, true);
            if (result.isError()) {
                throw new SQLException("Cannot encode a value as UTF-8 for COPY: " + result);
            }
            copy.writeToCopy(bytes.array(), 0, bytes.position());
            if (result.isUnderflow()) {
                break;
            }
        }
        bytes.clear();
        CoderResult end = encoder.flush(bytes);
        if (bytes.position() > 0) {
            copy.writeToCopy(bytes.array(), 0, bytes.position());
        }
        if (end.isError()) {
            throw new SQLException("Cannot encode a value as UTF-8 for COPY");
        }
        text.setLength(0);
    }
}
