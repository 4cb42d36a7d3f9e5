package dev.kiln.bulksave.internal;

/** The SQL features bulk save uses that differ between databases. */
public enum SqlFlavor {
    /** MySQL and MariaDB: multi-row VALUES, and multi-row UPDATE through a joined derived table. */
    MYSQL(true, true, 65_535),
    /** PostgreSQL: multi-row VALUES (pgjdbc binds at most 32,767 parameters per statement). */
    POSTGRESQL(true, false, 32_767),
    /** H2: multi-row VALUES. */
    H2(true, false, 65_535),
    /** Anything else: one row per statement in JDBC batches. */
    OTHER(false, false, 2_000);

    private final boolean multiRowInsert;
    private final boolean multiRowUpdate;
    private final int maxParameters;

    SqlFlavor(boolean multiRowInsert, boolean multiRowUpdate, int maxParameters) {
        this.multiRowInsert = multiRowInsert;
        this.multiRowUpdate = multiRowUpdate;
        this.maxParameters = maxParameters;
    }

    public boolean multiRowInsert() {
        return multiRowInsert;
    }

    public boolean multiRowUpdate() {
        return multiRowUpdate;
    }

    public int maxParameters() {
        return maxParameters;
    }
}
