package dev.kiln.retry.replay.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;

/**
 * The parameters of a prepared statement, kept by the replaying statement and bound to the driver's statement when it
 * executes (so that the same values can be bound again on a new connection). Primitives are stored unboxed; a
 * {@code switch} on the kind binds them, no reflection. Copy-on-write: once {@link #share() shared} with the
 * transaction log, the next change works on a copy, so a statement executed once and closed (what Hibernate does)
 * never copies.
 */
final class Params {
    static final byte UNSET = 0;
    static final byte NULL = 1;
    static final byte NULL_NAMED = 2;
    static final byte BOOLEAN = 3;
    static final byte BYTE = 4;
    static final byte SHORT = 5;
    static final byte INT = 6;
    static final byte LONG = 7;
    static final byte FLOAT = 8;
    static final byte DOUBLE = 9;
    static final byte BIG_DECIMAL = 10;
    static final byte STRING = 11;
    static final byte NSTRING = 12;
    static final byte BYTES = 13;
    static final byte DATE = 14;
    static final byte TIME = 15;
    static final byte TIMESTAMP = 16;
    static final byte DATE_CAL = 17;
    static final byte TIME_CAL = 18;
    static final byte TIMESTAMP_CAL = 19;
    static final byte OBJECT = 20;
    static final byte OBJECT_TYPE = 21;
    static final byte OBJECT_TYPE_SCALE = 22;
    static final byte OBJECT_SQLTYPE = 23;
    static final byte OBJECT_SQLTYPE_SCALE = 24;
    static final byte URL = 25;
    /** Bound directly on the driver's statement (streams, LOBs, arrays): cannot be bound again, so not replayable. */
    static final byte DIRECT = 26;

    private byte[] kinds;
    private long[] prims;
    private Object[] objs;
    private int[] ints;
    private Object[] extras;
    private int max;
    private boolean shared;

    Params() {
        this(16); // Hibernate's statements rarely bind more; growing copies the arrays
    }

    private Params(int capacity) {
        kinds = new byte[capacity + 1];
        prims = new long[capacity + 1];
        objs = new Object[capacity + 1];
    }

    /** Hands this instance to the log; the statement must call {@link #writable()} before the next change. */
    Params share() {
        shared = true;
        return this;
    }

    /** This instance, or a private copy if it was shared. */
    Params writable() {
        return shared ? copy() : this;
    }

    Params copy() {
        Params p = new Params(0);
        p.kinds = Arrays.copyOf(kinds, kinds.length);
        p.prims = Arrays.copyOf(prims, prims.length);
        p.objs = Arrays.copyOf(objs, objs.length);
        p.ints = ints == null ? null : Arrays.copyOf(ints, ints.length);
        p.extras = extras == null ? null : Arrays.copyOf(extras, extras.length);
        p.max = max;
        return p;
    }

    boolean hasDirect() {
        for (int i = 1; i <= max; i++) {
            if (kinds[i] == DIRECT) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        Arrays.fill(kinds, UNSET);
        Arrays.fill(objs, null);
        if (extras != null) {
            Arrays.fill(extras, null);
        }
        max = 0;
    }

    void prim(int i, byte kind, long value) {
        slot(i);
        kinds[i] = kind;
        prims[i] = value;
        objs[i] = null;
    }

    void obj(int i, byte kind, Object value) {
        slot(i);
        kinds[i] = kind;
        objs[i] = value;
    }

    void full(int i, byte kind, Object value, int n, Object extra) {
        slot(i);
        if (ints == null) {
            ints = new int[kinds.length];
            extras = new Object[kinds.length];
        }
        kinds[i] = kind;
        objs[i] = value;
        ints[i] = n;
        extras[i] = extra;
    }

    private void slot(int i) {
        if (i < 1) {
            return; // the driver reports the bad index when binding
        }
        if (i >= kinds.length) {
            int n = Math.max(i + 1, kinds.length * 2);
            kinds = Arrays.copyOf(kinds, n);
            prims = Arrays.copyOf(prims, n);
            objs = Arrays.copyOf(objs, n);
            if (ints != null) {
                ints = Arrays.copyOf(ints, n);
                extras = Arrays.copyOf(extras, n);
            }
        }
        if (ints != null && ints.length < kinds.length) {
            ints = Arrays.copyOf(ints, kinds.length);
            extras = Arrays.copyOf(extras, kinds.length);
        }
        if (i > max) {
            max = i;
        }
    }

    /** Binds every recorded parameter to {@code ps} (DIRECT ones were bound when set). */
    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 1; i <= max; i++) {
            Object o = objs[i];
            long v = prims[i];
            switch (kinds[i]) {
                case NULL -> ps.setNull(i, ints[i]);
                case NULL_NAMED -> ps.setNull(i, ints[i], (String) extras[i]);
                case BOOLEAN -> ps.setBoolean(i, v != 0);
                case BYTE -> ps.setByte(i, (byte) v);
                case SHORT -> ps.setShort(i, (short) v);
                case INT -> ps.setInt(i, (int) v);
                case LONG -> ps.setLong(i, v);
                case FLOAT -> ps.setFloat(i, Float.intBitsToFloat((int) v));
                case DOUBLE -> ps.setDouble(i, Double.longBitsToDouble(v));
                case BIG_DECIMAL -> ps.setBigDecimal(i, (BigDecimal) o);
                case STRING -> ps.setString(i, (String) o);
                case NSTRING -> ps.setNString(i, (String) o);
                case BYTES -> ps.setBytes(i, (byte[]) o);
                case DATE -> ps.setDate(i, (Date) o);
                case TIME -> ps.setTime(i, (Time) o);
                case TIMESTAMP -> ps.setTimestamp(i, (Timestamp) o);
                case DATE_CAL -> ps.setDate(i, (Date) o, (Calendar) extras[i]);
                case TIME_CAL -> ps.setTime(i, (Time) o, (Calendar) extras[i]);
                case TIMESTAMP_CAL -> ps.setTimestamp(i, (Timestamp) o, (Calendar) extras[i]);
                case OBJECT -> ps.setObject(i, o);
                case OBJECT_TYPE -> ps.setObject(i, o, ints[i]);
                case OBJECT_TYPE_SCALE -> ps.setObject(i, o, ints[i], (Integer) extras[i]);
                case OBJECT_SQLTYPE -> ps.setObject(i, o, (SQLType) extras[i]);
                case OBJECT_SQLTYPE_SCALE -> ps.setObject(i, o, (SQLType) ((Object[]) extras[i])[0],
                        (Integer) ((Object[]) extras[i])[1]);
                case URL -> ps.setURL(i, (java.net.URL) o);
                default -> {
                    // UNSET: the driver reports a missing parameter; DIRECT: already bound
                }
            }
        }
    }

    /** An estimate of the memory the values take, for {@code ReplayConfig.maxBytes}. */
    long bytes() {
        long n = 16L + max * 12L;
        for (int i = 1; i <= max; i++) {
            Object o = objs[i];
            if (o instanceof String s) {
                n += 2L * s.length();
            } else if (o instanceof byte[] b) {
                n += b.length;
            } else if (o != null) {
                n += 16;
            }
        }
        return n;
    }
}
