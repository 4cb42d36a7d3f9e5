package dev.kiln.bundles;

import dev.kiln.bakedquery.spi.BakedResultReader;
import dev.kiln.bakedquery.spi.BakedStatement;
import dev.kiln.bundles.internal.BundleEngine;
import dev.kiln.bundles.internal.EntityLayout;
import dev.kiln.bundles.internal.EntityQueryRewriter;
import dev.kiln.bundles.internal.SelectPlan;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Bundles as the rows of baked queries ({@code kiln-baked-query}, an optional dependency of this module): the baked
 * query still runs its lambdas once per call site; its HQL is turned once per baked statement into the bundle query
 * of the entity (same joins, where, order and parameters, the bundle's select list), cached on the statement, and
 * each call binds its parameters and reads bundles.
 *
 * <pre>{@code
 * static final Bakery BAKERY = Bakery.create();
 *
 * List<FixedIp> ips = BAKERY.hql(FixedIp.class, () -> "from FixedIp where host = :host order by id")
 *         .on(session).param("host", host)
 *         .read(BakedBundles.of(FixedIp.class));
 * }</pre>
 *
 * The rewritten query is HQL that Hibernate translates and caches per criteria shape (soft delete), like any bundle
 * query, so nothing derived from translated SQL is kept and no plan key is needed.
 */
public final class BakedBundles {
    private BakedBundles() {
    }

    /** A reader returning full bundles of {@code type}; the baked query must select {@code type} entities. */
    public static <E> BakedResultReader<E> of(Class<E> type) {
        return new Reader<>(type);
    }

    private record Key(Class<?> type) {
    }

    private record Reader<E>(Class<E> type) implements BakedResultReader<E> {
        @Override
        public List<E> read(SharedSessionContract session, BakedStatement statement, Map<String, Object> parameters) {
            SharedSessionContractImplementor s = Bundles.implementor(session);
            BundleEngine engine = BundleEngine.of(s.getFactory());
            EntityLayout layout = engine.layout(type);
            SelectPlan plan = engine.plan(layout, layout.allLoaded(), List.of());
            String hql = statement.attachment(new Key(type),
                    st -> EntityQueryRewriter.rewrite(s.getFactory(), st.hql(), plan));
            SelectionQuery<Object[]> query = s.createSelectionQuery(hql, Object[].class);
            for (Map.Entry<String, Object> p : parameters.entrySet()) {
                String name = p.getKey();
                Object value = p.getValue();
                if (name.startsWith("?")) {
                    int position = Integer.parseInt(name.substring(1));
                    if (value instanceof Collection<?> c) {
                        query.setParameterList(position, c);
                    } else {
                        query.setParameter(position, value);
                    }
                } else if (value instanceof Collection<?> c) {
                    query.setParameterList(name, c);
                } else {
                    query.setParameter(name, value);
                }
            }
            return engine.execute(s, plan, query, false);
        }
    }
}
