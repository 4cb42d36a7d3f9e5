package dev.kiln.retry.internal.errors;

import dev.kiln.retry.ConstraintCatalog.Constraint;
import dev.kiln.retry.ConstraintCatalog.Kind;
import dev.kiln.retry.DbBackend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the constraints of the current schema from the standard INFORMATION_SCHEMA views, which H2, MySQL, MariaDB
 * and PostgreSQL all have. MySQL lists the referenced columns of a foreign key in KEY_COLUMN_USAGE itself; the others
 * go through REFERENTIAL_CONSTRAINTS to the referenced unique constraint.
 */
public final class SchemaConstraintLoader {
    private static final String KEYS = """
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, kcu.COLUMN_NAME
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu
              ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
             AND kcu.TABLE_NAME = tc.TABLE_NAME
            WHERE tc.TABLE_SCHEMA = %s AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION""";
    private static final String CHECKS = """
            SELECT TABLE_NAME, CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
            WHERE TABLE_SCHEMA = %s AND CONSTRAINT_TYPE = 'CHECK' ORDER BY TABLE_NAME, CONSTRAINT_NAME""";
    private static final String MYSQL_REFERENCES = """
            SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
            FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = %s AND REFERENCED_TABLE_NAME IS NOT NULL
            ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION""";
    private static final String STANDARD_REFERENCES = """
            SELECT fk.TABLE_NAME, rc.CONSTRAINT_NAME, pk.TABLE_NAME, pk.COLUMN_NAME
            FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
            JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS fk
              ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
            JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE pk
              ON pk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND pk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME
            WHERE rc.CONSTRAINT_SCHEMA = %s
            ORDER BY fk.TABLE_NAME, rc.CONSTRAINT_NAME, pk.ORDINAL_POSITION""";

    private SchemaConstraintLoader() {
    }

    public static List<Constraint> load(Connection connection, DbBackend backend) throws SQLException {
        String schema = switch (backend) {
            case MYSQL, MARIADB -> "DATABASE()";
            case POSTGRESQL -> "current_schema()";
            case H2 -> "CURRENT_SCHEMA";
            case OTHER -> "?";
        };
        String current = backend == DbBackend.OTHER ? connection.getSchema() : null;
        Map<String, Draft> drafts = new LinkedHashMap<>();
        query(connection, KEYS.formatted(schema), current, rs -> {
            Kind kind = switch (rs.getString(3)) {
                case "PRIMARY KEY" -> Kind.PRIMARY_KEY;
                case "UNIQUE" -> Kind.UNIQUE;
                default -> Kind.FOREIGN_KEY;
            };
            String table = rs.getString(1);
            String name = rs.getString(2);
            drafts.computeIfAbsent(table + '\0' + name, k -> new Draft(kind, name, table)).columns.add(rs.getString(4));
        });
        String references = backend.isMySqlFamily() ? MYSQL_REFERENCES : STANDARD_REFERENCES;
        query(connection, references.formatted(schema), current, rs -> {
            Draft fk = drafts.get(rs.getString(1) + '\0' + rs.getString(2));
            if (fk != null) {
                fk.referencedTable = rs.getString(3);
                fk.referencedColumns.add(rs.getString(4));
            }
        });
        List<Constraint> out = new ArrayList<>(drafts.size() + 8);
        drafts.values().forEach(d -> out.add(d.build()));
        query(connection, CHECKS.formatted(schema), current,
                rs -> out.add(new Constraint(Kind.CHECK, rs.getString(2), rs.getString(1), List.of(), null, List.of())));
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String schemaParameter, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (schemaParameter != null || sql.contains("?")) {
                ps.setString(1, schemaParameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static final class Draft {
        final Kind kind;
        final String name;
        final String table;
        final List<String> columns = new ArrayList<>(2);
        final List<String> referencedColumns = new ArrayList<>(2);
        String referencedTable;

        Draft(Kind kind, String name, String table) {
            this.kind = kind;
            this.name = name;
            this.table = table;
        }

        Constraint build() {
            return new Constraint(kind, name, table, columns, referencedTable, referencedColumns);
        }
    }
}
