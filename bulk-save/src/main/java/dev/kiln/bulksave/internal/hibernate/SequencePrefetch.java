package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.EntityPlan;
import dev.kiln.bulksave.internal.SqlFlavor;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGeneratorHelper;
import org.hibernate.id.IntegralDataTypeHolder;
import org.hibernate.id.enhanced.AccessCallback;
import org.hibernate.id.enhanced.SequenceStructure;
import org.hibernate.id.enhanced.SequenceStyleGenerator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;

/**
 * Adapter over Hibernate's {@code SequenceStyleGenerator}, its {@code Optimizer} and {@code AccessCallback}: ids for
 * many new rows with one round trip for all the sequence values they need, instead of one per allocation block.
 *
 * <p>The entity's own optimizer still turns sequence values into ids (so pooled / pooled-lo / hilo semantics and the
 * optimizer state shared with the SessionFactory's sessions are exactly Hibernate's); only the values it asks for are
 * fetched ahead, {@code ceil(rows / increment) + 1} of them in one statement. Values fetched but not needed are gaps in
 * the sequence, as after a rollback.
 */
public final class SequencePrefetch {
    private SequencePrefetch() {
    }

    /** Generates ids for one row at a time. */
    @FunctionalInterface
    public interface IdSource {
        Object next(Object entity);
    }

    /**
     * An id source for {@code rows} new rows of {@code plan}: prefetching when the id comes from a physical sequence on
     * a database that can return many sequence values in one query, else the generator row by row.
     */
    public static IdSource forRows(EntityPlan plan, SharedSessionContractImplementor session, SqlFlavor flavor, int rows) {
        if (rows > 1 && plan.idGenerator() instanceof SequenceStyleGenerator generator
                && generator.getDatabaseStructure() instanceof SequenceStructure sequence
                && sequence.isPhysicalSequence()) {
            Dialect dialect = session.getJdbcServices().getDialect();
            String name = session.getJdbcServices().getJdbcEnvironment().getQualifiedObjectNameFormatter()
                    .format(sequence.getPhysicalName(), dialect);
            String sql = manyValuesSql(flavor, name);
            if (sql != null) {
                Prefetching callback = new Prefetching(session, sql, sequence.getIncrementSize(), rows,
                        plan.persister().getIdentifierMapping().getJavaType().getJavaTypeClass());
                return entity -> {
                    callback.rowsLeft--;
                    return generator.getOptimizer().generate(callback);
                };
            }
        }
        return entity -> ValueGenerators.newId(plan, entity, session);
    }

    /**
     * A query returning {@code ?} next values (on MariaDB {@code {n}}, replaced by the count: its sequence-engine
     * tables carry the count in their name), or null.
     */
    static String manyValuesSql(SqlFlavor flavor, String sequence) {
        return switch (flavor) {
            case MYSQL -> "select nextval(" + sequence + ") from seq_1_to_{n}";
            case POSTGRESQL -> "select nextval('" + sequence + "') from generate_series(1, ?)";
            case H2 -> "select next value for " + sequence + " from system_range(1, ?)";
            default -> null;
        };
    }

    private static final class Prefetching implements AccessCallback {
        private final SharedSessionContractImplementor session;
        private final String sql;
        private final int increment;
        private final Class<?> idType;
        private final ArrayDeque<Long> values = new ArrayDeque<>();
        int rowsLeft;

        Prefetching(SharedSessionContractImplementor session, String sql, int increment, int rows, Class<?> idType) {
            this.session = session;
            this.sql = sql;
            this.increment = Math.max(1, increment);
            this.rowsLeft = rows;
            this.idType = idType;
        }

        @Override
        public IntegralDataTypeHolder getNextValue() {
            if (values.isEmpty()) {
                fetch(Math.max(1, (rowsLeft + increment - 1) / increment + 1));
            }
            return IdentifierGeneratorHelper.getIntegralDataTypeHolder(idType).initialize(values.poll());
        }

        private void fetch(int count) {
            boolean inName = sql.contains("{n}");
            session.doWork(connection -> {
                try (PreparedStatement ps = connection.prepareStatement(inName ? sql.replace("{n}", Integer.toString(count)) : sql)) {
                    if (!inName) {
                        ps.setInt(1, count);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            values.add(rs.getLong(1));
                        }
                    }
                }
            });
            if (values.size() != count) {
                throw new IllegalStateException("Asked " + sql + " for " + count + " values, got " + values.size());
            }
        }

        @Override
        public String getTenantIdentifier() {
            return session.getTenantIdentifier();
        }
    }
}
