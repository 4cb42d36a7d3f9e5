package dev.kiln.retry.internal.errors;

import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.ConstraintCatalog.Constraint;
import dev.kiln.retry.DbBackend;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Completes what a rule read with what the constraint's definition says, and gives names back as declared:
 * <ol>
 *   <li>strips qualifiers ({@code PUBLIC.} on H2, {@code table.} on MySQL 8) and H2's index suffix
 *       ({@code UK_X_INDEX_1} for {@code uk_x});</li>
 *   <li>looks the constraint up in the {@link ConstraintCatalog} (mapping or schema metadata) for its declared name,
 *       table, columns and referenced table;</li>
 *   <li>else reads Nova-style names {@code uniq_<table>0<col>0<col>} as oslo.db does;</li>
 *   <li>else takes the table from the statement ({@code INSERT INTO t ...}), for constraints, NOT NULL and data
 *       errors.</li>
 * </ol>
 */
final class ConstraintResolver {
    private static final Pattern H2_INDEX_SUFFIX = Pattern.compile("_INDEX_[0-9A-Z]+$", Pattern.CASE_INSENSITIVE);
    private static final String NOVA_UNIQUE_PREFIX = "uniq_";

    private ConstraintResolver() {
    }

    static void resolve(ErrorFacts f, DbBackend backend, ConstraintCatalog catalog, String sql) {
        switch (f.kind) {
            case UNIQUE, FOREIGN_KEY, CHECK, CONSTRAINT_OTHER -> constraint(f, backend, catalog, sql);
            case NOT_NULL, DATA -> {
                if (f.table == null && f.column != null) {
                    f.table = Names.targetTable(sql);   // the column of an INSERT/UPDATE is its target table's
                }
                f.table = catalog.declaredTable(f.table);
                f.column = catalog.declaredColumn(f.table, f.column);
            }
            case CONSISTENCY, NON_EXISTENT_TABLE -> f.table = catalog.declaredTable(f.table);
            default -> {
                // nothing to complete
            }
        }
    }

    private static void constraint(ErrorFacts f, DbBackend backend, ConstraintCatalog catalog, String sql) {
        String reported = f.reportedConstraint;
        String name = reported == null ? null : Names.lastPart(reported);
        if (reported != null && f.constraintQualifierIsTable && f.table == null) {
            f.table = Names.qualifier(reported);
        }
        if (name != null && backend == DbBackend.H2 && catalog.find(f.table, name).isEmpty()) {
            name = H2_INDEX_SUFFIX.matcher(name).replaceFirst("");
        }
        if (f.table == null && f.kind != ErrorKind.FOREIGN_KEY) {
            f.table = Names.targetTable(sql);
        }
        List<String> messageColumns = f.columns;
        Optional<Constraint> known = lookup(catalog, f, name);
        if (known.isPresent()) {
            Constraint c = known.get();
            name = c.name() != null ? c.name() : name;
            f.table = c.table();
            f.columns = c.columns();
            if (f.kind == ErrorKind.FOREIGN_KEY) {
                f.referencedTable = c.referencedTable();
                f.referencedColumns = c.referencedColumns();
            }
        } else {
            novaName(f, name);
            f.table = catalog.declaredTable(f.table);
            f.columns = declaredColumns(catalog, f.table, f.columns);
            f.referencedTable = catalog.declaredTable(f.referencedTable);
            f.referencedColumns = declaredColumns(catalog, f.referencedTable, f.referencedColumns);
        }
        if (f.kind == ErrorKind.UNIQUE) {
            f.values = f.rawJoinedValue != null
                    ? MySqlValues.split(f.rawJoinedValue, f.columns.size())
                    : inDeclaredOrder(messageColumns, f.values, f.columns);
        }
        f.constraint = name;
    }

    private static Optional<Constraint> lookup(ConstraintCatalog catalog, ErrorFacts f, String name) {
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        if (name == null || "PRIMARY".equalsIgnoreCase(name)) {
            // H2 2.3 does not name the primary key; MySQL calls every primary key PRIMARY.
            return f.kind == ErrorKind.UNIQUE
                    ? catalog.primaryKey(f.table).filter(pk -> f.columns.isEmpty() || sameColumns(pk.columns(), f.columns))
                    : Optional.empty();
        }
        Optional<Constraint> c = catalog.find(f.table, name);
        return c.isPresent() || f.table == null ? c : catalog.find(null, name);
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Reorders values read in the message's column order into the declared column order. */
    private static List<String> inDeclaredOrder(List<String> messageColumns, List<String> values, List<String> declared) {
        if (values.isEmpty() || messageColumns.size() != values.size() || declared.size() != values.size()
                || sameColumns(messageColumns, declared)) {
            return values;
        }
        String[] out = new String[declared.size()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < messageColumns.size(); j++) {
                if (declared.get(i).equalsIgnoreCase(messageColumns.get(j))) {
                    out[i] = values.get(j);
                }
            }
            if (out[i] == null) {
                return values;
            }
        }
        return List.of(out);
    }

    /** oslo.db's convention: {@code uniq_instances0host0name} is a unique key on instances(host, name). */
    private static void novaName(ErrorFacts f, String name) {
        if (f.kind != ErrorKind.UNIQUE || !f.columns.isEmpty() || name == null
                || !name.regionMatches(true, 0, NOVA_UNIQUE_PREFIX, 0, NOVA_UNIQUE_PREFIX.length())) {
            return;
        }
        String[] parts = name.substring(NOVA_UNIQUE_PREFIX.length()).split("0");
        if (parts.length < 2) {
            return;
        }
        if (f.table == null) {
            f.table = parts[0];
        }
        f.columns = List.of(Arrays.copyOfRange(parts, 1, parts.length));
    }

    private static List<String> declaredColumns(ConstraintCatalog catalog, String table, List<String> columns) {
        if (columns.isEmpty()) {
            return columns;
        }
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = catalog.declaredColumn(table, columns.get(i));
        }
        return List.of(out);
    }
}
