package dev.kiln.bakedquery.spi;

import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;

import java.util.Set;
import java.util.function.Function;

/**
 * What a baked query's lambdas built, once per chain of call sites and SessionFactory, as seen by a
 * {@link BakedResultReader}. Readers cache their own per-statement work in {@link #attachment}, and key anything
 * derived from translated SQL by {@link #planKey}.
 *
 * <pre>{@code
 * ViewPlan plan = statement.attachment(ViewPlan.class, s -> ViewPlan.compile(s.hql(), s.sessionFactory()));
 * }</pre>
 */
public interface BakedStatement {
    SessionFactory sessionFactory();

    /** The query as HQL (Hibernate renders criteria to HQL), for readers that run it their own way. */
    String hql();

    /** The result type Hibernate determined for the query ({@code Object[]} for several selections by default). */
    Class<?> resultType();

    /** Names of the query's named parameters. */
    Set<String> parameterNames();

    /**
     * A value cached with this statement, created by {@code factory} the first time it is asked for under
     * {@code key} (thread-safe; the factory runs at most once per key and statement).
     */
    <A> A attachment(Object key, Function<? super BakedStatement, ? extends A> factory);

    /**
     * The part of the plan key that depends on the session (enabled fetch profiles, the soft-delete criteria shape,
     * contributed parts): sessions with equal plan keys get the same SQL from this statement.
     */
    Object planKey(SharedSessionContract session);
}
