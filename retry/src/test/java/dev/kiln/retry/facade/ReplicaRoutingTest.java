package dev.kiln.retry.facade;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;

import static dev.kiln.retry.facade.Accounts.ledgerRows;
import static dev.kiln.retry.facade.Accounts.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second database plays the replica: readers and async readers reach it, writers (and readers joined to them)
 * never do. Each database holds a marker row the other lacks, and SQL is counted per database.
 */
class ReplicaRoutingTest {

    private static List<String> markers(Session s) {
        return s.createNativeQuery("SELECT txn FROM kiln_ledger ORDER BY txn", String.class).list();
    }

    @DatabaseTest
    void readersReachTheReplicaAndWritersNeverDo(TestDatabase db) {
        SessionFactory primarySf = Accounts.sessionFactory(db);
        Accounts.reset(db);
        db.execute("INSERT INTO kiln_ledger (txn) VALUES ('on-primary')");
        try (TestDatabase replica = TestDatabase.create(db.backend(), "replica")) {
            SessionFactory replicaSf = replica.hibernate().entities(NovaModel.ENTITIES).build();
            Accounts.createTables(replica);
            replica.execute("INSERT INTO kiln_ledger (txn) VALUES ('on-replica')");
            SqlCounter primarySql = db.sql();
            SqlCounter replicaSql = replica.sql();

            // the replica as a SessionFactory for readers, as a DataSource (writer's mapping) for async readers
            TransactionFacade facade = TransactionFacade.builder(primarySf).syncReader(replicaSf)
                    .asyncReader(replica.dataSource()).build();
            TransactionContext ctx = TransactionContext.create();

            primarySql.reset();
            replicaSql.reset();
            assertThat(facade.reader().call(ctx, ReplicaRoutingTest::markers)).containsExactly("on-replica");
            assertThat(facade.asyncReader().call(ctx, ReplicaRoutingTest::markers)).containsExactly("on-replica");
            assertThat(replicaSql.statements()).isEqualTo(2);
            assertThat(replicaSql.rollbacks()).as("readers roll back").isEqualTo(2);
            assertThat(primarySql.statements()).isZero();

            replicaSql.reset();
            facade.writer().run(ctx, s -> {
                assertThat(markers(s)).containsExactly("on-primary");
                record(s, "written");
                // a reader nested in a writer joins it, on the primary
                assertThat(facade.reader().call(ctx, ReplicaRoutingTest::markers)).containsExactly("on-primary", "written");
                assertThat(facade.asyncReader().call(ctx, ReplicaRoutingTest::markers)).contains("written");
            });
            assertThat(replicaSql.statements()).as("writers never reach the replica").isZero();
            assertThat(replicaSql.commits() + replicaSql.rollbacks()).isZero();
            assertThat(primarySql.commits()).isEqualTo(1);
            assertThat(ledgerRows(db, "written")).isEqualTo(1);
            assertThat(ledgerRows(replica, "written")).isZero();

            // independent writers inside readers go to the primary too
            facade.reader().run(ctx, r -> facade.writer().independent().run(ctx, w -> record(w, "independent")));
            assertThat(ledgerRows(db, "independent")).isEqualTo(1);
            assertThat(ledgerRows(replica)).isEqualTo(1);
        }
    }

    @DatabaseTest
    void withoutAnAsyncReplicaAsyncReadersUseTheSyncReplicaAndWithoutReplicasThePrimary(TestDatabase db) {
        SessionFactory primarySf = Accounts.sessionFactory(db);
        Accounts.reset(db);
        db.execute("INSERT INTO kiln_ledger (txn) VALUES ('on-primary')");
        try (TestDatabase replica = TestDatabase.create(db.backend(), "replica")) {
            replica.hibernate().entities(NovaModel.ENTITIES).build();
            Accounts.createTables(replica);
            replica.execute("INSERT INTO kiln_ledger (txn) VALUES ('on-replica')");

            TransactionFacade syncOnly = TransactionFacade.builder(primarySf).syncReader(replica.dataSource()).build();
            assertThat(syncOnly.asyncReader().call(ReplicaRoutingTest::markers)).containsExactly("on-replica");
            assertThat(syncOnly.reader().call(ReplicaRoutingTest::markers)).containsExactly("on-replica");

            TransactionFacade asyncOnly = TransactionFacade.builder(primarySf)
                    .asyncReader(replica.hibernate().entities(NovaModel.ENTITIES)
                            .schema(dev.kiln.fixtures.HibernateBootstrap.Schema.NONE).build()).build();
            assertThat(asyncOnly.asyncReader().call(ReplicaRoutingTest::markers)).containsExactly("on-replica");
            assertThat(asyncOnly.reader().call(ReplicaRoutingTest::markers)).as("readers must see the latest commits")
                    .containsExactly("on-primary");

            TransactionFacade primaryOnly = TransactionFacade.builder(primarySf).build();
            assertThat(primaryOnly.reader().call(ReplicaRoutingTest::markers)).containsExactly("on-primary");
            assertThat(primaryOnly.asyncReader().call(ReplicaRoutingTest::markers)).containsExactly("on-primary");
        }
    }
}
