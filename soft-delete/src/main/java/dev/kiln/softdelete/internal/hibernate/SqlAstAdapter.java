package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.softdelete.internal.CompiledRule;
import dev.kiln.softdelete.internal.EntityCriteria;
import dev.kiln.softdelete.internal.Node;
import dev.kiln.softdelete.internal.RuleCatalog;
import dev.kiln.softdelete.internal.SessionCriteria;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.sql.ast.spi.SqlAstCreationState;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.JdbcLiteral;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.from.TableReference;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.GroupedPredicate;
import org.hibernate.sql.ast.tree.predicate.Junction;
import org.hibernate.sql.ast.tree.predicate.NullnessPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.exec.internal.AbstractJdbcParameter;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.type.BasicType;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adapter over Hibernate's SQL AST ({@code org.hibernate.sql.ast.tree}) and JDBC parameter binding
 * ({@code AbstractJdbcParameter}, internal): turns an entity's compiled criteria into predicates on one table group.
 * {@code SqlAstAdapterTest} pins the SQL it produces.
 *
 * <p>Two renderings:
 * <ul>
 *   <li><b>exact</b>, for SQM translations cached per shape: only the variant the shape chooses, literals as SQL
 *       literals ({@code f.deleted = 0}), context values as parameters ({@code f.project_id = ?}). Index-friendly and
 *       identical to what one would write by hand.</li>
 *   <li><b>uniform</b>, for everything cached regardless of the session (entity and collection loaders, and SQM
 *       translations of sessions without a context): every variant, each guarded by a parameter that binds 1 only
 *       for the session's variant: {@code (?=1 and f.deleted=0 or ?=1 or ?=1 and f.deleted<>0)}. Loaders access rows
 *       by key, so the disjunction costs no index.</li>
 * </ul>
 * Parameter values are never captured at translation time: every Kiln parameter reads the executing session's
 * criteria when the statement binds, so one translated plan serves every session.
 */
public final class SqlAstAdapter {
    private SqlAstAdapter() {
    }

    /** Adds {@code criteria}'s predicates for {@code tableGroup} to {@code predicateConsumer}. */
    public static void apply(EntityCriteria criteria, SoftDeleteRuntime runtime, Consumer<Predicate> predicateConsumer,
                             TableGroup tableGroup, SqlAstCreationState creationState) {
        if (criteria.isEmpty()) {
            return;
        }
        int shape = ShapeChannel.shapeAt(creationState, runtime);
        RuleCatalog catalog = runtime.catalog();
        Builder builder = new Builder(runtime, tableGroup, creationState);
        for (CompiledRule rule : criteria.rules()) {
            Predicate p;
            if (shape >= 0) {
                int variant = catalog.variantIn(shape, rule.selector());
                String refusal = rule.refusal(variant);
                if (refusal != null) {
                    throw new IllegalStateException(refusal);
                }
                p = builder.build(rule.variants().get(variant), rule, variant, true);
            } else {
                p = builder.uniform(rule);
            }
            if (p != null) {
                predicateConsumer.accept(p);
            }
        }
    }

    private static final class Builder {
        private final SoftDeleteRuntime runtime;
        private final TableGroup tableGroup;
        private final SqlAstCreationState state;
        private final BasicType<Integer> integerType;

        Builder(SoftDeleteRuntime runtime, TableGroup tableGroup, SqlAstCreationState state) {
            this.runtime = runtime;
            this.tableGroup = tableGroup;
            this.state = state;
            this.integerType = state.getCreationContext().getSessionFactory().getTypeConfiguration()
                    .getBasicTypeForJavaType(Integer.class);
        }

        /** Every variant of the rule, each behind its guard parameter; null if no variant restricts. */
        Predicate uniform(CompiledRule rule) {
            boolean restricts = false;
            for (int v = 0; v < rule.variants().size(); v++) {
                restricts |= rule.restricts(v);
            }
            if (!restricts) {
                return null;
            }
            List<Predicate> disjuncts = new ArrayList<>();
            for (int v = 0; v < rule.variants().size(); v++) {
                Node node = rule.variants().get(v);
                if (node instanceof Node.Refuse || node instanceof Node.Never) {
                    continue; // no disjunct: the guard parameters of the other variants refuse or bind 0
                }
                Predicate guard = new ComparisonPredicate(new VariantGuardParameter(runtime, rule, v, integerType),
                        ComparisonOperator.EQUAL, one());
                Predicate body = build(node, rule, v, false);
                if (body == null) {
                    disjuncts.add(guard);
                } else {
                    Junction both = new Junction(Junction.Nature.CONJUNCTION);
                    both.add(guard);
                    both.add(body);
                    disjuncts.add(both);
                }
            }
            if (disjuncts.isEmpty()) {
                // Only refusing / empty variants: a guard that is never 1, but still refuses when it binds.
                return new ComparisonPredicate(new VariantGuardParameter(runtime, rule, -1, integerType),
                        ComparisonOperator.EQUAL, one());
            }
            if (disjuncts.size() == 1) {
                return disjuncts.get(0);
            }
            Junction or = new Junction(Junction.Nature.DISJUNCTION);
            disjuncts.forEach(or::add);
            return new GroupedPredicate(or);
        }

        /** A variant's condition; null for no restriction. */
        Predicate build(Node node, CompiledRule rule, int variant, boolean exact) {
            if (node instanceof Node.Always) {
                return null;
            } else if (node instanceof Node.Never) {
                return new ComparisonPredicate(one(), ComparisonOperator.EQUAL, new JdbcLiteral<>(0, integerType));
            } else if (node instanceof Node.CompareLiteral c) {
                JdbcMapping mapping = c.column().selectable().getJdbcMapping();
                return new ComparisonPredicate(column(c.column()), operator(c.equal()),
                        new JdbcLiteral<>(c.jdbcValue(), mapping));
            } else if (node instanceof Node.CompareContext c) {
                JdbcMapping mapping = c.column().selectable().getJdbcMapping();
                return new ComparisonPredicate(column(c.column()), operator(c.equal()),
                        new ContextValueParameter(runtime, rule, variant, exact, c.key(), mapping));
            } else if (node instanceof Node.NullTest n) {
                return new NullnessPredicate(column(n.column()), n.negated());
            } else if (node instanceof Node.And a) {
                Junction j = new Junction(Junction.Nature.CONJUNCTION);
                a.parts().forEach(p -> j.add(build(p, rule, variant, exact)));
                return j;
            } else if (node instanceof Node.Or o) {
                Junction j = new Junction(Junction.Nature.DISJUNCTION);
                o.parts().forEach(p -> j.add(build(p, rule, variant, exact)));
                return new GroupedPredicate(j);
            }
            throw new IllegalStateException("Refusals are handled by the caller: " + node);
        }

        private Expression column(Node.ColumnRef column) {
            // No navigable path: for a many-to-many, the element table sits in a table group below the collection's.
            TableReference table = tableGroup.resolveTableReference(null,
                    column.selectable().getContainingTableExpression());
            return state.getSqlExpressionResolver().resolveSqlExpression(table, column.selectable());
        }

        private JdbcLiteral<Integer> one() {
            return new JdbcLiteral<>(1, integerType);
        }

        private static ComparisonOperator operator(boolean equal) {
            return equal ? ComparisonOperator.EQUAL : ComparisonOperator.NOT_EQUAL;
        }
    }

    /** Base of Kiln's parameters: bound from the executing session, never from the statement's bindings. */
    private abstract static class SessionBoundParameter extends AbstractJdbcParameter {
        final SoftDeleteRuntime runtime;
        final CompiledRule rule;

        SessionBoundParameter(JdbcMapping mapping, SoftDeleteRuntime runtime, CompiledRule rule) {
            super(mapping);
            this.runtime = runtime;
            this.rule = rule;
        }

        @Override
        public void bindParameterValue(PreparedStatement statement, int startPosition,
                                       JdbcParameterBindings jdbcParameterBindings, ExecutionContext executionContext)
                throws SQLException {
            SharedSessionContractImplementor session = executionContext.getSession();
            refuseResultCaching(executionContext, session);
            JdbcMapping mapping = getJdbcMapping();
            Object value = mapping.convertToRelationalValue(valueFor(runtime.criteriaOf(session), session));
            //noinspection unchecked
            ((org.hibernate.type.descriptor.ValueBinder<Object>) mapping.getJdbcValueBinder())
                    .bind(statement, value, startPosition, session);
        }

        /** The domain value to bind for the session's criteria. */
        abstract Object valueFor(SessionCriteria criteria, SharedSessionContractImplementor session);

        /**
         * Hibernate's query result cache keys results by SQL text and query parameters only, so results of one
         * project would be served to another: refuse instead.
         */
        private void refuseResultCaching(ExecutionContext executionContext, SharedSessionContractImplementor session) {
            QueryOptions options = executionContext.getQueryOptions();
            if (options != null && Boolean.TRUE.equals(options.isResultCachingEnabled())
                    && session.getFactory().getSessionFactoryOptions().isQueryCacheEnabled()) {
                throw new IllegalStateException("Kiln soft delete: the query result cache cannot be used for queries on "
                        + rule.rule().declaredOn().getSimpleName() + " while its criteria depend on the session's "
                        + "context (the cache key would not include the context); do not mark this query cacheable");
            }
        }
    }

    /** Binds 1 if the session's criteria choose this parameter's variant of the rule, else 0; refuses refused variants. */
    static final class VariantGuardParameter extends SessionBoundParameter {
        private final int variant;

        VariantGuardParameter(SoftDeleteRuntime runtime, CompiledRule rule, int variant, BasicType<Integer> type) {
            super(type, runtime, rule);
            this.variant = variant;
        }

        @Override
        Object valueFor(SessionCriteria criteria, SharedSessionContractImplementor session) {
            int current = criteria.variant(rule.selector());
            String refusal = rule.refusal(current);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            return current == variant ? 1 : 0;
        }

        @Override
        public String toString() {
            return "KilnVariantGuard(" + rule.rule().name() + "=" + variant + ")";
        }
    }

    /** Binds a value of the session's context; in an exact plan, first checks the plan was made for this shape. */
    static final class ContextValueParameter extends SessionBoundParameter {
        private final int variant;
        private final boolean exact;
        private final String key;

        ContextValueParameter(SoftDeleteRuntime runtime, CompiledRule rule, int variant, boolean exact, String key,
                              JdbcMapping mapping) {
            super(mapping, runtime, rule);
            this.variant = variant;
            this.exact = exact;
            this.key = key;
        }

        @Override
        Object valueFor(SessionCriteria criteria, SharedSessionContractImplementor session) {
            int current = criteria.variant(rule.selector());
            if (current != variant) {
                if (exact) {
                    // A plan translated for another shape reached this session: never bind, never guess.
                    throw new IllegalStateException("Kiln soft delete: a statement translated for rule "
                            + rule.rule().name() + " variant " + variant + " ran in a session whose context chooses "
                            + "variant " + current + " (" + criteria.context() + "); this is a bug in plan caching");
                }
                return null; // inactive disjunct of a uniform predicate; its guard is 0
            }
            Object value = criteria.context().valueOrNull(key);
            if (value == null) {
                throw new IllegalStateException("Kiln soft delete: rule " + rule.rule().name() + " needs the context "
                        + "value '" + key + "', which the session's context " + criteria.context() + " lacks");
            }
            try {
                return getJdbcMapping().getJavaTypeDescriptor().wrap(value, session);
            } catch (RuntimeException ex) {
                throw new IllegalStateException("Kiln soft delete: context value '" + key + "' = " + value + " ("
                        + value.getClass().getSimpleName() + ") cannot be bound to a column of type "
                        + getJdbcMapping().getJavaTypeDescriptor().getJavaTypeClass().getSimpleName(), ex);
            }
        }

        @Override
        public String toString() {
            return "KilnContextValue(" + key + ")";
        }
    }
}
