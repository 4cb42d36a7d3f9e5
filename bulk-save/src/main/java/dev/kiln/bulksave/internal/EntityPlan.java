package dev.kiln.bulksave.internal;

import dev.kiln.bulksave.internal.access.PropertyAccessor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.metamodel.mapping.EntityVersionMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.List;

/**
 * Everything bulk operations need to write one entity class, derived once from Hibernate's runtime metamodel (see
 * {@link dev.kiln.bulksave.internal.hibernate.EntityPlans}) and cached per SessionFactory.
 *
 * @param entityName       Hibernate's entity name (for messages)
 * @param persister        Hibernate's persister (used only through the adapters)
 * @param idName           the id attribute name
 * @param idAccessor       accessor of the id attribute
 * @param idJdbc           JDBC mapping of the id column
 * @param idStrategy       how new rows get their id
 * @param idGenerator      Hibernate's generator for {@link IdStrategy#BEFORE_INSERT}, else null
 * @param versionAttribute index into {@link #attributes()} of the {@code @Version} attribute, or -1
 * @param versionMapping   Hibernate's version mapping, or null
 * @param attributes       top-level attributes in state-array order
 * @param columns          all written columns
 * @param tables           tables, root first
 * @param updateColumns    which columns an UPDATE writes, per dirty attribute (derived from the above)
 */
public record EntityPlan(String entityName, EntityPersister persister, String idName, PropertyAccessor idAccessor,
                         JdbcMapping idJdbc, IdStrategy idStrategy, BeforeExecutionGenerator idGenerator,
                         int versionAttribute, EntityVersionMapping versionMapping, List<AttributePlan> attributes,
                         List<ColumnPlan> columns, List<TablePlan> tables, UpdateColumns updateColumns) {

    /** A plan whose {@link #updateColumns()} are derived from its attributes and columns. */
    public EntityPlan(String entityName, EntityPersister persister, String idName, PropertyAccessor idAccessor,
                      JdbcMapping idJdbc, IdStrategy idStrategy, BeforeExecutionGenerator idGenerator,
                      int versionAttribute, EntityVersionMapping versionMapping, List<AttributePlan> attributes,
                      List<ColumnPlan> columns, List<TablePlan> tables) {
        this(entityName, persister, idName, idAccessor, idJdbc, idStrategy, idGenerator, versionAttribute,
                versionMapping, attributes, columns, tables, new UpdateColumns(attributes, columns, versionAttribute));
    }

    public boolean versioned() {
        return versionAttribute >= 0;
    }

    /** The version column, or null. */
    public ColumnPlan versionColumn() {
        return versioned() ? columns.get(attributes.get(versionAttribute).columns()[0]) : null;
    }

    public TablePlan rootTable() {
        return tables.get(0);
    }
}
