package dev.kiln.benchmarks.errors;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbNonExistentTableException;
import dev.kiln.retry.DbNotNullViolationException;
import org.hibernate.JDBCException;

import static org.assertj.core.api.Assertions.assertThat;

/** Both contenders convert the same real errors, and Kiln's result is an instance of plain Hibernate's. */
class ErrorConversionWorkloadTest {
    @DatabaseTest({Backend.H2, Backend.MARIADB, Backend.POSTGRESQL})
    void kilnAndHibernateConvertTheSameErrors(Backend backend) {
        try (ErrorConversionWorkload w = new ErrorConversionWorkload(backend)) {
            assertThat(w.errorCount()).isEqualTo(3);
            Class<?>[] expected = {DbDuplicateEntryException.class, DbNotNullViolationException.class,
                    DbNonExistentTableException.class};
            for (int i = 0; i < 6; i++) {
                int error = w.nextError();
                JDBCException kiln = w.kiln(error);
                JDBCException hibernate = w.hibernate(error);
                assertThat(kiln).isInstanceOf(expected[error]).isInstanceOf(DbError.class);
                assertThat(hibernate).isNotInstanceOf(DbError.class);
                assertThat(hibernate.getClass().isInstance(kiln)).isTrue();
                assertThat((Throwable) kiln.getSQLException()).isSameAs(hibernate.getSQLException());
            }
        }
    }
}
