package dev.kiln.retry.facade;

import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The facade tests' tables: {@code kiln_account} rows whose balances count committed increments, and
 * {@code kiln_ledger}, one row per committed unit of work under a unique key (a unit of work committed twice would
 * fail on it). Mapped entities are the Nova model's; these two tables are used with native SQL.
 */
final class Accounts {
    static final int ACCOUNTS = 8;

    private Accounts() {
    }

    static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("facade-accounts", d -> {
            SessionFactory sf = d.hibernate().entities(NovaModel.ENTITIES).poolSize(8).build();
            createTables(d);
            return sf;
        });
    }

    static void createTables(TestDatabase d) {
        d.execute("CREATE TABLE kiln_account (id INT PRIMARY KEY, balance BIGINT NOT NULL)",
                "CREATE TABLE kiln_ledger (txn VARCHAR(64) PRIMARY KEY)");
    }

    static void reset(TestDatabase db) {
        db.execute("DELETE FROM kiln_ledger", "DELETE FROM kiln_account");
        for (int i = 1; i <= ACCOUNTS; i++) {
            db.execute("INSERT INTO kiln_account (id, balance) VALUES (" + i + ", 0)");
        }
    }

    static void bump(Session s, int id) {
        s.createNativeMutationQuery("UPDATE kiln_account SET balance = balance + 1 WHERE id = :id")
                .setParameter("id", id).executeUpdate();
    }

    static void record(Session s, String txn) {
        s.createNativeMutationQuery("INSERT INTO kiln_ledger (txn) VALUES (:t)").setParameter("t", txn).executeUpdate();
    }

    static long ledgerRows(Session s) {
        return ((Number) s.createNativeQuery("SELECT COUNT(*) FROM kiln_ledger", Object.class).getSingleResult())
                .longValue();
    }

    static long ledgerRows(TestDatabase db) {
        return db.queryLong("SELECT COUNT(*) FROM kiln_ledger");
    }

    static long ledgerRows(TestDatabase db, String txn) {
        return db.queryLong("SELECT COUNT(*) FROM kiln_ledger WHERE txn = '" + txn + "'");
    }

    static long balance(TestDatabase db, int id) {
        return db.queryLong("SELECT balance FROM kiln_account WHERE id = " + id);
    }
}
