package dev.kiln.bundles.internal.hibernate;

import dev.kiln.bundles.internal.ColumnReaders;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.sqm.spi.SqmSelectionQueryImplementor;
import org.hibernate.sql.ast.spi.SqlSelection;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.internal.RowProcessingStateStandardImpl;
import org.hibernate.sql.results.jdbc.internal.JdbcValuesResultSetImpl;
import org.hibernate.sql.results.jdbc.spi.JdbcValues;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingOptions;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState;
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.hibernate.sql.results.spi.RowReader;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import static dev.kiln.bundles.internal.ColumnReaders.BIG_DECIMAL;
import static dev.kiln.bundles.internal.ColumnReaders.BOOLEAN;
import static dev.kiln.bundles.internal.ColumnReaders.DOUBLE;
import static dev.kiln.bundles.internal.ColumnReaders.EXTRACTOR;
import static dev.kiln.bundles.internal.ColumnReaders.INTEGER;
import static dev.kiln.bundles.internal.ColumnReaders.LOCAL_DATE;
import static dev.kiln.bundles.internal.ColumnReaders.LOCAL_DATE_TIME;
import static dev.kiln.bundles.internal.ColumnReaders.LONG;
import static dev.kiln.bundles.internal.ColumnReaders.SHORT;
import static dev.kiln.bundles.internal.ColumnReaders.STRING;

/**
 * Runs a Hibernate selection query of basic values and hands each row straight to a sink, skipping Hibernate's
 * result assembly, row transformation and persistence-context bookkeeping, while keeping everything else of
 * Hibernate's query execution: plan cache, parameter binding and list expansion, restrictions added at translation
 * (soft-delete criteria), auto-flush, locking, paging, statement logging, statistics and exception conversion.
 *
 * <p>Columns are read from the JDBC {@link ResultSet} itself with a typed read per column ({@code getString},
 * {@code getLong} + {@code wasNull}, {@code getObject(i, LocalDateTime.class)}, ...) for the common types without a
 * converter, by a reader generated per column layout ({@link ColumnReaders}); every other column is read with
 * Hibernate's own {@link ValueExtractor} and converter. Measured on H2
 * (10,000 FixedIps), Hibernate's extraction alone ({@code JdbcValues.getCurrentRowValue}) cost 3 to 5 times the
 * raw JDBC loop, mostly {@code Timestamp} conversions and per-value bookkeeping.
 *
 * <p>Internals used (one adapter): {@link SqmSelectionQueryImplementor#executeQuery(ResultsConsumer)} (SPI), the
 * {@link DomainResult} and {@link SqlSelection} positions, and the private {@code resultSet} field of
 * {@link JdbcValuesResultSetImpl} (read once per query through a {@link VarHandle}). If that field is not there (a
 * Hibernate upgrade) or the results come from elsewhere (the query cache), rows are read through
 * {@link JdbcValues#getCurrentRowValue}, or through Hibernate's {@link RowReader} if the positions are not one value
 * per selection. Covered by {@code JdbcValuesAdapterTest}.
 */
public final class JdbcValuesAdapter {
    /**
     * Receives each row. Before each row the reader asks for the array to fill ({@link #target()}); it writes the value
     * of selection {@code s} at index {@code slots[s]} (or {@code s} without slots), converted to the attribute value,
     * then calls {@link #row}.
     */
    public interface RowSink {
        /** The array the next row is written into: a fresh one the sink keeps, or a reused buffer. */
        default Object[] target() {
            throw new UnsupportedOperationException();
        }

        void row(Object[] values);
    }

    /**
     * A sink whose rows hold groups of selections (an entity fetched in the same query) that it may already have: for
     * each row and group (other than group 0, always read) the reader first reads the group's key selection and reads
     * the group's other selections only if {@link #wants} says so; otherwise their slots hold older values, which the
     * sink must ignore. Honoured where rows are read straight from the {@code ResultSet}; other paths read everything.
     */
    public interface GroupedRowSink extends RowSink {
        /** Per selection: its group. */
        int[] groups();

        /** Per group: the selection of its key (unused for group 0). */
        int[] keys();

        /** Whether this row's other selections of {@code group} are needed, given its non-null {@code key}. */
        boolean wants(int group, Object key);
    }

    /** How a row was read, for tests. */
    public enum Path { RESULT_SET, JDBC_VALUES, ROW_READER }

    private static final VarHandle RESULT_SET = resultSetField();

    private JdbcValuesAdapter() {
    }

    /**
     * Executes {@code query} (a query built with {@code Object[]} results) and feeds its rows to {@code sink}.
     *
     * @return how the rows were read
     */
    public static Path read(SelectionQuery<Object[]> query, BasicValueConverter<?, ?>[] converters, RowSink sink) {
        return read(query, converters, null, sink, Path.RESULT_SET);
    }

    /**
     * Like {@link #read(SelectionQuery, BasicValueConverter[], RowSink)}, writing each row straight into the array
     * {@link RowSink#target()} returns, selection {@code s} at {@code slots[s]}.
     */
    public static Path read(SelectionQuery<Object[]> query, BasicValueConverter<?, ?>[] converters, int[] slots,
                            RowSink sink) {
        return read(query, converters, slots, sink, Path.RESULT_SET);
    }

    /** {@link #read(SelectionQuery, BasicValueConverter[], RowSink)} using at best {@code best} (tests force fallbacks). */
    static Path read(SelectionQuery<Object[]> query, BasicValueConverter<?, ?>[] converters, RowSink sink, Path best) {
        return read(query, converters, null, sink, best);
    }

    static Path read(SelectionQuery<Object[]> query, BasicValueConverter<?, ?>[] converters, int[] slots, RowSink sink,
                     Path best) {
        if (!(query instanceof SqmSelectionQueryImplementor<Object[]> sqm)) {
            throw new IllegalStateException("Hibernate returned a " + query.getClass().getName()
                    + " for a bundle query, not an SqmSelectionQueryImplementor: this Hibernate version is not supported"
                    + " by kiln-bundles.");
        }
        return sqm.executeQuery(new Consumer(converters, slots, sink, best));
    }

    private static VarHandle resultSetField() {
        try {
            return MethodHandles.privateLookupIn(JdbcValuesResultSetImpl.class, MethodHandles.lookup())
                    .findVarHandle(JdbcValuesResultSetImpl.class, "resultSet", ResultSet.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static int[] positions(List<DomainResult<?>> results, int selections) {
        if (results.size() != selections) {
            return null;
        }
        int[] positions = new int[selections];
        BitSet bits = new BitSet();
        for (int i = 0; i < selections; i++) {
            bits.clear();
            results.get(i).collectValueIndexesToCache(bits);
            if (bits.cardinality() != 1) {
                return null;
            }
            positions[i] = bits.nextSetBit(0);
        }
        return positions;
    }

    /** The typed read for a column, or {@link ColumnReaders#EXTRACTOR} to use Hibernate's extractor (and converter). */
    static int kindOf(JdbcMapping mapping, SharedSessionContractImplementor session) {
        if (mapping.getValueConverter() != null) {
            return EXTRACTOR;
        }
        Class<?> type = mapping.getJavaTypeDescriptor().getJavaTypeClass();
        int sqlType = mapping.getJdbcType().getDefaultSqlTypeCode();
        boolean textual = sqlType == SqlTypes.VARCHAR || sqlType == SqlTypes.CHAR || sqlType == SqlTypes.LONGVARCHAR
                || sqlType == SqlTypes.LONG32VARCHAR || sqlType == SqlTypes.NVARCHAR || sqlType == SqlTypes.LONGNVARCHAR;
        if (type == String.class) {
            return textual ? STRING : EXTRACTOR;
        }
        if (type == Long.class) {
            return sqlType == SqlTypes.BIGINT || sqlType == SqlTypes.INTEGER ? LONG : EXTRACTOR;
        }
        if (type == Integer.class) {
            return sqlType == SqlTypes.INTEGER || sqlType == SqlTypes.SMALLINT || sqlType == SqlTypes.TINYINT ? INTEGER : EXTRACTOR;
        }
        if (type == Short.class) {
            return sqlType == SqlTypes.SMALLINT || sqlType == SqlTypes.TINYINT ? SHORT : EXTRACTOR;
        }
        if (type == Boolean.class) {
            return sqlType == SqlTypes.BOOLEAN || sqlType == SqlTypes.BIT || sqlType == SqlTypes.TINYINT ? BOOLEAN : EXTRACTOR;
        }
        if (type == Double.class) {
            return sqlType == SqlTypes.DOUBLE || sqlType == SqlTypes.FLOAT ? DOUBLE : EXTRACTOR;
        }
        if (type == BigDecimal.class) {
            return sqlType == SqlTypes.NUMERIC || sqlType == SqlTypes.DECIMAL ? BIG_DECIMAL : EXTRACTOR;
        }
        // Temporal values: only when Hibernate itself reads them without a JDBC time zone (it would pass a Calendar).
        boolean zoneless = session.getFactory().getSessionFactoryOptions().getJdbcTimeZone() == null;
        if (type == LocalDateTime.class) {
            return zoneless && sqlType == SqlTypes.TIMESTAMP ? LOCAL_DATE_TIME : EXTRACTOR;
        }
        if (type == LocalDate.class) {
            return zoneless && sqlType == SqlTypes.DATE ? LOCAL_DATE : EXTRACTOR;
        }
        return EXTRACTOR;
    }

    /** Hibernate's extractor and converter, for the columns without a typed read. */
    private static final class Extraction implements ColumnReaders.Fallback {
        final ValueExtractor<?>[] extractors;
        final BasicValueConverter<?, ?>[] converters;
        final SharedSessionContractImplementor session;

        Extraction(ValueExtractor<?>[] extractors, BasicValueConverter<?, ?>[] converters,
                   SharedSessionContractImplementor session) {
            this.extractors = extractors;
            this.converters = converters;
            this.session = session;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object extract(ResultSet rs, int column, int index) throws SQLException {
            Object v = extractors[column].extract(rs, index, session);
            BasicValueConverter converter = converters[column];
            return converter == null ? v : converter.toDomainValue(v);
        }
    }

    private static final class Consumer implements ResultsConsumer<Path, Object[]> {
        private final BasicValueConverter<?, ?>[] converters;
        private final int[] slots;
        private final RowSink sink;
        private final Path best;

        Consumer(BasicValueConverter<?, ?>[] converters, int[] slots, RowSink sink, Path best) {
            this.converters = converters;
            this.slots = slots;
            this.sink = sink;
            this.best = best;
        }

        private Object[] target(Object[] buffer) {
            return slots == null ? buffer : sink.target();
        }

        private int slot(int selection) {
            return slots == null ? selection : slots[selection];
        }

        @Override
        public Path consume(JdbcValues jdbcValues, SharedSessionContractImplementor session,
                            JdbcValuesSourceProcessingOptions processingOptions,
                            JdbcValuesSourceProcessingState valuesState,
                            RowProcessingStateStandardImpl rowProcessingState, RowReader<Object[]> rowReader) {
            RuntimeException failure = null;
            Path path = null;
            rowReader.startLoading(rowProcessingState);
            try {
                int n = converters.length;
                int[] positions = best == Path.ROW_READER ? null
                        : positions(jdbcValues.getValuesMapping().getDomainResults(), n);
                ResultSet rs = best == Path.RESULT_SET && RESULT_SET != null && jdbcValues instanceof JdbcValuesResultSetImpl
                        ? (ResultSet) RESULT_SET.get(jdbcValues) : null;
                if (positions != null && rs != null) {
                    path = Path.RESULT_SET;
                    readResultSet(rs, positions, jdbcValues, session, rowProcessingState);
                } else if (positions != null) {
                    path = Path.JDBC_VALUES;
                    readJdbcValues(positions, jdbcValues, rowProcessingState);
                } else {
                    path = Path.ROW_READER;
                    readRows(rowReader, rowProcessingState);
                }
                rowReader.finishUp(rowProcessingState);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                try {
                    jdbcValues.finishUp(session);
                } catch (RuntimeException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    } else {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return path;
        }

        private void readResultSet(ResultSet rs, int[] positions, JdbcValues jdbcValues,
                                   SharedSessionContractImplementor session, RowProcessingStateStandardImpl state) {
            int n = positions.length;
            SqlSelection[] byPosition = new SqlSelection[jdbcValues.getValuesMapping().getRowSize()];
            for (SqlSelection s : jdbcValues.getValuesMapping().getSqlSelections()) {
                byPosition[s.getValuesArrayPosition()] = s;
            }
            // H2 (embedded) answers getObject(i, Long.class) as cheaply as getLong(i), but wasNull() costs a call
            // as long again: read nullable numbers and booleans in one call there.
            boolean h2 = session.getJdbcServices().getDialect() instanceof H2Dialect;
            int[] index = new int[n];
            int[] kind = new int[n];
            int[] slot = new int[n];
            ValueExtractor<?>[] extractors = new ValueExtractor<?>[n];
            for (int i = 0; i < n; i++) {
                SqlSelection s = byPosition[positions[i]];
                index[i] = s.getJdbcResultSetIndex();
                extractors[i] = s.getJdbcValueExtractor();
                kind[i] = converters[i] != null ? EXTRACTOR
                        : kindOf(s.getExpressionType().getSingleJdbcMapping(), session);
                if (h2) {
                    kind[i] = ColumnReaders.objectRead(kind[i]);
                }
                slot[i] = slot(i);
            }
            Extraction extraction = new Extraction(extractors, converters, session);
            Object[] buffer = new Object[n];
            try {
                // The ResultSet is advanced directly: JdbcValues would only clear its per-row cache of values, which
                // this path never fills, and it keeps no query-cache rows (canResultsBeCached() is false).
                if (slots == null && sink instanceof GroupedRowSink grouped && groupedReadable(grouped, n)) {
                    readGrouped(rs, grouped, kind, index, buffer, extraction, extractors, session);
                    return;
                }
                ColumnReaders.Reader reader = ColumnReaders.forColumns(kind, index, slot);
                while (rs.next()) {
                    Object[] row = target(buffer);
                    reader.read(rs, row, extraction);
                    sink.row(row);
                }
            } catch (SQLException e) {
                throw session.getJdbcServices().getSqlExceptionHelper()
                        .convert(e, "Could not read column [" + failingColumn(rs, kind, index, extraction)
                                + "] of a bundle query");
            }
        }

        /** True if every group after the first has a key selection of its own. */
        private static boolean groupedReadable(GroupedRowSink grouped, int selections) {
            int[] keys = grouped.keys();
            int[] groups = grouped.groups();
            if (keys.length < 2 || groups.length != selections) {
                return false;
            }
            for (int g = 1; g < keys.length; g++) {
                if (keys[g] < 0 || keys[g] >= selections || groups[keys[g]] != g) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Rows of a {@link GroupedRowSink}: group 0 whole, then per other group its key and, only if the sink wants
         * them, its other columns (a fetched entity seen in an earlier row is not decoded again).
         */
        private void readGrouped(ResultSet rs, GroupedRowSink grouped, int[] kind, int[] index, Object[] buffer,
                                 Extraction extraction, ValueExtractor<?>[] extractors,
                                 SharedSessionContractImplementor session) throws SQLException {
            int[] groups = grouped.groups();
            int[] keys = grouped.keys();
            int groupCount = keys.length;
            ColumnReaders.Reader[] readers = new ColumnReaders.Reader[groupCount];
            // a generated reader hands its own column positions to the fallback: each group gets its own extraction
            Extraction[] extractions = new Extraction[groupCount];
            int n = kind.length;
            int[] k = new int[n];
            int[] x = new int[n];
            int[] sl = new int[n];
            ValueExtractor<?>[] ex = new ValueExtractor<?>[n];
            BasicValueConverter<?, ?>[] cv = new BasicValueConverter<?, ?>[n];
            for (int g = 0; g < groupCount; g++) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (groups[i] == g && (g == 0 || i != keys[g])) {     // a group's key is read on its own
                        k[count] = kind[i];
                        x[count] = index[i];
                        ex[count] = extractors[i];
                        cv[count] = converters[i];
                        sl[count++] = i;
                    }
                }
                readers[g] = count == 0 ? null : ColumnReaders.forColumns(Arrays.copyOf(k, count),
                        Arrays.copyOf(x, count), Arrays.copyOf(sl, count));
                extractions[g] = new Extraction(Arrays.copyOf(ex, count), Arrays.copyOf(cv, count), session);
            }
            while (rs.next()) {
                if (readers[0] != null) {
                    readers[0].read(rs, buffer, extractions[0]);
                }
                for (int g = 1; g < groupCount; g++) {
                    int key = keys[g];
                    Object id = ColumnReaders.read(kind[key], rs, key, index[key], extraction);
                    buffer[key] = id;
                    if (id != null && readers[g] != null && grouped.wants(g, id)) {
                        readers[g].read(rs, buffer, extractions[g]);
                    }
                }
                sink.row(buffer);
            }
        }

        /** The result-set index of the first column of the current row that fails to read again, or "?" if none. */
        private static String failingColumn(ResultSet rs, int[] kind, int[] index, Extraction extraction) {
            for (int i = 0; i < kind.length; i++) {
                try {
                    ColumnReaders.read(kind[i], rs, i, index[i], extraction);
                } catch (SQLException | RuntimeException e) {
                    return Integer.toString(index[i]);
                }
            }
            return "?";
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void readJdbcValues(int[] positions, JdbcValues jdbcValues, RowProcessingStateStandardImpl state) {
            int n = positions.length;
            Object[] buffer = new Object[n];
            while (state.next()) {
                Object[] row = target(buffer);
                for (int i = 0; i < n; i++) {
                    Object v = jdbcValues.getCurrentRowValue(positions[i]);
                    BasicValueConverter c = converters[i];
                    row[slot(i)] = c == null ? v : c.toDomainValue(v);
                }
                sink.row(row);
                state.finishRowProcessing(true);
            }
        }

        private void readRows(RowReader<Object[]> rowReader, RowProcessingStateStandardImpl state) {
            int n = converters.length;
            Object[] buffer = new Object[n];
            while (state.next()) {
                Object[] row = target(buffer);
                Object read = rowReader.readRow(state);
                for (int i = 0; i < n; i++) {
                    row[slot(i)] = read instanceof Object[] values ? values[i] : read;
                }
                sink.row(row);
                state.finishRowProcessing(true);
            }
        }

        @Override
        public boolean canResultsBeCached() {
            return false;
        }
    }
}
