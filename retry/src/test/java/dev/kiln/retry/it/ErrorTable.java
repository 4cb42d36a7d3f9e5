package dev.kiln.retry.it;

import dev.kiln.retry.DbCheckViolationException;
import dev.kiln.retry.DbConnectionException;
import dev.kiln.retry.DbConsistencyException;
import dev.kiln.retry.DbConstraintViolationException;
import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbNonExistentConstraintException;
import dev.kiln.retry.DbNonExistentDatabaseException;
import dev.kiln.retry.DbNonExistentTableException;
import dev.kiln.retry.DbNotNullViolationException;
import dev.kiln.retry.DbReferenceException;
import dev.kiln.retry.DbErrors;
import org.hibernate.exception.ConstraintViolationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects what the tests observed, per backend and error, and writes it as the Markdown table of the module README
 * ({@code target/kiln-error-table.md}): the README's table is copied from a real run, not written by hand.
 */
final class ErrorTable {
    private static final ConcurrentLinkedQueue<String[]> ROWS = new ConcurrentLinkedQueue<>();

    private ErrorTable() {
    }

    static void record(Comparison c, String deviation) {
        Throwable kiln = c.kiln();
        DbError error = DbErrors.find(kiln).orElseThrow();
        Class<?> springKiln = Probe.spring(c.kiln());
        Class<?> springPlain = Probe.spring(c.plain());
        ROWS.add(new String[] {c.errorCase(), c.backend().displayName(),
                error.getErrorCode() + " / " + error.getSQLState(),
                "`" + ((Object) error).getClass().getSimpleName() + "`" + fields(error),
                hibernate(c.plain()),
                springPlain == null ? "-" : "`" + springPlain.getSimpleName() + "`"
                        + (springKiln == springPlain ? "" : " (Kiln: `" + (springKiln == null ? "-" : springKiln.getSimpleName()) + "`)"),
                deviation == null ? "" : deviation});
    }

    /** A COMMIT failure: both sides are TransactionExceptions; Kiln's carries the Kiln exception as its cause. */
    static void recordCommit(String errorCase, dev.kiln.fixtures.Backend backend, RuntimeException kiln,
                             RuntimeException plain) {
        DbError error = DbErrors.find(kiln).orElseThrow();
        Class<?> springKiln = Probe.spring(kiln);
        Class<?> springPlain = Probe.spring(plain);
        org.assertj.core.api.Assertions.assertThat(springKiln).as("Spring translates a failed COMMIT as before")
                .isEqualTo(springPlain);
        ROWS.add(new String[] {errorCase, backend.displayName(), error.getErrorCode() + " / " + error.getSQLState(),
                "`DbTransactionException` (cause: the SQLException) with `getDbError()` = `"
                        + ((Object) error).getClass().getSimpleName() + "`" + fields(error),
                "`TransactionException` < `" + plain.getCause().getClass().getSimpleName() + "`",
                (springPlain == null ? "-" : "`" + springPlain.getSimpleName() + "`")
                        + (springKiln == springPlain ? "" : " (Kiln: `" + (springKiln == null ? "-" : springKiln.getSimpleName()) + "`)"),
                "COMMIT is not converted by Hibernate"});
    }

    private static String hibernate(Throwable plain) {
        Throwable t = plain;
        while (t != null && !(t instanceof org.hibernate.JDBCException)) {
            t = t.getCause();
        }
        if (t == null) {
            return "`" + plain.getClass().getSimpleName() + "`";
        }
        String s = "`" + t.getClass().getSimpleName() + "`";
        if (t instanceof ConstraintViolationException cve) {
            s += " " + cve.getKind() + " `" + cve.getConstraintName() + "`";
        }
        return plain == t ? s : "`" + plain.getClass().getSimpleName() + "` < " + s;
    }

    static String fields(DbError e) {
        if (e instanceof DbDuplicateEntryException d) {
            return ": " + d.getTable() + ", `" + d.getConstraintName() + "`, " + d.getColumns() + " = " + d.getValues();
        }
        if (e instanceof DbReferenceException r) {
            return ": " + r.getViolation() + ", `" + r.getConstraintName() + "`, " + r.getTable() + r.getColumns()
                    + " -> " + r.getReferencedTable() + r.getReferencedColumns() + " = " + r.getValues();
        }
        if (e instanceof DbCheckViolationException ch) {
            return ": " + ch.getTable() + ", `" + ch.getConstraintName() + "`";
        }
        if (e instanceof DbNotNullViolationException n) {
            return ": " + n.getTable() + "." + n.getColumn();
        }
        if (e instanceof DbConstraintViolationException c) {
            return ": " + c.getKind() + ", " + c.getTable() + ", `" + c.getConstraintName() + "`";
        }
        if (e instanceof DbDataException d) {
            return ": " + d.getProblem() + ", " + d.getTable() + "." + d.getColumn() + " = " + d.getValue();
        }
        if (e instanceof DbDeadlockException d) {
            return ": " + d.getReason();
        }
        if (e instanceof DbConnectionException c) {
            return c.isRefused() ? ": refused" : ": lost";
        }
        if (e instanceof DbConsistencyException c) {
            return ": " + c.getTable();
        }
        if (e instanceof DbNonExistentTableException t) {
            return ": " + t.getTable();
        }
        if (e instanceof DbNonExistentDatabaseException d) {
            return ": " + d.getDatabase();
        }
        if (e instanceof DbNonExistentConstraintException n) {
            return ": " + n.getTable() + ", " + n.getConstraintName();
        }
        return "";
    }

    /** Writes every row recorded so far in this JVM, sorted by error then backend. */
    static synchronized void write() throws IOException {
        List<String[]> rows = new ArrayList<>(ROWS);
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
        StringBuilder md = new StringBuilder(
                "| error | backend | code / SQLState | Kiln: type: fields | plain Hibernate 7 | Spring (HibernateExceptionTranslator) | note |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r).replace("\n", " ")).append(" |\n");
        }
        Path out = Path.of("target", "kiln-error-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }
}
