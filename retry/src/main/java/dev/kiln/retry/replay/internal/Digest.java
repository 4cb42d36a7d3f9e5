package dev.kiln.retry.replay.internal;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * 64-bit digests of result rows: every column of the row, read with {@code getObject}, hashed by value (FNV-1a over
 * characters and bytes, exact bits of numbers and instants) and mixed with a strong finalizer. Two rows that differ in
 * any value give different digests except with probability about 2^-64; unlike {@code hashCode()} there are no
 * structural collisions ({@code "Aa"} and {@code "BB"} differ).
 */
final class Digest {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long NULL = 0x5bd1e9955bd1e995L;

    private Digest() {
    }

    /** The digest of the current row of {@code rs}, which has {@code columns} columns. */
    static long row(ResultSet rs, int columns) throws SQLException {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 1; i <= columns; i++) {
            h = mix(h * 0xff51afd7ed558ccdL + value(rs.getObject(i)) + i);
        }
        return h;
    }

    static long value(Object v) throws SQLException {
        if (v == null) {
            return NULL;
        }
        if (v instanceof String s) {
            return chars(s, 1);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return mix(((Number) v).longValue() ^ 2);
        }
        if (v instanceof Boolean b) {
            return b ? 3 : 4;
        }
        if (v instanceof Double d) {
            return mix(Double.doubleToLongBits(d) ^ 5);
        }
        if (v instanceof Float f) {
            return mix(Float.floatToIntBits(f) ^ 6L);
        }
        if (v instanceof BigDecimal d) {
            return mix(chars(d.unscaledValue().toString(), 7) + d.scale());
        }
        if (v instanceof byte[] bytes) {
            return bytes(bytes, 8);
        }
        if (v instanceof Timestamp t) {
            return mix(mix(t.getTime() ^ 9) + t.getNanos());
        }
        if (v instanceof java.util.Date d) {
            return mix(d.getTime() ^ 10);
        }
        if (v instanceof LocalDateTime t) {
            return mix(mix(t.toEpochSecond(ZoneOffset.UTC) ^ 11) + t.getNano());
        }
        if (v instanceof LocalDate d) {
            return mix(d.toEpochDay() ^ 12);
        }
        if (v instanceof LocalTime t) {
            return mix(t.toNanoOfDay() ^ 13);
        }
        if (v instanceof OffsetDateTime t) {
            return mix(mix(t.toEpochSecond() ^ 14) + t.getNano() + t.getOffset().getTotalSeconds());
        }
        if (v instanceof Instant t) {
            return mix(mix(t.getEpochSecond() ^ 15) + t.getNano());
        }
        if (v instanceof UUID u) {
            return mix(mix(u.getMostSignificantBits() ^ 16) + u.getLeastSignificantBits());
        }
        if (v instanceof Blob b) {
            long n = b.length();
            return bytes(b.getBytes(1, (int) Math.min(n, Integer.MAX_VALUE)), 17);
        }
        if (v instanceof Clob c) {
            long n = c.length();
            return chars(c.getSubString(1, (int) Math.min(n, Integer.MAX_VALUE)), 18);
        }
        if (v instanceof Object[] array) {
            long h = 19;
            for (Object o : array) {
                h = mix(h * 31 + value(o));
            }
            return h;
        }
        if (v instanceof java.sql.Array array) {
            return value(array.getArray());
        }
        return chars(v.getClass().getName(), 20) ^ chars(v.toString(), 21);
    }

    private static long chars(String s, long tag) {
        long h = FNV_OFFSET ^ tag;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return mix(h + s.length());
    }

    private static long bytes(byte[] b, long tag) {
        long h = FNV_OFFSET ^ tag;
        for (byte x : b) {
            h = (h ^ (x & 0xff)) * FNV_PRIME;
        }
        return mix(h + b.length);
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
