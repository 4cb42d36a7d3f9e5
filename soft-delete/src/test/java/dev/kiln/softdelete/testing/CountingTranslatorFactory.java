package dev.kiln.softdelete.testing;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.select.SelectStatement;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hibernate's SQM translator factory, counting select translations: a query served from the plan cache is not
 * translated again, so the count shows whether the cache is in use. Install with
 * {@code hibernate.query.sqm.translator} = this class's name (Hibernate instantiates it). The count is global: a test
 * resets it, then uses one SessionFactory at a time.
 */
public final class CountingTranslatorFactory extends StandardSqmTranslatorFactory {
    private static final AtomicInteger SELECT_TRANSLATIONS = new AtomicInteger();

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> sqmSelectStatement,
                                                                 QueryOptions queryOptions,
                                                                 DomainParameterXref domainParameterXref,
                                                                 QueryParameterBindings domainParameterBindings,
                                                                 LoadQueryInfluencers loadQueryInfluencers,
                                                                 SqlAstCreationContext creationContext,
                                                                 boolean deduplicateSelectionItems) {
        SELECT_TRANSLATIONS.incrementAndGet();
        return super.createSelectTranslator(sqmSelectStatement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems);
    }

    public static int selectTranslations() {
        return SELECT_TRANSLATIONS.get();
    }

    public static void reset() {
        SELECT_TRANSLATIONS.set(0);
    }
}
