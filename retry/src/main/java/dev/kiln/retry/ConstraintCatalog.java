package dev.kiln.retry;

import dev.kiln.retry.internal.errors.SchemaConstraintLoader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of constraint definitions (name, table, columns, referenced table and columns), used to fill
 * in what an error message leaves out (MySQL names a unique key but not its columns) and to give constraint names back
 * as declared. Lookups are case-insensitive hash lookups: no I/O on the error path.
 *
 * <p>With Hibernate it is built from the mapping automatically. Standalone, load it once from the database, or
 * declare what you need:
 * <pre>{@code
 * ConstraintCatalog catalog = ConstraintCatalog.load(dataSource, DbBackend.MARIADB);   // one INFORMATION_SCHEMA read
 * DbErrorTranslator translator = DbErrorTranslator.builder(DbBackend.MARIADB).constraints(catalog).build();
 *
 * ConstraintCatalog declared = ConstraintCatalog.builder()
 *         .unique("users", "uk_users_email", List.of("email"))
 *         .build();
 * }</pre>
 */
public final class ConstraintCatalog {
    private static final ConstraintCatalog EMPTY = new ConstraintCatalog(List.of(), Map.of());

    /** The kind of a constraint. */
    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK }

    /**
     * One constraint as declared.
     *
     * @param kind its kind
     * @param name its declared name
     * @param table the table that holds it
     * @param columns its columns in declared order (for a foreign key, the referencing columns; empty for a check)
     * @param referencedTable for a foreign key, the referenced table; otherwise null
     * @param referencedColumns for a foreign key, the referenced columns; otherwise empty
     */
    public record Constraint(Kind kind, String name, String table, List<String> columns, String referencedTable,
                             List<String> referencedColumns) {
        public Constraint {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    private final List<Constraint> constraints;
    private final Map<String, List<String>> tables;
    private final Map<String, List<Constraint>> byName = new HashMap<>();
    private final Map<String, Constraint> primaryKeyByTable = new HashMap<>();
    private final Map<String, String> declaredTables = new HashMap<>();
    private final Map<String, Map<String, String>> declaredColumns = new HashMap<>();

    private ConstraintCatalog(List<Constraint> constraints, Map<String, List<String>> tables) {
        this.constraints = List.copyOf(constraints);
        this.tables = Map.copyOf(tables);
        tables.forEach((table, columns) -> {
            declaredTables.put(key(table), table);
            Map<String, String> byKey = declaredColumns.computeIfAbsent(key(table), k -> new HashMap<>());
            columns.forEach(column -> byKey.put(key(column), column));
        });
        for (Constraint c : this.constraints) {
            if (c.name() != null) {
                byName.computeIfAbsent(key(c.name()), k -> new ArrayList<>(1)).add(c);
            }
            if (c.kind() == Kind.PRIMARY_KEY) {
                primaryKeyByTable.putIfAbsent(key(c.table()), c);
            }
        }
    }

    /** A catalog that knows nothing. */
    public static ConstraintCatalog empty() {
        return EMPTY;
    }

    /** Declares constraints by hand. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the primary keys, unique constraints, foreign keys and checks of the connection's current schema from
     * INFORMATION_SCHEMA (two or three queries). Unique indexes that are not constraints are included on MySQL and
     * MariaDB, where they are what {@code UNIQUE} creates. Call it at startup or after migrations, not per error.
     *
     * @throws SQLException if the metadata cannot be read
     */
    public static ConstraintCatalog load(Connection connection, DbBackend backend) throws SQLException {
        return new ConstraintCatalog(SchemaConstraintLoader.load(connection, backend), Map.of());
    }

    /** {@link #load(Connection, DbBackend)} on a connection borrowed from {@code dataSource} and closed again. */
    public static ConstraintCatalog load(DataSource dataSource, DbBackend backend) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return load(c, backend);
        }
    }

    /** The constraints and tables of both catalogs; where both know a name on the same table, this one wins. */
    public ConstraintCatalog merge(ConstraintCatalog other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Constraint> all = new ArrayList<>(constraints);
        for (Constraint c : other.constraints) {
            if (c.name() == null || find(c.table(), c.name()).isEmpty()) {
                all.add(c);
            }
        }
        Map<String, List<String>> allTables = new HashMap<>(other.tables);
        allTables.putAll(tables);
        return new ConstraintCatalog(all, allTables);
    }

    /** All constraints, in the order they were added. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /**
     * The constraint called {@code name} (any case). With a {@code table}, only that table's; without one (null),
     * only if exactly one table has a constraint of that name.
     */
    public Optional<Constraint> find(String table, String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<Constraint> candidates = byName.get(key(name));
        if (candidates == null) {
            return Optional.empty();
        }
        if (table == null) {
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        for (Constraint c : candidates) {
            if (c.table().equalsIgnoreCase(table)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The primary key of {@code table} (any case), if known. */
    public Optional<Constraint> primaryKey(String table) {
        return table == null ? Optional.empty() : Optional.ofNullable(primaryKeyByTable.get(key(table)));
    }

    /**
     * The table's name as declared, for a name the backend reported in another case (H2 upper-cases unquoted names:
     * {@code PARENT} for {@code parent}); the reported name itself if the catalog does not know the table.
     */
    public String declaredTable(String reported) {
        if (reported == null) {
            return null;
        }
        String declared = declaredTables.get(key(reported));
        return declared == null ? reported : declared;
    }

    /** The column's name as declared in {@code table}; the reported name itself if unknown. */
    public String declaredColumn(String table, String reported) {
        if (reported == null || table == null) {
            return reported;
        }
        Map<String, String> columns = declaredColumns.get(key(table));
        String declared = columns == null ? null : columns.get(key(reported));
        return declared == null ? reported : declared;
    }

    /** True if the catalog knows no constraint and no table. */
    public boolean isEmpty() {
        return constraints.isEmpty() && tables.isEmpty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ConstraintCatalog[" + constraints.size() + " constraints]";
    }

    /** Collects constraints; {@link #build()} makes the immutable catalog. Not thread-safe. */
    public static final class Builder {
        private final List<Constraint> constraints = new ArrayList<>();
        private final Map<String, List<String>> tables = new HashMap<>();

        private Builder() {
        }

        /**
         * A table and its columns as declared, so that names a backend reports in another case (H2: {@code NAME}) are
         * given back as declared ({@code name}).
         */
        public Builder table(String table, List<String> columns) {
            tables.put(Objects.requireNonNull(table, "table"), List.copyOf(columns));
            return this;
        }

        /** A primary key. */
        public Builder primaryKey(String table, String name, List<String> columns) {
            return add(new Constraint(Kind.PRIMARY_KEY, name, table, columns, null, List.of()));
        }

        /** A unique constraint or unique index. */
        public Builder unique(String table, String name, List<String> columns) {
            return add(new Constraint(Kind.UNIQUE, name, table, columns, null, List.of()));
        }

        /** A foreign key from {@code table(columns)} to {@code referencedTable(referencedColumns)}. */
        public Builder foreignKey(String table, String name, List<String> columns, String referencedTable,
                                  List<String> referencedColumns) {
            return add(new Constraint(Kind.FOREIGN_KEY, name, table, columns, referencedTable, referencedColumns));
        }

        /** A check constraint. */
        public Builder check(String table, String name) {
            return add(new Constraint(Kind.CHECK, name, table, List.of(), null, List.of()));
        }

        /** Any constraint. */
        public Builder add(Constraint constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** Several constraints. */
        public Builder addAll(Collection<Constraint> all) {
            all.forEach(this::add);
            return this;
        }

        public ConstraintCatalog build() {
            return constraints.isEmpty() && tables.isEmpty() ? EMPTY : new ConstraintCatalog(constraints, tables);
        }
    }
}
