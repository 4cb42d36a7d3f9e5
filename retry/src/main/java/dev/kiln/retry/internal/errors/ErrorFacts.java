package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbReferenceException;

import java.util.List;

/**
 * What the rules read from one error. Filled by one thread during one translation, then turned into an exception by
 * {@link ExceptionFactory}; never shared.
 */
public final class ErrorFacts {
    ErrorKind kind = ErrorKind.UNKNOWN;
    /** Constraint name as the backend reported it (qualifiers and H2 index suffixes still on). */
    String reportedConstraint;
    /** Constraint name after normalization (declared spelling when the catalog knows it). */
    String constraint;
    String table;
    List<String> columns = List.of();
    List<String> values = List.of();
    /** MySQL's duplicate value, all columns joined with '-', split once the columns are known. */
    String rawJoinedValue;
    String referencedTable;
    List<String> referencedColumns = List.of();
    DbReferenceException.Violation violation = DbReferenceException.Violation.UNKNOWN;
    DbDataException.Problem dataProblem = DbDataException.Problem.OTHER;
    String column;
    String reportedColumn;
    String value;
    DbDeadlockException.Reason deadlockReason = DbDeadlockException.Reason.DEADLOCK;
    boolean refused;
    String database;
    /** True when only the standard (SQLState) rules recognised the error, not the backend's own. */
    boolean fromStandardRules;
    /** True when the backend prefixes a reported constraint with the table (MySQL 8), false for a schema (H2). */
    boolean constraintQualifierIsTable;

    ErrorFacts kind(ErrorKind k) {
        this.kind = k;
        return this;
    }

    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "ErrorFacts[" + kind + ", table=" + table + ", constraint=" + constraint + ", columns=" + columns
                + ", values=" + values + ", column=" + column + "]";
    }
}
