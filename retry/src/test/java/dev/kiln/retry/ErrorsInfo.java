package dev.kiln.retry;

/** Reads every field of every Kiln exception type, so tests can prove none of the accessors throws. */
final class ErrorsInfo {
    private ErrorsInfo() {
    }

    static String touchAllFields(DbError e) {
        StringBuilder b = new StringBuilder().append(e.getSQLState()).append(e.getErrorCode()).append(e.getSQL())
                .append(e.getBackend());
        if (e instanceof DbConstraintViolationException c) {
            b.append(c.getTable()).append(c.getConstraintName()).append(c.getReportedConstraintName()).append(c.getKind());
        }
        if (e instanceof DbDuplicateEntryException d) {
            b.append(d.getColumns()).append(d.getValues());
        }
        if (e instanceof DbReferenceException r) {
            b.append(r.getViolation()).append(r.getColumns()).append(r.getReferencedTable())
                    .append(r.getReferencedColumns()).append(r.getValues());
        }
        if (e instanceof DbNotNullViolationException n) {
            b.append(n.getColumn());
        }
        if (e instanceof DbDataException d) {
            b.append(d.getProblem()).append(d.getTable()).append(d.getColumn()).append(d.getValue());
        }
        if (e instanceof DbDeadlockException d) {
            b.append(d.getReason());
        }
        if (e instanceof DbConnectionException c) {
            b.append(c.isRefused());
        }
        if (e instanceof DbConsistencyException c) {
            b.append(c.getTable());
        }
        if (e instanceof DbNonExistentTableException t) {
            b.append(t.getTable());
        }
        if (e instanceof DbNonExistentDatabaseException d) {
            b.append(d.getDatabase());
        }
        if (e instanceof DbNonExistentConstraintException c) {
            b.append(c.getTable()).append(c.getConstraintName());
        }
        return b.toString();
    }
}
