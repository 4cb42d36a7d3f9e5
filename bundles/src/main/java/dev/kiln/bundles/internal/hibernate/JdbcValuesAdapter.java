package dev.kiln.bundles.internal.hibernate;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.sqm.spi.SqmSelectionQueryImplementor;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.internal.RowProcessingStateStandardImpl;
import org.hibernate.sql.results.jdbc.spi.JdbcValues;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingOptions;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState;
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.hibernate.sql.results.spi.RowReader;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.util.BitSet;
import java.util.List;

/**
 * Runs a Hibernate selection query of basic values and hands each row's JDBC values straight to a sink, skipping
 * Hibernate's result assembly, row transformation and persistence-context bookkeeping: the lowest-overhead path that
 * still keeps everything else of Hibernate's query execution (plan cache, parameter binding and list expansion,
 * soft-delete and other restrictions added at translation, auto-flush, locking, paging, statement logging,
 * statistics and exception conversion).
 *
 * <p>Internals used: {@link SqmSelectionQueryImplementor#executeQuery(ResultsConsumer)} (SPI) and, in the consumer,
 * {@link JdbcValues#getCurrentRowValue(int)} with the value positions read from the
 * {@link DomainResult}s. If a query's results are not one JDBC value per selection (never the case for the queries
 * bundles build), the rows are read through Hibernate's own {@link RowReader} instead. Covered by
 * {@code JdbcValuesAdapterTest}.
 */
public final class JdbcValuesAdapter {
    /** Receives each row; {@code values} is reused between rows, in selection order, converted to attribute values. */
    public interface RowSink {
        void row(Object[] values);
    }

    private JdbcValuesAdapter() {
    }

    /** Executes {@code query} (a query built with {@code Object[]} results) and feeds its rows to {@code sink}. */
    public static void read(SelectionQuery<Object[]> query, BasicValueConverter<?, ?>[] converters, RowSink sink) {
        if (!(query instanceof SqmSelectionQueryImplementor<Object[]> sqm)) {
            throw new IllegalStateException("Hibernate returned a " + query.getClass().getName()
                    + " for a bundle query, not an SqmSelectionQueryImplementor: this Hibernate version is not supported"
                    + " by kiln-bundles.");
        }
        sqm.executeQuery(new Consumer(converters, sink));
    }

    /** True if the query result positions could be read directly (for tests of this adapter). */
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

    private static final class Consumer implements ResultsConsumer<Void, Object[]> {
        private final BasicValueConverter<?, ?>[] converters;
        private final RowSink sink;

        Consumer(BasicValueConverter<?, ?>[] converters, RowSink sink) {
            this.converters = converters;
            this.sink = sink;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Void consume(JdbcValues jdbcValues, SharedSessionContractImplementor session,
                            JdbcValuesSourceProcessingOptions processingOptions,
                            JdbcValuesSourceProcessingState valuesState,
                            RowProcessingStateStandardImpl rowProcessingState, RowReader<Object[]> rowReader) {
            RuntimeException failure = null;
            rowReader.startLoading(rowProcessingState);
            try {
                int n = converters.length;
                int[] positions = positions(jdbcValues.getValuesMapping().getDomainResults(), n);
                Object[] row = new Object[n];
                while (rowProcessingState.next()) {
                    if (positions != null) {
                        for (int i = 0; i < n; i++) {
                            Object v = jdbcValues.getCurrentRowValue(positions[i]);
                            BasicValueConverter c = converters[i];
                            row[i] = c == null ? v : c.toDomainValue(v);
                        }
                    } else {
                        Object read = rowReader.readRow(rowProcessingState);
                        if (read instanceof Object[] values) {
                            System.arraycopy(values, 0, row, 0, n);
                        } else {
                            row[0] = read;
                        }
                    }
                    sink.row(row);
                    rowProcessingState.finishRowProcessing(true);
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
            return null;
        }

        @Override
        public boolean canResultsBeCached() {
            return false;
        }
    }
}
