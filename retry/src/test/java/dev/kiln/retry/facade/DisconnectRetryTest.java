package dev.kiln.retry.facade;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TcpProxy;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.policy.RetryPolicy;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kiln.retry.facade.Accounts.balance;
import static dev.kiln.retry.facade.Accounts.bump;
import static dev.kiln.retry.facade.Accounts.ledgerRows;
import static dev.kiln.retry.facade.Accounts.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection is lost in the middle of a writer's transaction, killed on the server or cut by a real TCP proxy;
 * with retry-on-disconnect the unit of work completes in a new transaction on a new connection, exactly once.
 */
class DisconnectRetryTest {
    private static final RetryPolicy ON_DISCONNECT = RetryPolicy.builder().retryOnDisconnect(true).maxAttempts(5)
            .initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(100)).build();

    /**
     * On H2 the retry waits longer than HikariCP's 500 ms alive-bypass window: HikariCP does not recognise H2's
     * "session closed" errors as fatal, so the killed connection goes back to the pool and is only validated (and
     * replaced) when it was idle longer than that. MariaDB's and PostgreSQL's errors (08S01, 57P01) evict at once.
     */
    private static RetryPolicy onDisconnect(TestDatabase db) {
        return db.backend() == Backend.H2
                ? ON_DISCONNECT.toBuilder().initialDelay(Duration.ofMillis(600)).maxDelay(Duration.ofMillis(600)).build()
                : ON_DISCONNECT.toBuilder().build();
    }

    private static long serverId(Session s, Backend backend) {
        return s.doReturningWork(c -> TestDatabase.serverConnectionId(c, backend));
    }

    @DatabaseTest
    void aConnectionKilledOnTheServerMidTransactionIsRetriedInANewTransaction(TestDatabase db) {
        TransactionFacade facade = TransactionFacade.builder(Accounts.sessionFactory(db)).build();
        Accounts.reset(db);
        List<Long> serverIds = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        RetryPolicy policy = onDisconnect(db);

        facade.writer().retry(policy).run(s -> {
            sessions.add(s);
            serverIds.add(serverId(s, db.backend()));
            record(s, "unit");
            bump(s, 1);
            if (serverIds.size() == 1) {
                assertThat(db.killConnection(serverIds.get(0))).isTrue();
            }
            bump(s, 2);                                     // the first attempt fails here: the connection is gone
        });

        assertThat(policy.metrics().retries()).isGreaterThanOrEqualTo(1);
        assertThat(sessions).doesNotHaveDuplicates();
        assertThat(serverIds.get(serverIds.size() - 1)).as("the last attempt ran on another server connection")
                .isNotEqualTo(serverIds.get(0));
        assertThat(ledgerRows(db, "unit")).isEqualTo(1);
        assertThat(balance(db, 1)).as("the lost attempt's update is gone with its transaction").isEqualTo(1);
        assertThat(balance(db, 2)).isEqualTo(1);
    }

    @DatabaseTest
    void withoutRetryOnDisconnectTheLossIsThrown(TestDatabase db) {
        TransactionFacade facade = TransactionFacade.builder(Accounts.sessionFactory(db)).build();
        Accounts.reset(db);
        RetryPolicy deadlocksOnly = RetryPolicy.builder().retryOnDeadlock(true).build();
        assertThatThrownBy(() -> facade.writer().retry(deadlocksOnly).run(s -> {
            record(s, "unit");
            db.killConnection(serverId(s, db.backend()));
            bump(s, 1);
        })).isInstanceOf(dev.kiln.retry.DbConnectionException.class).matches(DbErrors::isDisconnect, "is a disconnect");
        assertThat(deadlocksOnly.metrics().attempts()).isEqualTo(1);
        assertThat(ledgerRows(db)).isZero();
    }

    @DatabaseTest({Backend.MARIADB, Backend.POSTGRESQL})
    void aConnectionCutByTheNetworkMidTransactionIsRetriedInANewTransaction(TestDatabase db) {
        Accounts.sessionFactory(db);
        Accounts.reset(db);
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl());
             HikariDataSource pool = pool(db, proxy.rewrite(db.jdbcUrl()))) {
            SessionFactory sf = HibernateBootstrap.on(pool, db.backend()).entities(NovaModel.ENTITIES)
                    .schema(HibernateBootstrap.Schema.NONE).build();
            try (sf) {
                TransactionFacade facade = TransactionFacade.builder(sf).build();
                RetryPolicy policy = ON_DISCONNECT.toBuilder().build();
                List<Session> sessions = new ArrayList<>();
                facade.writer().retry(policy).run(s -> {
                    sessions.add(s);
                    record(s, "unit");
                    bump(s, 1);
                    if (sessions.size() == 1) {
                        assertThat(proxy.cutAll()).isGreaterThanOrEqualTo(1);
                    }
                    bump(s, 2);
                });
                assertThat(policy.metrics().retries()).isGreaterThanOrEqualTo(1);
                assertThat(sessions).doesNotHaveDuplicates();
                assertThat(proxy.acceptedConnections()).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(ledgerRows(db, "unit")).isEqualTo(1);
        assertThat(balance(db, 1)).isEqualTo(1);
        assertThat(balance(db, 2)).isEqualTo(1);
    }

    /**
     * The proxy lets COMMIT through and then cuts the connection: the server may commit, the client never hears
     * whether it did. Retrying could commit the unit of work twice; the facade reports an unknown outcome that no
     * policy retries.
     */
    @DatabaseTest({Backend.MARIADB, Backend.POSTGRESQL})
    void aConnectionLostDuringCommitIsNotRetried(TestDatabase db) {
        Accounts.sessionFactory(db);
        Accounts.reset(db);
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl());
             HikariDataSource pool = pool(db, proxy.rewrite(db.jdbcUrl()))) {
            SessionFactory sf = HibernateBootstrap.on(pool, db.backend()).entities(NovaModel.ENTITIES)
                    .schema(HibernateBootstrap.Schema.NONE).build();
            try (sf) {
                TransactionFacade facade = TransactionFacade.builder(sf).name("committing").build();
                RetryPolicy policy = ON_DISCONNECT.toBuilder().build();
                assertThatThrownBy(() -> facade.writer().retry(policy).run(s -> {
                    record(s, "unit");
                    bump(s, 1);
                    proxy.setInterceptor((dir, conn, buf, off, len) -> dir == TcpProxy.Direction.TO_SERVER
                            && (TcpProxy.contains(buf, off, len, "COMMIT") || TcpProxy.contains(buf, off, len, "commit"))
                            ? TcpProxy.Action.FORWARD_THEN_CUT : TcpProxy.Action.FORWARD);
                })).isInstanceOf(dev.kiln.retry.policy.CommitOutcomeUnknownException.class)
                        .hasMessageContaining("The connection was lost while writer() of committing was committing")
                        .cause().matches(DbErrors::isDisconnect, "a disconnect");
                proxy.setInterceptor(null);
                assertThat(policy.metrics().attempts()).as("not retried").isEqualTo(1);
            }
        }
        // The server may or may not run the COMMIT it got before the connection closed (and may still be running
        // it now): that is the point. One statement reads one snapshot of both tables: all of it, or nothing.
        long snapshot = db.queryLong("SELECT (SELECT COUNT(*) FROM kiln_ledger WHERE txn = 'unit') * 10 "
                + "+ (SELECT balance FROM kiln_account WHERE id = 1)");
        assertThat(snapshot).as("ledger rows * 10 + balance: committed at most once, all or nothing").isIn(0L, 11L);
    }

    private static HikariDataSource pool(TestDatabase db, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
