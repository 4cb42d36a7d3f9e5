package dev.kiln.bulksave;

/**
 * Immutable options of a {@link BulkSave} call, modelled on SQLAlchemy's {@code bulk_save_objects} flags. Build with
 * {@link #builder()}; {@link #defaults()} gives the sane defaults listed on each builder method.
 *
 * <pre>{@code
 * BulkOptions options = BulkOptions.builder()
 *         .renderNulls(false)          // omit NULL columns so that server defaults apply
 *         .preserveOrder(false)        // group all rows of a type together, whatever their order
 *         .build();
 * BulkSave.insert(session, rows, options);
 * }</pre>
 */
public final class BulkOptions {
    private static final BulkOptions DEFAULTS = builder().build();

    private final boolean preserveOrder;
    private final boolean renderNulls;
    private final boolean updateChangedOnly;
    private final boolean returnDefaults;
    private final boolean multiRowInserts;
    private final boolean multiRowUpdates;
    private final int rowsPerStatement;
    private final int batchSize;
    private final boolean findFailingRow;
    private final boolean copyOnPostgresql;

    private BulkOptions(Builder b) {
        this.preserveOrder = b.preserveOrder;
        this.renderNulls = b.renderNulls;
        this.updateChangedOnly = b.updateChangedOnly;
        this.returnDefaults = b.returnDefaults;
        this.multiRowInserts = b.multiRowInserts;
        this.multiRowUpdates = b.multiRowUpdates;
        this.rowsPerStatement = b.rowsPerStatement;
        this.batchSize = b.batchSize;
        this.findFailingRow = b.findFailingRow;
        this.copyOnPostgresql = b.copyOnPostgresql;
    }

    /** The defaults: see each {@link Builder} method. */
    public static BulkOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.preserveOrder = preserveOrder;
        b.renderNulls = renderNulls;
        b.updateChangedOnly = updateChangedOnly;
        b.returnDefaults = returnDefaults;
        b.multiRowInserts = multiRowInserts;
        b.multiRowUpdates = multiRowUpdates;
        b.rowsPerStatement = rowsPerStatement;
        b.batchSize = batchSize;
        b.findFailingRow = findFailingRow;
        b.copyOnPostgresql = copyOnPostgresql;
        return b;
    }

    public boolean preserveOrder() {
        return preserveOrder;
    }

    public boolean renderNulls() {
        return renderNulls;
    }

    public boolean updateChangedOnly() {
        return updateChangedOnly;
    }

    public boolean returnDefaults() {
        return returnDefaults;
    }

    public boolean multiRowInserts() {
        return multiRowInserts;
    }

    public boolean multiRowUpdates() {
        return multiRowUpdates;
    }

    public int rowsPerStatement() {
        return rowsPerStatement;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean findFailingRow() {
        return findFailingRow;
    }

    public boolean copyOnPostgresql() {
        return copyOnPostgresql;
    }

    @Override
    public String toString() {
        return "BulkOptions{preserveOrder=" + preserveOrder + ", renderNulls=" + renderNulls + ", updateChangedOnly="
                + updateChangedOnly + ", returnDefaults=" + returnDefaults + ", multiRowInserts=" + multiRowInserts
                + ", multiRowUpdates=" + multiRowUpdates + ", rowsPerStatement=" + rowsPerStatement + ", batchSize="
                + batchSize + ", findFailingRow=" + findFailingRow + ", copyOnPostgresql=" + copyOnPostgresql + "}";
    }

    /** Builder of {@link BulkOptions}; every setting has a default. */
    public static final class Builder {
        private boolean preserveOrder = true;
        private boolean renderNulls = true;
        private boolean updateChangedOnly = true;
        private boolean returnDefaults = true;
        private boolean multiRowInserts = true;
        private boolean multiRowUpdates = true;
        private int rowsPerStatement = 1_000;
        private int batchSize = 500;
        private boolean findFailingRow = true;
        private boolean copyOnPostgresql = true;

        private Builder() {
        }

        /**
         * Default true: rows are written in the order given, a new group (and statement) starting whenever the entity
         * type changes, so rows may depend on earlier rows of other types (foreign keys). False groups all rows of
         * one type together (fewer statements) in the order types first appear.
         */
        public Builder preserveOrder(boolean value) {
            this.preserveOrder = value;
            return this;
        }

        /**
         * Default true: a null attribute is written as NULL, as {@code session.persist} does, and all rows of a type
         * share one statement shape. False (SQLAlchemy's default) omits NULL columns from the INSERT so that the
         * column's server default applies; rows are then grouped by their set of non-null columns.
         */
        public Builder renderNulls(boolean value) {
            this.renderNulls = value;
            return this;
        }

        /**
         * Default true: an entity managed by the {@code Session} is compared with its snapshot and only the changed
         * columns are updated (rows without change are skipped; rows are grouped by changed-column set). Entities
         * without a snapshot (detached, or written through a {@code StatelessSession}) always update every updatable
         * column. False updates every updatable column of every row.
         */
        public Builder updateChangedOnly(boolean value) {
            this.updateChangedOnly = value;
            return this;
        }

        /**
         * Default true: ids generated by the database (IDENTITY) are read back and set on the objects. False skips
         * reading them (the objects keep a null id), which saves the generated-keys result sets. Ids from sequences
         * are always set, since they are known before the INSERT.
         */
        public Builder returnDefaults(boolean value) {
            this.returnDefaults = value;
            return this;
        }

        /**
         * Default true: on MySQL/MariaDB, PostgreSQL and H2, inserts send {@code INSERT ... VALUES (...),(...)} with
         * up to {@link #rowsPerStatement} rows per statement. False sends one row per statement in JDBC batches.
         */
        public Builder multiRowInserts(boolean value) {
            this.multiRowInserts = value;
            return this;
        }

        /**
         * Default true: on MySQL/MariaDB, where the driver sends every batched statement in its own round trip unless
         * {@code rewriteBatchedStatements} is set, unversioned rows are updated with one
         * {@code UPDATE t JOIN (SELECT ... UNION ALL ...)} statement per chunk. Versioned rows always use batched
         * single-row UPDATEs, whose per-row counts detect concurrent changes.
         */
        public Builder multiRowUpdates(boolean value) {
            this.multiRowUpdates = value;
            return this;
        }

        /** Default 1000: rows per multi-row statement (lowered automatically to respect the driver's parameter limit). */
        public Builder rowsPerStatement(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("rowsPerStatement must be at least 1, was " + value);
            }
            this.rowsPerStatement = value;
            return this;
        }

        /** Default 500: single-row statements per JDBC batch. */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Default true: when a statement fails, the call's changes are rolled back and its rows are replayed one at a
         * time (then rolled back again) to name the row that fails. False reports the failing statement only.
         */
        public Builder findFailingRow(boolean value) {
            this.findFailingRow = value;
            return this;
        }

        /**
         * Default true: on PostgreSQL with pgjdbc, inserts whose ids are known before the insert (assigned, or taken
         * from a sequence) are sent with {@code COPY table (columns) FROM STDIN} instead of {@code INSERT} statements
         * (groups with values COPY cannot carry exactly, or with IDENTITY ids, still use {@code INSERT}). A failing
         * COPY is rolled back like a failing statement, and the failing row is found by replaying single-row INSERTs.
         * False always uses {@code INSERT}.
         */
        public Builder copyOnPostgresql(boolean value) {
            this.copyOnPostgresql = value;
            return this;
        }

        public BulkOptions build() {
            return new BulkOptions(this);
        }
    }
}
