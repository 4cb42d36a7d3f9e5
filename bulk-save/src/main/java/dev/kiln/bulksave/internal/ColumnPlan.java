package dev.kiln.bulksave.internal;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One mapped column of an entity: where it lives, how its JDBC value is read from the entity and how it is bound.
 *
 * @param table      index of the owning table in {@link EntityPlan#tables()}
 * @param name       the column as Hibernate renders it (quoted if Hibernate quotes it)
 * @param jdbc       Hibernate's JDBC mapping of the column (type, converter, binder)
 * @param nullable   whether the column accepts NULL
 * @param insertable whether Hibernate would write it on INSERT
 * @param updatable  whether Hibernate would write it on UPDATE
 * @param attribute  index of the top-level attribute in {@link EntityPlan#attributes()} this column belongs to
 * @param path       the attribute path, such as {@code "address"} or {@code "location.city"}, for error messages
 * @param reader     reads the column's relational value from an entity
 */
public record ColumnPlan(int table, String name, JdbcMapping jdbc, boolean nullable, boolean insertable,
                         boolean updatable, int attribute, String path, ValueReader reader) {

    /** Reads one relational (JDBC-level, converter applied) value from an entity. */
    @FunctionalInterface
    public interface ValueReader {
        Object read(Object entity, SharedSessionContractImplementor session);
    }

    /** Binds a value previously produced by {@link #reader}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void bind(PreparedStatement statement, int index, Object value, SharedSessionContractImplementor session)
            throws SQLException {
        ((org.hibernate.type.descriptor.ValueBinder) jdbc.getJdbcValueBinder()).bind(statement, value, index, session);
    }
}
