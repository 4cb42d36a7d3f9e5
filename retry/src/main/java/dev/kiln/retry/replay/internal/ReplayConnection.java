package dev.kiln.retry.replay.internal;

import dev.kiln.retry.replay.DbCommitOutcomeUnknownException;
import dev.kiln.retry.replay.DbReplayMismatchException;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The application's connection. While a transaction is open (autocommit off) it keeps the {@link TxLog}; when a call
 * fails with a disconnect it {@linkplain #recover recovers}: a new physical connection from the source, the session
 * state restored (autocommit, isolation, read-only, catalog, schema, holdability, recorded SET/USE statements), the log
 * replayed with every result compared, then the interrupted call is repeated by the caller. An interrupted COMMIT is
 * never simply repeated: see {@link #commit()}.
 *
 * <p>Like any JDBC connection, used by one thread at a time.
 */
final class ReplayConnection extends ForwardingConnection {
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;
    private static final int MAX_DEAD_CONNECTIONS = 16;
    final ReplayRuntime rt;
    private final ConnectionSource source;
    final TxLog log;
    int generation;
    private final ArrayList<ReplayStatement> open = new ArrayList<>(4);
    private boolean autoCommit;
    private Integer isolation;
    private Boolean readOnly;
    private String catalog;
    private String schema;
    private Integer holdability;
    private ArrayList<String> sessionStatements;
    /** Set once a CallableStatement was handed out: its executions cannot be seen, so nothing is replayed any more. */
    private String callable;
    /** The physical connection is known to be dead outside a transaction: replace it before the next use. */
    private boolean stale;
    /** The transaction was lost and could not be replayed: every call fails until it ends. */
    private SQLException lost;
    private boolean recovering;
    private boolean closed;

    ReplayConnection(ReplayRuntime rt, ConnectionSource source, Connection physical) throws SQLException {
        this.rt = rt;
        this.source = source;
        this.physical = physical;
        this.autoCommit = physical.getAutoCommit();
        this.log = new TxLog(rt.config);
    }

    /** The current physical connection (tests and the Hibernate adapter read server session ids through it). */
    Connection physical() {
        return physical;
    }

    boolean recording() {
        return !autoCommit && log.poison() == null;
    }

    /**
     * True if {@code e} means the physical connection is gone: Kiln's classification (or the configured predicate),
     * or, for an error it does not classify and that is not an ordinary statement error (data, constraint, syntax,
     * transaction rollback), a driver that no longer finds its connection valid. Drivers report the first error after a
     * lost connection in odd ways (mysql-connector-j: "No operations allowed after statement closed" in a batch); the
     * validity check costs one round trip, on that error path only.
     */
    boolean isDisconnect(SQLException e) {
        if (rt.isDisconnect(e)) {
            return true;
        }
        if (rt.config.disconnects() != null || isStatementError(e.getSQLState())) {
            return false;
        }
        try {
            return !physical.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException invalid) {
            return true;
        }
    }

    private static boolean isStatementError(String state) {
        if (state == null || state.length() < 2) {
            return false;
        }
        return switch (state.substring(0, 2)) {
            case "21", "22", "23", "40", "42", "44", "0A", "25", "3D", "3F", "HY" -> true;
            default -> false;
        };
    }

    boolean neverReplay(String sql) {
        return rt.neverReplay(sql);
    }

    // ---- recording

    /** The step for an execution starting now, or null if this transaction is not recorded. */
    Step begin(ReplayStatement owner, byte kind, String sql, Params params, Keys keys) throws SQLException {
        if (lost != null) {
            throw transactionLost();
        }
        if (stale) {
            refresh();
        }
        if (autoCommit || log.poison() != null) {
            return null;
        }
        if (callable != null) {
            log.poison(callable);
            return null;
        }
        boolean never = owner instanceof ReplayPreparedStatement p ? p.neverReplay() : rt.neverReplay(sql);
        if (never) {
            log.poison("it ran a statement matching ReplayConfig's never-replay rule: "
                    + (sql.length() > 120 ? sql.substring(0, 117) + "..." : sql));
            return null;
        }
        return new Step(owner, kind, sql, params == null ? null : params.share(), keys);
    }

    void succeeded(Step s) {
        if (s != null) {
            log.add(s);
        } else if (!autoCommit) {
            log.wrote(); // an unrecorded statement in a transaction: COMMIT must assume it wrote
        }
    }

    /** An execution failed: recover from a disconnect (the caller then repeats it), else record and rethrow. */
    void failed(Step s, SQLException e) throws SQLException {
        if (isDisconnect(e)) {
            recover(e);
            return;
        }
        if (s != null) {
            s.failedWith(e);
            log.add(s);
        }
        throw e;
    }

    /** Makes the open transaction unreplayable; a later disconnect inside it surfaces. */
    void notReplayable(String reason) {
        if (!autoCommit) {
            log.poison(reason);
        }
    }

    void rememberSessionStatement(String sql) {
        if (sessionStatements == null) {
            sessionStatements = new ArrayList<>(2);
        }
        if (!sessionStatements.contains(sql)) {
            if (sessionStatements.size() >= 64) {
                notReplayable("it ran more than 64 distinct SET statements");
                return;
            }
            sessionStatements.add(sql);
        }
    }

    void closed(ReplayStatement s) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i) == s) {
                open.remove(i);
                return;
            }
        }
    }

    private <S extends ReplayStatement> S track(S s) {
        open.add(s);
        return s;
    }

    // ---- recovery

    /**
     * Called with the error of a failed call. Returns normally only if the connection was replaced and the whole
     * transaction replayed with identical results: the caller then repeats its call. Otherwise throws: the error
     * itself (not a disconnect; autocommit; replay off), a {@link DbReplayMismatchException}, or the error with the
     * failed attempts suppressed.
     */
    void recover(SQLException failure) throws SQLException {
        if (recovering || lost != null || !isDisconnect(failure)) {
            throw failure;
        }
        replay(failure);
    }

    /** {@link #recover} once the failure is known to have cost the connection or the transaction. */
    private void replay(SQLException failure) throws SQLException {
        if (autoCommit) {
            stale = true; // the statement's outcome is unknown and is not repeated; the next call gets a new connection
            throw failure;
        }
        String off = log.poison() != null ? log.poison() : callable;
        if (off != null) {
            rt.metrics.notReplayable.increment();
            failure.addSuppressed(new SQLException("Kiln did not replay the transaction because " + off));
            lost = failure;
            stale = true;
            throw failure;
        }
        rt.metrics.attempted.increment();
        recovering = true;
        long deadline = System.nanoTime() + rt.config.timeLimit().toNanos();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    reconnect();
                    for (int i = 0; i < log.size(); i++) {
                        log.get(i).replay(this, physical, i + 1, failure);
                        rt.metrics.statements.increment();
                    }
                    renewStatements();
                    rt.metrics.succeeded.increment();
                    return;
                } catch (DbReplayMismatchException m) {
                    rt.metrics.mismatched.increment();
                    lost = m;
                    throw m;
                } catch (SQLException e) {
                    if (!isDisconnect(e) || attempt >= rt.config.maxAttempts() || System.nanoTime() > deadline) {
                        failure.addSuppressed(new SQLException("Kiln could not replay the transaction (attempt "
                                + attempt + " of " + rt.config.maxAttempts() + ")", e));
                        lost = failure;
                        stale = true;
                        throw failure;
                    }
                    pause(attempt, deadline);
                }
            }
        } finally {
            recovering = false;
        }
    }

    private static void pause(int attempt, long deadline) {
        long nanos = Math.min(TimeUnit.MILLISECONDS.toNanos(50L * attempt), deadline - System.nanoTime());
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A new physical connection with this connection's session state; statements are renewed by the caller. */
    private void reconnect() throws SQLException {
        Connection old = physical;
        generation++;
        Connection c = openValid(old);
        try {
            restoreSession(c);
        } catch (SQLException e) {
            discard(c);
            throw e;
        }
        physical = c;
        stale = false;
    }

    /**
     * A connection from the source that answers. A pool may hand back the dead connection (or another killed one)
     * before it notices, so each is checked ({@code isValid}, one round trip, only on this recovery path) and the dead
     * ones are kept until a live one is found, so that the pool cannot hand them out again meanwhile.
     */
    private Connection openValid(Connection old) throws SQLException {
        ArrayList<Connection> dead = new ArrayList<>(2);
        if (old != null) {
            dead.add(old);
        }
        try {
            for (int i = 0; ; i++) {
                Connection c = source.open();
                dead.add(c);
                if (isValid(c)) {
                    dead.remove(dead.size() - 1);
                    return c;
                }
                if (i >= MAX_DEAD_CONNECTIONS) {
                    throw new SQLNonTransientConnectionException("Kiln got " + (i + 1)
                            + " dead connections in a row from the data source while replaying", "08001");
                }
            }
        } finally {
            dead.forEach(this::discard);
        }
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Gives a dead connection back so that a pool does not hand it out again: abort it, then close it. */
    private void discard(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException | LinkageError ignored) {
            // some pools and drivers do not support abort; close is enough then
        }
        releaseQuietly(c);
    }

    private void restoreSession(Connection c) throws SQLException {
        if (sessionStatements != null) {
            try (Statement s = c.createStatement()) {
                for (String q : sessionStatements) {
                    s.execute(q);
                }
            }
        }
        if (isolation != null) {
            c.setTransactionIsolation(isolation);
        }
        if (readOnly != null) {
            c.setReadOnly(readOnly);
        }
        if (catalog != null) {
            c.setCatalog(catalog);
        }
        if (schema != null) {
            c.setSchema(schema);
        }
        if (holdability != null) {
            c.setHoldability(holdability);
        }
        if (c.getAutoCommit() != autoCommit) {
            c.setAutoCommit(autoCommit);
        }
    }

    private void renewStatements() throws SQLException {
        for (int i = 0; i < open.size(); i++) {
            open.get(i).renew(physical, generation);
        }
    }

    /** Outside a recorded transaction: a new physical connection, nothing to replay. */
    private void refresh() throws SQLException {
        reconnect();
        renewStatements();
    }

    private void releaseQuietly(Connection c) {
        if (c != null) {
            try {
                source.release(c);
            } catch (SQLException | RuntimeException ignored) {
                // it is dead already
            }
        }
    }

    private SQLException transactionLost() {
        return new SQLNonTransientConnectionException("The connection was lost inside this transaction and the "
                + "transaction could not be replayed (see the cause); roll it back and run the unit of work again",
                "08003", lost);
    }

    private void usable() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("Connection is closed", "08003");
        }
        if (lost != null) {
            throw transactionLost();
        }
        if (stale) {
            refresh();
        }
    }

    /** A failed call that has no effect on the database (creating a statement, setting state). */
    private void recoverQuietCall(SQLException e) throws SQLException {
        if (!isDisconnect(e) || recovering) {
            throw e;
        }
        if (autoCommit || log.isEmpty()) {
            refresh();
        } else {
            recover(e);
        }
    }

    // ---- statements

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ReplayStatement.DEFAULT, ReplayStatement.DEFAULT, ReplayStatement.DEFAULT);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, ReplayStatement.DEFAULT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        usable();
        for (;;) {
            try {
                ReplayStatement s = new ReplayStatement(this, null, type, concurrency, holdability);
                s.adoptPhysical(s.newPhysical(physical));
                return track(s);
            } catch (SQLException e) {
                recoverQuietCall(e);
            }
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        usable();
        for (;;) {
            try {
                return track(new ReplayPreparedStatement(this, physical.prepareStatement(sql), sql, null,
                        ReplayStatement.DEFAULT, ReplayStatement.DEFAULT, ReplayStatement.DEFAULT));
            } catch (SQLException e) {
                recoverQuietCall(e);
            }
        }
    }

    private PreparedStatement prepare(String sql, Keys keys, int type, int concurrency, int holdability)
            throws SQLException {
        usable();
        for (;;) {
            try {
                ReplayPreparedStatement s = new ReplayPreparedStatement(this, null, sql, keys, type, concurrency,
                        holdability);
                s.adoptPhysical(s.newPhysical(physical));
                return track(s);
            } catch (SQLException e) {
                recoverQuietCall(e);
            }
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepare(sql, null, type, concurrency, ReplayStatement.DEFAULT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return prepare(sql, null, type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, new Keys(autoGeneratedKeys, null, null), ReplayStatement.DEFAULT, ReplayStatement.DEFAULT,
                ReplayStatement.DEFAULT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepare(sql, new Keys(0, columnIndexes, null), ReplayStatement.DEFAULT, ReplayStatement.DEFAULT,
                ReplayStatement.DEFAULT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepare(sql, new Keys(0, null, columnNames), ReplayStatement.DEFAULT, ReplayStatement.DEFAULT,
                ReplayStatement.DEFAULT);
    }

    private void callableUsed() {
        callable = "it used a CallableStatement (stored procedure calls are not recorded)";
        notReplayable(callable);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        usable();
        callableUsed();
        return physical.prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        usable();
        callableUsed();
        return physical.prepareCall(sql, type, concurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        usable();
        callableUsed();
        return physical.prepareCall(sql, type, concurrency, holdability);
    }

    // ---- transactions

    @Override
    public boolean getAutoCommit() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("Connection is closed", "08003");
        }
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        if (on == autoCommit) {
            if (closed) {
                throw new SQLNonTransientConnectionException("Connection is closed", "08003");
            }
            return;
        }
        if (on && !log.isEmpty()) {
            commit(); // JDBC: switching autocommit on commits the open transaction
        }
        usable();
        try {
            physical.setAutoCommit(on);
            autoCommit = on;
        } catch (SQLException e) {
            if (!isDisconnect(e)) {
                throw e;
            }
            autoCommit = on;
            refresh(); // the new connection gets the new mode
        }
        log.clear();
    }

    /**
     * COMMIT. With a {@linkplain CommitGuard guard}, a writing transaction first inserts its marker row. If COMMIT
     * loses the connection: a transaction that wrote nothing is done; without a guard the outcome is unknown
     * ({@link DbCommitOutcomeUnknownException}); with one, the guard check tells committed (success), not committed
     * (replay on a new connection and COMMIT again) or unknown.
     */
    @Override
    public void commit() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("Connection is closed", "08003");
        }
        if (lost != null) {
            SQLException e = transactionLost();
            lost = null;
            log.clear();
            throw e;
        }
        if (autoCommit) {
            physical.commit(); // the driver reports the misuse
            return;
        }
        if (stale) {
            log.clear();
            return; // the connection died outside any statement of a transaction: nothing to commit
        }
        try {
            commitWithOutcome();
        } finally {
            log.clear();
        }
    }

    private void commitWithOutcome() throws SQLException {
        CommitGuard guard = rt.guard;
        for (int attempt = 1; ; attempt++) {
            String marker = null;
            try {
                if (guard != null && log.writes()) {
                    marker = guard.insertMarker(physical);
                }
            } catch (SQLException e) {
                failedBeforeCommit(e);
                continue;
            }
            try {
                physical.commit();
            } catch (SQLException e) {
                if (isRolledBack(e) || !log.writes() && !isDisconnect(e)) {
                    throw e;
                }
                if (resolveInterruptedCommit(e, marker, attempt)) {
                    return;
                }
                continue;
            }
            if (attempt > 1) {
                rt.metrics.commitsReplayed.increment();
            }
            if (marker != null) {
                try {
                    guard.committed(marker, physical);
                } catch (SQLException e) {
                    stale = isDisconnect(e);
                }
            }
            return;
        }
    }

    /**
     * COMMIT errors that leave the transaction certainly rolled back: serialization failures and deadlocks (class
     * 40) and deferred constraints (class 23). Any other COMMIT error may come with a commit on the server (MariaDB
     * answers a COMMIT interrupted by {@code KILL} with "Query execution was interrupted" although it committed), so
     * its outcome is established like a lost connection's.
     */
    private static boolean isRolledBack(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.startsWith("23"));
    }

    private void failedBeforeCommit(SQLException e) throws SQLException {
        if (!isDisconnect(e)) {
            throw e;
        }
        recover(e); // the marker insert lost the connection: COMMIT was not sent; replay, then try again
    }

    /**
     * @return true if the transaction is known to be committed; false if it is known not to be and was replayed on a
     * new connection (the caller commits again)
     */
    private boolean resolveInterruptedCommit(SQLException e, String marker, int attempt) throws SQLException {
        stale = true;
        if (!log.writes()) {
            return true; // it wrote nothing: committed or not, the database is the same
        }
        if (marker == null) {
            rt.metrics.outcomeUnknown.increment();
            throw new DbCommitOutcomeUnknownException(rt.guard == null
                    ? "no COMMIT guard is configured (ReplayConfig.commitGuard)"
                    : "the transaction could not be marked", e);
        }
        CommitGuard.Outcome outcome = rt.guard.probe(source, marker);
        switch (outcome.state()) {
            case COMMITTED -> {
                rt.metrics.foundCommitted.increment();
                rt.guard.forget(marker);
                return true;
            }
            case NOT_COMMITTED -> {
                String off = log.poison() != null ? log.poison() : callable;
                if (off != null || attempt >= rt.config.maxAttempts()) {
                    e.addSuppressed(new SQLException("The COMMIT guard shows that the transaction did not commit; "
                            + "Kiln did not replay it because " + (off != null ? off
                            : "it already tried " + attempt + " times (ReplayConfig.maxAttempts)")));
                    throw e;
                }
                stale = false;
                replay(e);
                return false;
            }
            default -> {
                rt.metrics.outcomeUnknown.increment();
                DbCommitOutcomeUnknownException u = new DbCommitOutcomeUnknownException(
                        "the COMMIT guard check did not answer (" + outcome.reason() + ")", e);
                if (outcome.error() != null) {
                    u.addSuppressed(outcome.error());
                }
                throw u;
            }
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("Connection is closed", "08003");
        }
        lost = null;
        try {
            if (!stale) {
                physical.rollback();
            }
        } catch (SQLException e) {
            if (!isDisconnect(e) || autoCommit) {
                throw e;
            }
            stale = true; // a lost connection takes its transaction with it: rolled back
        } finally {
            log.clear();
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        usable();
        notReplayable("it used a savepoint (savepoints are not replayed)");
        return physical.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        usable();
        notReplayable("it used a savepoint (savepoints are not replayed)");
        return physical.setSavepoint(name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        usable();
        notReplayable("it rolled back to a savepoint (savepoints are not replayed)");
        physical.rollback(savepoint);
    }

    // ---- session state, kept to restore it on a new connection

    @FunctionalInterface
    private interface StateChange {
        void apply(Connection c) throws SQLException;
    }

    private void change(StateChange change) throws SQLException {
        usable();
        try {
            change.apply(physical);
        } catch (SQLException e) {
            recoverQuietCall(e);
            change.apply(physical);
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        change(c -> c.setTransactionIsolation(level));
        isolation = level;
    }

    @Override
    public void setReadOnly(boolean on) throws SQLException {
        change(c -> c.setReadOnly(on));
        readOnly = on;
    }

    @Override
    public void setCatalog(String name) throws SQLException {
        change(c -> c.setCatalog(name));
        catalog = name;
    }

    @Override
    public void setSchema(String name) throws SQLException {
        change(c -> c.setSchema(name));
        schema = name;
    }

    @Override
    public void setHoldability(int value) throws SQLException {
        change(c -> c.setHoldability(value));
        holdability = value;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return isolation != null ? isolation : physical.getTransactionIsolation();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return readOnly != null ? readOnly : physical.isReadOnly();
    }

    @Override
    public String getCatalog() throws SQLException {
        return catalog != null ? catalog : physical.getCatalog();
    }

    @Override
    public String getSchema() throws SQLException {
        return schema != null ? schema : physical.getSchema();
    }

    @Override
    public int getHoldability() throws SQLException {
        return holdability != null ? holdability : physical.getHoldability();
    }

    // ---- lifecycle

    @Override
    public boolean isClosed() throws SQLException {
        return closed;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        open.clear();
        log.clear();
        // Quietly: the work on this connection is over (an open transaction ends with it), and a connection that
        // cannot be closed cleanly is one the server or the network already killed; the pool finds out on its own.
        // Reporting it would tell the application that finished work failed.
        releaseQuietly(physical);
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        closed = true;
        physical.abort(executor);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        physical.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public String toString() {
        return "ReplayConnection[" + physical + (autoCommit ? ", autocommit" : ", " + log.size() + " recorded")
                + (log.poison() != null ? ", not replayable: " + log.poison() : "") + "]";
    }
}
