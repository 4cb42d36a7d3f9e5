package dev.kiln.retry;

import dev.kiln.retry.internal.errors.ErrorClassifier;

import java.sql.SQLException;
import java.util.Objects;

/**
 * Translates driver {@link SQLException}s into Kiln exceptions, for code that talks JDBC or Jdbi directly. Inside
 * Hibernate the same rules run automatically (see the module README). Immutable and thread-safe; build one per
 * database and keep it.
 *
 * <pre>{@code
 * DbErrorTranslator translator = DbErrorTranslator.builder(DbBackend.MARIADB)
 *         .constraints(ConstraintCatalog.load(dataSource, DbBackend.MARIADB))   // optional: columns of unique keys
 *         .build();
 * try (PreparedStatement ps = connection.prepareStatement(sql)) {
 *     ps.executeUpdate();
 * } catch (SQLException e) {
 *     DbError error = translator.translate(e, sql);
 *     if (error instanceof DbDuplicateEntryException dup) { ... dup.getColumns() ... }
 *     throw error.asException();
 * }
 * }</pre>
 *
 * {@link DbErrors#translate(SQLException, DbBackend)} is the same without a catalog.
 */
public final class DbErrorTranslator {
    private final ErrorClassifier classifier;

    private DbErrorTranslator(ErrorClassifier classifier) {
        this.classifier = classifier;
    }

    /** A builder for {@code backend}'s rules. */
    public static Builder builder(DbBackend backend) {
        return new Builder(backend);
    }

    /** The backend whose rules this translator applies. */
    public DbBackend backend() {
        return classifier.backend();
    }

    /** The constraint definitions used to complete errors. */
    public ConstraintCatalog constraints() {
        return classifier.catalog();
    }

    /** {@link #translate(SQLException, String) translate(e, null)}. */
    public DbError translate(SQLException e) {
        return translate(e, null);
    }

    /**
     * The Kiln exception for {@code e}. Never throws and never returns null: an error no rule recognises becomes a
     * {@link DbException} (or the Kiln type for its SQLState class) with {@code e} as its cause; even a null
     * {@code e} gives a {@link DbException}.
     *
     * @param sql the statement that failed, if known: kept on the exception and used to name the table when the
     *            message does not (e.g. a MySQL primary key violation)
     */
    public DbError translate(SQLException e, String sql) {
        return (DbError) classifier.translate(e, null, sql, null);
    }

    @Override
    public String toString() {
        return "DbErrorTranslator[" + backend() + ", " + constraints() + "]";
    }

    /** Configures a {@link DbErrorTranslator}; defaults: no constraint catalog. */
    public static final class Builder {
        private final DbBackend backend;
        private ConstraintCatalog constraints = ConstraintCatalog.empty();

        private Builder(DbBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
        }

        /** Constraint definitions to complete errors with (columns of unique keys, declared names). */
        public Builder constraints(ConstraintCatalog catalog) {
            this.constraints = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        public DbErrorTranslator build() {
            return new DbErrorTranslator(new ErrorClassifier(backend, constraints));
        }
    }
}
