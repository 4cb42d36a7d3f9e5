package dev.kiln.softdelete.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an entity's criteria for the session's current context as a native SQL fragment, for queries Hibernate does
 * not translate. Every value (literals included) becomes a parameter, so the fragment needs no dialect knowledge.
 */
public final class NativeCriteriaRenderer {
    /** The rendered fragment: SQL with {@code ?} markers, the values in marker order. */
    public record Rendered(String sql, List<Object> values) {
    }

    private NativeCriteriaRenderer() {
    }

    public static Rendered render(EntityCriteria criteria, SessionCriteria session, String alias) {
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (CompiledRule rule : criteria.rules()) {
            int variant = session.variant(rule.selector());
            String refusal = rule.refusal(variant);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            Node node = rule.variants().get(variant);
            if (!(node instanceof Node.Always)) {
                parts.add(render(node, session, alias, values, rule));
            }
        }
        return new Rendered(parts.isEmpty() ? "1=1" : String.join(" and ", parts), List.copyOf(values));
    }

    private static String render(Node node, SessionCriteria session, String alias, List<Object> values, CompiledRule rule) {
        if (node instanceof Node.Never) {
            return "1=0";
        } else if (node instanceof Node.CompareLiteral c) {
            values.add(c.jdbcValue());
            return column(alias, c.column()) + (c.equal() ? " = ?" : " <> ?");
        } else if (node instanceof Node.CompareContext c) {
            Object value = session.context().valueOrNull(c.key());
            if (value == null) {
                throw new IllegalStateException("Kiln soft delete: rule " + rule.rule().name() + " needs the context "
                        + "value '" + c.key() + "', which the session's context " + session.context() + " lacks");
            }
            values.add(value);
            return column(alias, c.column()) + (c.equal() ? " = ?" : " <> ?");
        } else if (node instanceof Node.NullTest n) {
            return column(alias, n.column()) + (n.negated() ? " is not null" : " is null");
        } else if (node instanceof Node.And a) {
            List<String> parts = new ArrayList<>();
            a.parts().forEach(p -> parts.add(render(p, session, alias, values, rule)));
            return "(" + String.join(" and ", parts) + ")";
        } else if (node instanceof Node.Or o) {
            List<String> parts = new ArrayList<>();
            o.parts().forEach(p -> parts.add(render(p, session, alias, values, rule)));
            return "(" + String.join(" or ", parts) + ")";
        }
        throw new IllegalStateException("Unexpected criteria node " + node);
    }

    private static String column(String alias, Node.ColumnRef column) {
        String name = column.selectable().getSelectionExpression();
        return alias == null || alias.isBlank() ? name : alias + "." + name;
    }
}
