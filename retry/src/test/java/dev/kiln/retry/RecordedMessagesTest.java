package dev.kiln.retry;

import com.mysql.cj.jdbc.exceptions.MySQLQueryInterruptedException;
import com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException;
import org.hibernate.JDBCException;
import org.hibernate.QueryTimeoutException;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the local servers cannot produce, from RECORDED messages, each marked with where it comes from: MySQL 8's
 * message forms (the test servers run MariaDB), Galera's certification failure (no cluster here), MariaDB's 1927 as
 * the drivers deliver it, and PostgreSQL in German (the server here has no de_DE locale; the texts are PostgreSQL
 * 15's own German catalog, postgres-15.mo, filled in as the server would). The exceptions are the drivers' real
 * classes; the Hibernate comparisons use Hibernate's real dialect converters.
 */
class RecordedMessagesTest {
    private static final String INSERT_PARENT = "insert into parent (d,name,qty,id) values (?,?,?,?)";
    private static final ConstraintCatalog MAPPING = ConstraintCatalog.builder()
            .table("parent", List.of("id", "name", "qty", "d")).table("child", List.of("id", "parent_id"))
            .primaryKey("parent", null, List.of("id"))
            .unique("parent", "uk_parent_name", List.of("name"))
            .check("parent", "chk_qty")
            .foreignKey("child", "fk_child_parent", List.of("parent_id"), "parent", List.of("id"))
            .build();

    private static DbError translate(DbBackend backend, SQLException e, String sql) {
        return DbErrorTranslator.builder(backend).constraints(MAPPING).build().translate(e, sql);
    }

    @Test
    void mysql8DuplicateEntryNamesTheKeyWithItsTable() {
        // recorded: MySQL 8.0.19+ through mysql-connector-j
        SQLException e = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'a' for key 'parent.uk_parent_name'", "23000", 1062);
        DbDuplicateEntryException d = (DbDuplicateEntryException) translate(DbBackend.MYSQL, e, INSERT_PARENT);
        assertThat(d.getReportedConstraintName()).isEqualTo("parent.uk_parent_name");
        assertThat(d.getConstraintName()).isEqualTo("uk_parent_name");
        assertThat(d.getTable()).isEqualTo("parent");
        assertThat(d.getColumns()).containsExactly("name");
        assertThat(d.getValues()).containsExactly("a");

        // without a catalog: the table still comes from the qualifier, the value stays whole
        DbDuplicateEntryException bare = (DbDuplicateEntryException) DbErrors.translate(e, DbBackend.MYSQL);
        assertThat(bare.getTable()).isEqualTo("parent");
        assertThat(bare.getConstraintName()).isEqualTo("uk_parent_name");
        assertThat(bare.getColumns()).isEmpty();
        assertThat(bare.getValues()).containsExactly("a");
    }

    @Test
    void mysqlDuplicateOfACompositeKeySplitsTheValuesWhenUnambiguous() {
        // recorded form (MySQL 8 and MariaDB): values of a multi-column key joined with '-'
        SQLException twoParts = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'host1-vm1' for key 'instances.uniq_instances0host0name'", "23000", 1062);
        DbDuplicateEntryException d = (DbDuplicateEntryException) DbErrors.translate(twoParts, DbBackend.MYSQL);
        assertThat(d.getColumns()).containsExactly("host", "name");
        assertThat(d.getValues()).containsExactly("host1", "vm1");
        SQLException ambiguous = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'host-1-vm1' for key 'uniq_instances0host0name'", "23000", 1062);
        DbDuplicateEntryException a = (DbDuplicateEntryException) DbErrors.translate(ambiguous, DbBackend.MARIADB);
        assertThat(a.getTable()).isEqualTo("instances");
        assertThat(a.getColumns()).containsExactly("host", "name");
        assertThat(a.getValues()).as("a '-' inside a value makes the split ambiguous").isEmpty();
    }

    @Test
    void mysql8CheckAndIncorrectValueForms() {
        // recorded: MySQL 8.0.16+ check violation (MariaDB uses 4025), MySQL's 1366 without the qualified column
        DbCheckViolationException check = (DbCheckViolationException) translate(DbBackend.MYSQL,
                new SQLException("Check constraint 'chk_qty' is violated.", "HY000", 3819), INSERT_PARENT);
        assertThat(check.getConstraintName()).isEqualTo("chk_qty");
        assertThat(check.getTable()).isEqualTo("parent");

        DbDataException data = (DbDataException) translate(DbBackend.MYSQL,
                new SQLException("Incorrect integer value: 'abc' for column 'qty' at row 1", "HY000", 1366), INSERT_PARENT);
        assertThat(data.getProblem()).isEqualTo(DbDataException.Problem.INCORRECT_VALUE);
        assertThat(data.getValue()).isEqualTo("abc");
        assertThat(data.getColumn()).isEqualTo("qty");
        assertThat(data.getTable()).isEqualTo("parent");
    }

    @Test
    void mysql8LockTimeoutAndDisconnectCodes() {
        // recorded: MySQL 8 NOWAIT (3572), max_execution_time (3024), idle disconnect (4031, 8.0.24+)
        assertThat(DbErrors.translate(new SQLException("Statement aborted because lock(s) could not be acquired "
                + "immediately and NOWAIT is set.", "HY000", 3572), DbBackend.MYSQL)).isInstanceOf(DbLockTimeoutException.class);
        assertThat(DbErrors.translate(new SQLException("Query execution was interrupted, maximum statement execution "
                + "time exceeded", "HY000", 3024), DbBackend.MYSQL)).isInstanceOf(DbQueryTimeoutException.class);
        DbError idle = DbErrors.translate(new SQLException("The client was disconnected by the server because of "
                + "inactivity. See wait_timeout and interactive_timeout for configuring this behavior.", "HY000", 4031),
                DbBackend.MYSQL);
        assertThat(idle).isInstanceOf(DbConnectionException.class);
        assertThat(idle.isDisconnect()).isTrue();
    }

    @Test
    void galeraCertificationFailureIsADeadlockAtStatementAndAtCommit() {
        // recorded: MariaDB Galera Cluster through mysql-connector-j
        SQLException wsrep = new MySQLTransactionRollbackException("Deadlock: wsrep aborted transaction", "40001", 1213);
        DbDeadlockException d = (DbDeadlockException) DbErrors.translate(wsrep, DbBackend.MARIADB);
        assertThat(d.getReason()).isEqualTo(DbDeadlockException.Reason.CERTIFICATION_FAILURE);
        assertThat(d.isDeadlock()).isTrue();
        // plain Hibernate gives a LockAcquisitionException too: Kiln adds the reason
        JDBCException plain = HibernateConverters.of(new MariaDBDialect()).convert(wsrep, "commit", null);
        assertThat(plain.getClass().isInstance(d)).isTrue();
        assertThat(plain).isInstanceOf(LockAcquisitionException.class);

        SQLException ordinary = new MySQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertThat(((DbDeadlockException) DbErrors.translate(ordinary, DbBackend.MARIADB)).getReason())
                .isEqualTo(DbDeadlockException.Reason.DEADLOCK);
    }

    @Test
    void mariaDbKilledConnectionIsADisconnectWhateverTheDriverCallsIt() {
        // recorded: 1927 "Connection was killed" (SQLState 70100) as MariaDB Connector/J 3.x throws it (an
        // SQLTimeoutException) and as mysql-connector-j 9 throws it (MySQLQueryInterruptedException)
        SQLException connectorJ = new SQLTimeoutException("(conn=52) Connection was killed", "70100", 1927);
        SQLException mysqlConnectorJ = new MySQLQueryInterruptedException("Connection was killed", "70100", 1927);
        for (SQLException e : List.of(connectorJ, mysqlConnectorJ)) {
            DbConnectionException c = (DbConnectionException) DbErrors.translate(e, DbBackend.MARIADB);
            assertThat(c.isDisconnect()).isTrue();
            assertThat(c.isRefused()).isFalse();
        }
        // what plain Hibernate makes of MariaDB Connector/J's form: a query timeout
        assertThat(HibernateConverters.of(new MariaDBDialect()).convert(connectorJ, "m", null))
                .isInstanceOf(QueryTimeoutException.class);
        // and MySQL 1317 (KILL QUERY) stays a query timeout, as in Hibernate's MySQLDialect
        SQLException interrupted = new MySQLQueryInterruptedException("Query execution was interrupted", "70100", 1317);
        assertThat(DbErrors.translate(interrupted, DbBackend.MYSQL)).isInstanceOf(DbQueryTimeoutException.class);
        assertThat(HibernateConverters.of(new MySQLDialect()).convert(interrupted, "m", null))
                .isInstanceOf(QueryTimeoutException.class);
    }

    @Test
    void postgresInGermanIsReadFromTheStructuredFieldsAndTheKeyShape() {
        DbDuplicateEntryException dup = (DbDuplicateEntryException) DbErrors.translate(pg("23505",
                "doppelter Schlüsselwert verletzt Unique-Constraint »uk_parent_name«",
                "Schlüssel »(name)=(a)« existiert bereits.", "parent", "uk_parent_name", null), DbBackend.POSTGRESQL);
        assertThat(dup.getConstraintName()).isEqualTo("uk_parent_name");
        assertThat(dup.getTable()).isEqualTo("parent");
        assertThat(dup.getColumns()).containsExactly("name");
        assertThat(dup.getValues()).containsExactly("a");

        DbReferenceException missing = (DbReferenceException) DbErrors.translate(pg("23503",
                "Einfügen oder Aktualisieren in Tabelle »child« verletzt Fremdschlüssel-Constraint »fk_child_parent«",
                "Schlüssel (parent_id)=(5) ist nicht in Tabelle »parent« vorhanden.", "child", "fk_child_parent", null),
                DbBackend.POSTGRESQL);
        assertThat(missing.getViolation()).isEqualTo(DbReferenceException.Violation.PARENT_MISSING);
        assertThat(missing.getTable()).isEqualTo("child");
        assertThat(missing.getColumns()).containsExactly("parent_id");
        assertThat(missing.getReferencedTable()).isEqualTo("parent");
        assertThat(missing.getValues()).containsExactly("5");

        DbReferenceException referenced = (DbReferenceException) DbErrors.translate(pg("23503",
                "Aktualisieren oder Löschen in Tabelle »parent« verletzt Fremdschlüssel-Constraint »fk_child_parent« "
                        + "von Tabelle »child«",
                "Auf Schlüssel (id)=(1) wird noch aus Tabelle »child« verwiesen.", "child", "fk_child_parent", null),
                DbBackend.POSTGRESQL);
        assertThat(referenced.getViolation()).isEqualTo(DbReferenceException.Violation.STILL_REFERENCED);
        assertThat(referenced.getTable()).isEqualTo("child");
        assertThat(referenced.getReferencedTable()).isEqualTo("parent");
        assertThat(referenced.getReferencedColumns()).containsExactly("id");
        assertThat(referenced.getValues()).containsExactly("1");

        DbNotNullViolationException notNull = (DbNotNullViolationException) DbErrors.translate(pg("23502",
                "NULL-Wert in Spalte »name« von Relation »parent« verletzt Not-Null-Constraint",
                "Fehlgeschlagene Zeile enthält (4, null, 1, null).", "parent", null, "name"), DbBackend.POSTGRESQL);
        assertThat(notNull.getColumn()).isEqualTo("name");
        assertThat(notNull.getTable()).isEqualTo("parent");
    }

    /** A real pgjdbc exception carrying the server's fields (the wire format: a type letter, the value, NUL). */
    static PSQLException pg(String state, String message, String detail, String table, String constraint, String column) {
        StringBuilder f = new StringBuilder().append("SFEHLER\0VERROR\0C").append(state).append('\0')
                .append('M').append(message).append('\0').append('D').append(detail).append('\0')
                .append("spublic\0").append('t').append(table).append('\0');
        if (constraint != null) {
            f.append('n').append(constraint).append('\0');
        }
        if (column != null) {
            f.append('c').append(column).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(f.toString()));
    }
}
