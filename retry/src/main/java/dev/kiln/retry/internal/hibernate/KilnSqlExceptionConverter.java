package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.internal.errors.ErrorClassifier;
import org.hibernate.JDBCException;
import org.hibernate.exception.spi.SQLExceptionConverter;

import java.sql.SQLException;

/**
 * The converter Kiln puts into Hibernate's {@code SqlExceptionHelper}: Kiln's rules first, and the dialect's own
 * converter (kept as {@link #original()}) for errors no Kiln rule recognises, so the result is always an instance of
 * what Hibernate would have thrown.
 */
public final class KilnSqlExceptionConverter implements SQLExceptionConverter {
    private static final long serialVersionUID = 1L;
    private final transient ErrorClassifier classifier;
    private final SQLExceptionConverter original;

    KilnSqlExceptionConverter(ErrorClassifier classifier, SQLExceptionConverter original) {
        this.classifier = classifier;
        this.original = original;
    }

    @Override
    public JDBCException convert(SQLException sqlException, String message, String sql) {
        return classifier.translate(sqlException, message, sql, original::convert);
    }

    /** Hibernate's converter that this one wraps. */
    public SQLExceptionConverter original() {
        return original;
    }

    ErrorClassifier classifier() {
        return classifier;
    }

    /** The same converter knowing more constraints (a second SessionFactory on the same service registry). */
    KilnSqlExceptionConverter withMoreConstraints(ConstraintCatalog more) {
        return new KilnSqlExceptionConverter(
                new ErrorClassifier(classifier.backend(), classifier.catalog().merge(more)), original);
    }
}
