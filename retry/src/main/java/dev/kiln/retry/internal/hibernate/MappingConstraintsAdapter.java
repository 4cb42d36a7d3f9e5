package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.ConstraintCatalog;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ConstraintCatalog} from Hibernate's boot mapping model ({@code org.hibernate.mapping}): every
 * physical table with its columns, primary key, unique keys (declared and generated, e.g. {@code UK...} for
 * {@code @Column(unique = true)}), unique indexes, foreign keys that are created, and named checks. Runs once per
 * SessionFactory; the error path then only does hash lookups.
 */
public final class MappingConstraintsAdapter {
    private MappingConstraintsAdapter() {
    }

    public static ConstraintCatalog catalogOf(Metadata metadata) {
        ConstraintCatalog.Builder catalog = ConstraintCatalog.builder();
        for (Table table : metadata.collectTableMappings()) {
            if (!table.isPhysicalTable()) {
                continue;
            }
            String name = table.getName();
            catalog.table(name, names(table.getColumns()));
            PrimaryKey pk = table.getPrimaryKey();
            if (pk != null && !pk.getColumns().isEmpty()) {
                // Hibernate's generated name (e.g. parentPK) is not used in the DDL: the database names primary
                // keys itself (PRIMARY, parent_pkey, CONSTRAINT_8), and that is the name Kiln reports.
                catalog.primaryKey(name, null, names(pk.getColumns()));
            }
            for (UniqueKey uk : table.getUniqueKeys().values()) {
                if (uk.getName() != null) {
                    catalog.unique(name, uk.getName(), names(uk.getColumns()));
                }
            }
            for (Index index : table.getIndexes().values()) {
                if (index.isUnique() && index.getName() != null) {
                    catalog.unique(name, index.getName(), names(index.getColumns()));
                }
            }
            for (ForeignKey fk : table.getForeignKeyCollection()) {
                if (fk.getName() == null || !fk.isCreationEnabled() || fk.getReferencedTable() == null) {
                    continue;
                }
                Table referenced = fk.getReferencedTable();
                List<Column> referencedColumns = fk.isReferenceToPrimaryKey() && referenced.getPrimaryKey() != null
                        ? referenced.getPrimaryKey().getColumns() : fk.getReferencedColumns();
                catalog.foreignKey(name, fk.getName(), names(fk.getColumns()), referenced.getName(),
                        names(referencedColumns));
            }
            for (CheckConstraint check : table.getChecks()) {
                if (check.getName() != null) {
                    catalog.check(name, check.getName());
                }
            }
        }
        return catalog.build();
    }

    private static List<String> names(Iterable<Column> columns) {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(c.getName());
        }
        return out;
    }
}
