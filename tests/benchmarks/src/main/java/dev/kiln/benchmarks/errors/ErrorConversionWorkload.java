package dev.kiln.benchmarks.errors;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.RetrySettings;
import org.hibernate.JDBCException;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.spi.SQLExceptionConverter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The error path: converting a real driver SQLException into Hibernate's exception, with Kiln's rewriting (the
 * converter installed in a SessionFactory's SqlExceptionHelper) and without it (plain Hibernate 7). The errors are
 * provoked once on the real database at setup: a duplicate floating IP address (unique key), a NULL auto_assigned
 * (NOT NULL), a missing table. Conversion itself does no I/O.
 */
public final class ErrorConversionWorkload implements AutoCloseable {
    private static final String MESSAGE = "could not execute statement";

    private final TestDatabase db;
    private final SQLExceptionConverter kiln;
    private final SQLExceptionConverter hibernate;
    private final List<SQLException> errors;
    private final List<String> statements;
    private int next;

    public ErrorConversionWorkload(Backend backend) {
        db = TestDatabase.create(backend, "bench-errors");
        try {
            SessionFactory kilnSf = db.hibernate().entities(NovaModel.ENTITIES).uncounted().build();
            SessionFactory plainSf = db.hibernate().entities(NovaModel.ENTITIES).uncounted()
                    .schema(dev.kiln.fixtures.HibernateBootstrap.Schema.NONE)
                    .setting(RetrySettings.EXCEPTION_REWRITING, "false").build();
            kiln = converter(kilnSf);
            hibernate = converter(plainSf);
            NovaDataset data = NovaDataLoader.builder().floatingIps(10).build().load(db.dataSource());
            statements = List.of(
                    "INSERT INTO floating_ips (id, address, deleted, auto_assigned) VALUES (1000000, '"
                            + data.floatingAddresses().get(0) + "', 0, false)",
                    "INSERT INTO floating_ips (id, address, deleted, auto_assigned) VALUES (1000001, '10.255.255.1', 0, NULL)",
                    "SELECT * FROM kiln_no_such_table");
            errors = statements.stream().map(this::provoke).toList();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static SQLExceptionConverter converter(SessionFactory sf) {
        return ((SessionFactoryImplementor) sf).getJdbcServices().getSqlExceptionHelper().getSqlExceptionConverter();
    }

    private SQLException provoke(String sql) {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new IllegalStateException("expected to fail on " + db.backend().displayName() + ": " + sql);
    }

    /** Index of the next error to convert (round-robin over the three). */
    public int nextError() {
        int i = next;
        next = i == errors.size() - 1 ? 0 : i + 1;
        return i;
    }

    public JDBCException kiln(int error) {
        return kiln.convert(errors.get(error), MESSAGE, statements.get(error));
    }

    public JDBCException hibernate(int error) {
        return hibernate.convert(errors.get(error), MESSAGE, statements.get(error));
    }

    public int errorCount() {
        return errors.size();
    }

    @Override
    public void close() {
        db.close();
    }
}
