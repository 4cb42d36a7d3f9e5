package dev.kiln.retry.replay;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,200 small transactions (a read, an insert into a ledger, an update of a balance) on two threads, while a third
 * thread kills random sessions of the pool on the server every few milliseconds ({@code KILL CONNECTION},
 * {@code pg_terminate_backend}, H2's {@code ABORT_SESSION}). Every transaction must end committed exactly once or with
 * a Kiln exception; the final tables are checked against the ledger the workers kept. The two threads share accounts,
 * so a replay whose earlier reads were changed by the other thread must be refused, never applied.
 *
 * <p>MariaDB and PostgreSQL only: H2 2.4's {@code ABORT_SESSION} on a session in the middle of a commit closes the
 * whole in-memory database ("Transaction is closed", a NullPointerException inside H2), after which no connection
 * works; H2 is covered by the deterministic kills between statements in {@link ReplayTest}.
 */
class FaultWorkloadTest {
    static {
        Faults.quiet();
    }

    private static final int THREADS = 2;
    private static final int PER_THREAD = 600;
    private static final int ACCOUNTS = 4;
    private static final int INITIAL = 1_000;

    enum Outcome { COMMITTED, NOT_COMMITTED, UNKNOWN }

    @DatabaseTest({Backend.MARIADB, Backend.POSTGRESQL})
    void everyTransactionCommitsExactlyOnceOrFailsWithAKilnException(TestDatabase db) throws Exception {
        db.execute("DROP TABLE IF EXISTS fw_ledger", "DROP TABLE IF EXISTS fw_account",
                "CREATE TABLE fw_account (id INT NOT NULL PRIMARY KEY, balance INT NOT NULL)",
                "CREATE TABLE fw_ledger (txn_id INT NOT NULL PRIMARY KEY, account INT NOT NULL, amount INT NOT NULL)");
        for (int a = 0; a < ACCOUNTS; a++) {
            db.execute("INSERT INTO fw_account (id, balance) VALUES (" + a + ", " + INITIAL + ")");
        }
        com.zaxxer.hikari.HikariDataSource pool = db.newPool("workload", 10);
        ReplayingDataSource ds = ReplayingDataSource.wrap(pool,
                ReplayConfig.builder().commitGuard(true).maxAttempts(5).build());
        Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        Map<Integer, SQLException> errors = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger kills = new AtomicInteger();

        Thread killer = new Thread(() -> killRandomSessions(db, running, kills), "kiln-killer");
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t * PER_THREAD;
            workers.add(new Thread(() -> {
                for (int i = first; i < first + PER_THREAD; i++) {
                    Outcome o;
                    try {
                        transfer(ds, i);
                        o = Outcome.COMMITTED;
                    } catch (SQLException e) {
                        o = classify(e, failures, unexpected);
                        errors.put(i, e);
                    }
                    outcomes.put(i, o);
                }
            }, "kiln-worker-" + t));
        }
        killer.start();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(TimeUnit.MINUTES.toMillis(5));
            assertThat(w.isAlive()).as("worker still running after 5 minutes").isFalse();
        }
        running.set(false);
        killer.join();

        synchronized (unexpected) {
            unexpected.stream().limit(2).forEach(Throwable::printStackTrace);
            assertThat(unexpected).as("failures that are not Kiln's replay, outcome or disconnect errors").isEmpty();
        }
        assertThat(outcomes).hasSize(THREADS * PER_THREAD);
        java.util.Set<Integer> ledger = new java.util.HashSet<>();
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT txn_id FROM fw_ledger")) {
            while (rs.next()) {
                assertThat(ledger.add(rs.getInt(1))).isTrue();
            }
        }
        outcomes.forEach((txn, o) -> {
            if (o == Outcome.COMMITTED) {
                assertThat(ledger).as("committed transaction %d is in the ledger", txn).contains(txn);
            } else if (o == Outcome.NOT_COMMITTED && ledger.contains(txn)) {
                errors.get(txn).printStackTrace();
                assertThat(ledger).as("failed transaction %d left nothing, but: %s", txn, errors.get(txn))
                        .doesNotContain(txn);
            }
        });
        for (int a = 0; a < ACCOUNTS; a++) {
            long applied = db.queryLong("SELECT COUNT(*) FROM fw_ledger WHERE account = " + a);
            assertThat(db.queryLong("SELECT balance FROM fw_account WHERE id = " + a))
                    .as("account %d: every ledger row applied exactly once", a).isEqualTo(INITIAL + applied);
        }
        ReplayMetrics m = ds.metrics();
        long committed = outcomes.values().stream().filter(o -> o == Outcome.COMMITTED).count();
        System.out.printf("%s: %d transactions, %d committed, kills %d, failures %s, %s%n", db.backend().displayName(),
                outcomes.size(), committed, kills.get(), failures, m);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections leaked").isZero();
        assertThat(kills.get()).as("sessions killed").isGreaterThan(50);
        assertThat(m.replaysSucceeded()).as("replays that hid a kill").isPositive();
        assertThat(committed).isGreaterThan(THREADS * PER_THREAD / 2);
    }

    private static void transfer(ReplayingDataSource ds, int txn) throws SQLException {
        int account = txn % ACCOUNTS;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT balance FROM fw_account WHERE id = ?")) {
                    ps.setInt(1, account);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getInt(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO fw_ledger (txn_id, account, amount) VALUES (?, ?, ?)")) {
                    ps.setInt(1, txn);
                    ps.setInt(2, account);
                    ps.setInt(3, 1);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE fw_account SET balance = balance + ? WHERE id = ?")) {
                    ps.setInt(1, 1);
                    ps.setInt(2, account);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    private static Outcome classify(SQLException e, Map<String, AtomicInteger> failures, List<Throwable> unexpected) {
        String kind;
        Outcome o = Outcome.NOT_COMMITTED;
        if (e instanceof DbCommitOutcomeUnknownException) {
            kind = "outcome unknown";
            o = Outcome.UNKNOWN;
        } else if (e instanceof DbReplayMismatchException) {
            kind = "replay mismatch";
        } else {
            DbError error = DbErrors.translate(e);
            if (error.isDisconnect()) {
                kind = "disconnect";
            } else if (error.isDeadlock()) {
                kind = "deadlock";
            } else {
                kind = "other";
                synchronized (unexpected) {
                    unexpected.add(e);
                }
            }
        }
        failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        return o;
    }

    private static void killRandomSessions(TestDatabase db, AtomicBoolean running, AtomicInteger kills) {
        String list = switch (db.backend()) {
            case MARIADB -> "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                    + "' AND ID <> CONNECTION_ID()";
            case POSTGRESQL -> "SELECT pid FROM pg_stat_activity WHERE datname = '" + db.name()
                    + "' AND pid <> pg_backend_pid()";
            case H2 -> throw new IllegalArgumentException("not on H2 (see the class comment)");
        };
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection admin = db.openConnection(); Statement s = admin.createStatement()) {
            while (running.get()) {
                Thread.sleep(random.nextInt(2, 20));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(list)) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (!ids.isEmpty()) {
                    try {
                        if (db.killConnection(ids.get(random.nextInt(ids.size())))) {
                            kills.incrementAndGet();
                        }
                    } catch (IllegalStateException alreadyGone) {
                        // the session ended between listing and killing
                    }
                }
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("the killer thread failed", e);
        }
    }
}
