package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.Condition;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.type.descriptor.WrapperOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The criteria of one entity, compiled against its mapping: what Kiln adds to every table group of the entity.
 * Immutable; built once per entity persister.
 */
public final class EntityCriteria {
    private final String entityName;
    private final List<CompiledRule> rules;
    private final Map<String, Node.ColumnRef> columns;
    private final CompiledRule softDeleteRule;

    private EntityCriteria(String entityName, List<CompiledRule> rules, Map<String, Node.ColumnRef> columns) {
        this.entityName = entityName;
        this.rules = rules;
        this.columns = columns;
        this.softDeleteRule = rules.stream().filter(r -> r.rule().softDeleteStyle().isPresent()).findFirst().orElse(null);
    }

    /**
     * Compiles the catalog's rules for {@code entity}.
     *
     * @throws IllegalStateException naming the entity and column if a rule refers to a column the entity lacks
     */
    public static EntityCriteria compile(EntityMappingType entity, RuleCatalog catalog, WrapperOptions wrapperOptions) {
        Map<String, Node.ColumnRef> columns = columnsOf(entity);
        List<CompiledRule> compiled = new ArrayList<>();
        for (CriteriaRule rule : catalog.rulesFor(entity.getEntityName())) {
            List<Node> variants = new ArrayList<>(rule.variantCount());
            for (int v = 0; v < rule.variantCount(); v++) {
                variants.add(rule.condition(v).accept(new Compiler(entity.getEntityName(), rule, columns, wrapperOptions)));
            }
            compiled.add(new CompiledRule(rule, catalog.selectorOf(rule), List.copyOf(variants)));
        }
        EntityCriteria criteria = new EntityCriteria(entity.getEntityName(), List.copyOf(compiled), columns);
        criteria.softDeleteStyle().ifPresent(style -> criteria.validateStyleColumns(style));
        return criteria;
    }

    private static Map<String, Node.ColumnRef> columnsOf(EntityMappingType entity) {
        Map<String, Node.ColumnRef> columns = new LinkedHashMap<>();
        entity.getIdentifierMapping().forEachSelectable((i, s) -> put(columns, s, null));
        entity.forEachAttributeMapping(a -> a.forEachSelectable((i, s) -> put(columns, s,
                a.asBasicValuedModelPart() != null ? a.getAttributeName() : null)));
        return columns;
    }

    private static void put(Map<String, Node.ColumnRef> columns, SelectableMapping s, String attributeName) {
        if (!s.isFormula()) {
            String key = normalize(s.getSelectionExpression());
            columns.putIfAbsent(key, new Node.ColumnRef(s.getSelectionExpression(), s, attributeName));
        }
    }

    static String normalize(String column) {
        String c = column.strip();
        if (c.length() > 1 && "`\"[".indexOf(c.charAt(0)) >= 0) {
            c = c.substring(1, c.length() - 1);
        }
        return c.toLowerCase(Locale.ROOT);
    }

    public String entityName() {
        return entityName;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The soft-delete rule, if the entity has one. */
    public Optional<CompiledRule> softDeleteRule() {
        return Optional.ofNullable(softDeleteRule);
    }

    public Optional<SoftDeleteStyle> softDeleteStyle() {
        return softDeleteRule == null ? Optional.empty() : softDeleteRule.rule().softDeleteStyle();
    }

    /** The resolved column, or empty. */
    public Optional<Node.ColumnRef> column(String name) {
        return Optional.ofNullable(columns.get(normalize(name)));
    }

    private void validateStyleColumns(SoftDeleteStyle style) {
        for (String c : new String[] {style.deletedColumn().orElse(null), style.timestampColumn().orElse(null)}) {
            if (c != null && column(c).map(Node.ColumnRef::attributeName).isEmpty()) {
                throw new IllegalStateException("Kiln soft delete: entity " + entityName + " declares the soft-delete "
                        + "style " + style + " but column '" + c + "' is not mapped by a basic attribute of it; map the "
                        + "column (e.g. extend SoftDeleteMixin) or fix the column name");
            }
        }
    }

    /** Resolves column names and converts literals; folds trivial and/or. */
    private static final class Compiler implements Condition.Visitor<Node> {
        private final String entityName;
        private final CriteriaRule rule;
        private final Map<String, Node.ColumnRef> columns;
        private final WrapperOptions wrapperOptions;

        Compiler(String entityName, CriteriaRule rule, Map<String, Node.ColumnRef> columns, WrapperOptions wrapperOptions) {
            this.entityName = entityName;
            this.rule = rule;
            this.columns = columns;
            this.wrapperOptions = wrapperOptions;
        }

        private Node.ColumnRef column(String name) {
            Node.ColumnRef c = columns.get(normalize(name));
            if (c == null) {
                throw new IllegalStateException("Kiln soft delete: rule " + rule.name() + " (declared on "
                        + rule.declaredOn().getName() + ") uses column '" + name + "', which entity " + entityName
                        + " does not map; mapped columns are " + columns.values().stream().map(Node.ColumnRef::name).toList());
            }
            return c;
        }

        @Override
        public Node always() {
            return Node.ALWAYS;
        }

        @Override
        public Node never() {
            return Node.NEVER;
        }

        @Override
        public Node refuse(String reason) {
            return new Node.Refuse(reason);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Node compareToLiteral(String column, boolean equal, Object literal) {
            Node.ColumnRef c = column(column);
            JdbcMapping mapping = c.selectable().getJdbcMapping();
            Object jdbcValue;
            try {
                Object domain = mapping.getJavaTypeDescriptor().wrap(literal, wrapperOptions);
                jdbcValue = ((JdbcMapping) mapping).convertToRelationalValue(domain);
            } catch (RuntimeException ex) {
                throw new IllegalStateException("Kiln soft delete: rule " + rule.name() + " compares column '" + column
                        + "' of " + entityName + " with " + literal + " (" + literal.getClass().getSimpleName()
                        + "), which cannot be converted to the column's type "
                        + mapping.getJavaTypeDescriptor().getJavaTypeClass().getSimpleName(), ex);
            }
            return new Node.CompareLiteral(c, equal, jdbcValue);
        }

        @Override
        public Node compareToContextValue(String column, boolean equal, String key) {
            return new Node.CompareContext(column(column), equal, key);
        }

        @Override
        public Node isNull(String column, boolean negated) {
            return new Node.NullTest(column(column), negated);
        }

        @Override
        public Node and(List<Condition> parts) {
            return Node.and(parts.stream().map(p -> p.accept(this)).toList());
        }

        @Override
        public Node or(List<Condition> parts) {
            return Node.or(parts.stream().map(p -> p.accept(this)).toList());
        }
    }
}
