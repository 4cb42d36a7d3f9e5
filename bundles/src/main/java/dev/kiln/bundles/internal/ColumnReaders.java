package dev.kiln.bundles.internal;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.collection.ArrayAccess;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodReturn;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;

import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Row readers generated per column layout (the typed read, result-set index and target slot of each column): one
 * straight-line method per layout that reads every column with one typed JDBC call ({@code getString},
 * {@code getLong} + {@code wasNull}, {@code getObject(i, LocalDateTime.class)}, ...) into the row array, as a
 * hand-written JDBC loop would. A loop over the columns dispatching on each column's kind cost measurably more per
 * row (the dispatch, the array reads, and call sites shared by every layout, so the JIT profiled them together).
 * Columns that need Hibernate's extractor or a converter call back into a {@link Fallback}.
 *
 * <p>Classes are generated once per layout (JVM-wide; layouts come from mapped entities, so they are few) and defined
 * in this package, next to the static read helpers they call.
 */
public final class ColumnReaders {
    /** The column needs Hibernate's extractor (and converter): read through the {@link Fallback}. */
    public static final int EXTRACTOR = 0;
    public static final int STRING = 1;
    public static final int LONG = 2;
    public static final int INTEGER = 3;
    public static final int BOOLEAN = 4;
    public static final int LOCAL_DATE_TIME = 5;
    public static final int LOCAL_DATE = 6;
    public static final int BIG_DECIMAL = 7;
    public static final int DOUBLE = 8;
    public static final int SHORT = 9;
    // The same values read with one getObject(i, Type.class) call, whose null is SQL NULL: cheaper than the primitive
    // read + wasNull() on drivers where wasNull() is not a plain field read (H2 checks the result set, statement,
    // connection and session again); the primitive reads are kept elsewhere, where getObject(i, Type.class) does more.
    public static final int LONG_OBJECT = 10;
    public static final int INTEGER_OBJECT = 11;
    public static final int BOOLEAN_OBJECT = 12;
    public static final int DOUBLE_OBJECT = 13;
    public static final int SHORT_OBJECT = 14;

    private static final String[] HELPERS = {null, "string", "longValue", "intValue", "booleanValue", "localDateTime",
            "localDate", "bigDecimal", "doubleValue", "shortValue", "longObject", "intObject", "booleanObject",
            "doubleObject", "shortObject"};

    private static final Map<Layout, Reader> READERS = new ConcurrentHashMap<>();
    private static final AtomicInteger GENERATED = new AtomicInteger();

    private ColumnReaders() {
    }

    /** Reads the columns of kind {@link #EXTRACTOR}. */
    public interface Fallback {
        /** The value of selection {@code column}, at result-set index {@code index}, converted to the attribute value. */
        Object extract(ResultSet rs, int column, int index) throws SQLException;
    }

    /** A generated reader of one column layout. */
    public abstract static class Reader {
        /** Reads the current row of {@code rs} into {@code row}. */
        public abstract void read(ResultSet rs, Object[] row, Fallback fallback) throws SQLException;
    }

    private record Layout(int[] kind, int[] index, int[] slot) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Layout l && Arrays.equals(kind, l.kind) && Arrays.equals(index, l.index)
                    && Arrays.equals(slot, l.slot);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(kind) * 31 + Arrays.hashCode(index)) * 31 + Arrays.hashCode(slot);
        }
    }

    /**
     * The reader for columns where selection {@code s} is read with {@code kind[s]} from result-set index
     * {@code index[s]} into {@code row[slot[s]]}. The arrays are not kept if a reader exists; do not change them after.
     */
    public static Reader forColumns(int[] kind, int[] index, int[] slot) {
        Layout layout = new Layout(kind, index, slot);
        Reader reader = READERS.get(layout);
        return reader != null ? reader : READERS.computeIfAbsent(
                new Layout(kind.clone(), index.clone(), slot.clone()), ColumnReaders::generate);
    }

    /** Reads one column the way the generated code does (for diagnostics after a failed row, and tests). */
    public static Object read(int kind, ResultSet rs, int column, int index, Fallback fallback) throws SQLException {
        return switch (kind) {
            case STRING -> string(rs, index);
            case LONG -> longValue(rs, index);
            case INTEGER -> intValue(rs, index);
            case BOOLEAN -> booleanValue(rs, index);
            case LOCAL_DATE_TIME -> localDateTime(rs, index);
            case LOCAL_DATE -> localDate(rs, index);
            case BIG_DECIMAL -> bigDecimal(rs, index);
            case DOUBLE -> doubleValue(rs, index);
            case SHORT -> shortValue(rs, index);
            case LONG_OBJECT -> longObject(rs, index);
            case INTEGER_OBJECT -> intObject(rs, index);
            case BOOLEAN_OBJECT -> booleanObject(rs, index);
            case DOUBLE_OBJECT -> doubleObject(rs, index);
            case SHORT_OBJECT -> shortObject(rs, index);
            default -> fallback.extract(rs, column, index);
        };
    }

    // The typed reads the generated code calls (small, so the JIT inlines them into each reader).

    static Object string(ResultSet rs, int c) throws SQLException {
        return rs.getString(c);
    }

    static Object longValue(ResultSet rs, int c) throws SQLException {
        long x = rs.getLong(c);
        return x == 0 && rs.wasNull() ? null : x;
    }

    static Object intValue(ResultSet rs, int c) throws SQLException {
        int x = rs.getInt(c);
        return x == 0 && rs.wasNull() ? null : x;
    }

    static Object booleanValue(ResultSet rs, int c) throws SQLException {
        boolean x = rs.getBoolean(c);
        return !x && rs.wasNull() ? null : x;
    }

    static Object localDateTime(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, LocalDateTime.class);
    }

    static Object localDate(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, LocalDate.class);
    }

    static Object bigDecimal(ResultSet rs, int c) throws SQLException {
        return rs.getBigDecimal(c);
    }

    static Object doubleValue(ResultSet rs, int c) throws SQLException {
        double x = rs.getDouble(c);
        return x == 0 && rs.wasNull() ? null : x;
    }

    static Object shortValue(ResultSet rs, int c) throws SQLException {
        short x = rs.getShort(c);
        return x == 0 && rs.wasNull() ? null : x;
    }

    static Object longObject(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, Long.class);
    }

    static Object intObject(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, Integer.class);
    }

    static Object booleanObject(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, Boolean.class);
    }

    static Object doubleObject(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, Double.class);
    }

    static Object shortObject(ResultSet rs, int c) throws SQLException {
        return rs.getObject(c, Short.class);
    }

    /** The {@code getObject(i, Type.class)} kind of a primitive read ({@link #LONG}, ...), or {@code kind} itself. */
    public static int objectRead(int kind) {
        return switch (kind) {
            case LONG -> LONG_OBJECT;
            case INTEGER -> INTEGER_OBJECT;
            case BOOLEAN -> BOOLEAN_OBJECT;
            case DOUBLE -> DOUBLE_OBJECT;
            case SHORT -> SHORT_OBJECT;
            default -> kind;
        };
    }

    private static Reader generate(Layout layout) {
        try {
            Class<? extends Reader> type = new ByteBuddy()
                    .subclass(Reader.class)
                    .name(ColumnReaders.class.getName() + "$Generated" + GENERATED.incrementAndGet())
                    .method(named("read"))
                    .intercept(new ReadBody(layout))
                    .make()
                    .load(ColumnReaders.class.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(MethodHandles.lookup()))
                    .getLoaded();
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generating a row reader for column kinds " + Arrays.toString(layout.kind)
                    + " failed", e);
        }
    }

    /** {@code row[slot[s]] = helper(rs, index[s])} (or {@code fallback.extract(rs, s, index[s])}) per selection. */
    private record ReadBody(Layout layout) implements Implementation {
        @Override
        public InstrumentedType prepare(InstrumentedType instrumentedType) {
            return instrumentedType;
        }

        @Override
        public ByteCodeAppender appender(Target target) {
            return (mv, context, method) -> {
                StackManipulation code = new StackManipulation.Compound(code());
                return new ByteCodeAppender.Size(code.apply(mv, context).getMaximalSize(), method.getStackSize());
            };
        }

        private List<StackManipulation> code() {
            MethodDescription extract = TypeDescription.ForLoadedType.of(Fallback.class).getDeclaredMethods()
                    .filter(named("extract")).getOnly();
            TypeDescription self = TypeDescription.ForLoadedType.of(ColumnReaders.class);
            List<StackManipulation> code = new ArrayList<>();
            for (int s = 0; s < layout.kind.length; s++) {
                code.add(MethodVariableAccess.REFERENCE.loadFrom(2));          // row
                code.add(IntegerConstant.forValue(layout.slot[s]));
                if (layout.kind[s] == EXTRACTOR) {
                    code.add(MethodVariableAccess.REFERENCE.loadFrom(3));      // fallback
                    code.add(MethodVariableAccess.REFERENCE.loadFrom(1));      // rs
                    code.add(IntegerConstant.forValue(s));
                    code.add(IntegerConstant.forValue(layout.index[s]));
                    code.add(MethodInvocation.invoke(extract));
                } else {
                    String helper = HELPERS[layout.kind[s]];
                    MethodDescription m = self.getDeclaredMethods().filter(named(helper)).getOnly();
                    code.add(MethodVariableAccess.REFERENCE.loadFrom(1));      // rs
                    code.add(IntegerConstant.forValue(layout.index[s]));
                    code.add(MethodInvocation.invoke(m));
                }
                code.add(ArrayAccess.REFERENCE.store());
            }
            code.add(MethodReturn.VOID);
            return code;
        }
    }
}
