package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaShape;

/**
 * A session's criteria context, evaluated once against the SessionFactory's {@link RuleCatalog}: the variant every
 * selector chooses, and the resulting SQL shape. Immutable; replaced when the context changes.
 *
 * @param context        the context
 * @param selectorValues variant per selector slot
 * @param shape          the shape key; {@linkplain CriteriaShape#isUniform() uniform} if the context was not set
 *                       on the session (it then is the SessionFactory's default context)
 * @param profileName    the fetch profile carrying the shape into Hibernate's query plan cache key, or null
 */
public record SessionCriteria(CriteriaContext context, int[] selectorValues, CriteriaShape shape, String profileName) {
    /** The variant selector {@code slot} chooses. */
    public int variant(int slot) {
        return selectorValues[slot];
    }
}
