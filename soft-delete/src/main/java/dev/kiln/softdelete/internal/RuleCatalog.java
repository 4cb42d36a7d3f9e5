package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.ContextScope;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.SoftDeletable;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteStyle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which criteria rules apply to which entity of one SessionFactory, and how many SQL shapes the rules can produce.
 *
 * <p>Rules sharing a {@linkplain CriteriaRule#selectorKey() selector key} always choose the same variant, so a
 * session's shape is one number: the variants of the distinct selectors, in mixed radix. Built twice per
 * SessionFactory from the same inputs (once to register one fetch profile per shape while the mapping is built, once
 * when the SessionFactory starts), so the result must only depend on them: entities are visited by name, rules in
 * declaration order.
 */
public final class RuleCatalog {
    /** Shapes beyond this are a configuration error (the product of the selectors' variant counts). */
    static final int MAX_SHAPES = 4096;

    private final Map<String, List<CriteriaRule>> rulesByEntity;
    private final List<Object> selectorKeys;
    private final List<CriteriaRule> selectorRepresentatives;
    private final int[] radix;
    private final int shapeCount;
    private final SoftDeleteConfiguration configuration;

    private RuleCatalog(Map<String, List<CriteriaRule>> rulesByEntity, List<Object> selectorKeys,
                        List<CriteriaRule> representatives, SoftDeleteConfiguration configuration) {
        this.rulesByEntity = rulesByEntity;
        this.selectorKeys = selectorKeys;
        this.selectorRepresentatives = representatives;
        this.configuration = configuration;
        this.radix = new int[selectorKeys.size()];
        long count = 1;
        for (int i = 0; i < radix.length; i++) {
            radix[i] = (int) count;
            count *= representatives.get(i).variantCount();
            if (count > MAX_SHAPES) {
                throw new IllegalStateException("Kiln soft delete: the criteria rules " + representatives
                        + " can produce more than " + MAX_SHAPES + " SQL shapes; share selector keys (use the "
                        + "built-in readDeleted/scope rules) or merge custom rules");
            }
        }
        this.shapeCount = selectorKeys.isEmpty() ? 0 : (int) count;
    }

    /** An entity seen by the catalog: its name and mapped class (and its hierarchy root's name). */
    public record EntityType(String entityName, Class<?> mappedClass, String rootEntityName) {
    }

    /**
     * Builds the catalog.
     *
     * @throws IllegalStateException naming the entity and the fix when the declarations are inconsistent
     */
    public static RuleCatalog build(Collection<EntityType> entities, SoftDeleteConfiguration configuration) {
        List<EntityType> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparing(EntityType::entityName));
        Map<Class<?>, List<CriteriaRule>> annotationRules = new HashMap<>();
        Map<String, List<CriteriaRule>> byEntity = new LinkedHashMap<>();
        Map<Object, Integer> selectorIndex = new LinkedHashMap<>();
        List<Object> selectorKeys = new ArrayList<>();
        List<CriteriaRule> representatives = new ArrayList<>();
        for (EntityType e : sorted) {
            if (e.mappedClass() == null) {
                continue; // dynamic-map entities cannot be matched against rule types
            }
            List<CriteriaRule> rules = rulesOf(e, configuration, annotationRules);
            if (rules.isEmpty()) {
                continue;
            }
            byEntity.put(e.entityName(), List.copyOf(rules));
            for (CriteriaRule r : rules) {
                Integer existing = selectorIndex.get(r.selectorKey());
                if (existing == null) {
                    selectorIndex.put(r.selectorKey(), selectorKeys.size());
                    selectorKeys.add(r.selectorKey());
                    representatives.add(r);
                } else if (representatives.get(existing).variantCount() != r.variantCount()) {
                    throw new IllegalStateException("Kiln soft delete: rules " + representatives.get(existing) + " and "
                            + r + " share the selector " + r.selectorKey() + " but have different variant counts");
                }
            }
        }
        // Rules must cover whole hierarchies: a query on a superclass reads subclass rows with the root's rules.
        for (EntityType e : sorted) {
            if (e.rootEntityName() != null && !e.rootEntityName().equals(e.entityName())) {
                List<CriteriaRule> own = byEntity.getOrDefault(e.entityName(), List.of());
                List<CriteriaRule> root = byEntity.getOrDefault(e.rootEntityName(), List.of());
                if (!own.equals(root)) {
                    throw new IllegalStateException("Kiln soft delete: entity " + e.entityName() + " has the criteria "
                            + own + " but its hierarchy root " + e.rootEntityName() + " has " + root + "; declare "
                            + "criteria on the root entity (or a mapped superclass above it) so they cover the whole "
                            + "hierarchy");
                }
            }
        }
        return new RuleCatalog(byEntity, selectorKeys, representatives, configuration);
    }

    /** True if criteria are declared for instances of {@code mappedClass} (by configuration or annotations). */
    public static boolean declaresRules(Class<?> mappedClass, SoftDeleteConfiguration configuration) {
        if (mappedClass == null) {
            return false;
        }
        for (CriteriaRule r : configuration.rules()) {
            if (r.appliesTo(mappedClass)) {
                return true;
            }
        }
        for (Class<?> c = mappedClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(SoftDeletable.class) || c.isAnnotationPresent(ContextScope.class)) {
                return true;
            }
        }
        return false;
    }

    private static List<CriteriaRule> rulesOf(EntityType e, SoftDeleteConfiguration configuration,
                                              Map<Class<?>, List<CriteriaRule>> annotationRules) {
        List<CriteriaRule> rules = new ArrayList<>();
        for (CriteriaRule r : configuration.rules()) {
            if (r.appliesTo(e.mappedClass())) {
                rules.add(r);
            }
        }
        // Annotations from the top of the class hierarchy down, one rule instance per annotated class.
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = e.mappedClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            rules.addAll(annotationRules.computeIfAbsent(c, RuleCatalog::annotationRulesOf));
        }
        CriteriaRule styleRule = null;
        for (CriteriaRule r : rules) {
            if (r.softDeleteStyle().isPresent()) {
                if (styleRule != null) {
                    throw new IllegalStateException("Kiln soft delete: entity " + e.entityName() + " has two soft-delete "
                            + "declarations, " + styleRule + " and " + r + "; keep one (annotation or configuration)");
                }
                styleRule = r;
            }
        }
        return rules;
    }

    private static List<CriteriaRule> annotationRulesOf(Class<?> c) {
        List<CriteriaRule> rules = new ArrayList<>(2);
        SoftDeletable sd = c.getDeclaredAnnotation(SoftDeletable.class);
        if (sd != null) {
            rules.add(CriteriaRule.readDeleted(c, styleOf(c, sd)));
        }
        ContextScope scope = c.getDeclaredAnnotation(ContextScope.class);
        if (scope != null) {
            CriteriaRule r = CriteriaRule.scope(c, scope.column(), scope.key());
            rules.add(scope.allowNone() ? r.allowNone() : r);
        }
        return rules;
    }

    static SoftDeleteStyle styleOf(Class<?> c, SoftDeletable sd) {
        try {
            return switch (sd.style()) {
                case NOVA -> SoftDeleteStyle.nova(sd.column(), sd.timestampColumn());
                case FLAG -> sd.timestampColumn().isBlank()
                        ? SoftDeleteStyle.flag(sd.column())
                        : SoftDeleteStyle.flag(sd.column()).withTimestamp(sd.timestampColumn());
                case TIMESTAMP -> SoftDeleteStyle.timestamp(sd.timestampColumn());
            };
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Kiln soft delete: @SoftDeletable on " + c.getName() + ": " + ex.getMessage(), ex);
        }
    }

    public boolean isEmpty() {
        return rulesByEntity.isEmpty();
    }

    public SoftDeleteConfiguration configuration() {
        return configuration;
    }

    /** The rules of an entity (empty if none), in application order. */
    public List<CriteriaRule> rulesFor(String entityName) {
        return rulesByEntity.getOrDefault(entityName, List.of());
    }

    public boolean hasRules(String entityName) {
        return rulesByEntity.containsKey(entityName);
    }

    /** Names of the entities that have rules. */
    public java.util.Set<String> entityNames() {
        return rulesByEntity.keySet();
    }

    /** The selector slot of a rule of this catalog. */
    public int selectorOf(CriteriaRule rule) {
        int i = selectorKeys.indexOf(rule.selectorKey());
        if (i < 0) {
            throw new IllegalArgumentException("Rule " + rule + " is not part of this catalog");
        }
        return i;
    }

    public int selectorCount() {
        return selectorKeys.size();
    }

    /** Number of distinct SQL shapes (0 if there are no rules). */
    public int shapeCount() {
        return shapeCount;
    }

    /** The variant of each selector for a context. */
    public int[] selectorValues(CriteriaContext context) {
        int[] values = new int[selectorRepresentatives.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = selectorRepresentatives.get(i).variantFor(context);
        }
        return values;
    }

    public int shapeCode(int[] selectorValues) {
        int code = 0;
        for (int i = 0; i < radix.length; i++) {
            code += selectorValues[i] * radix[i];
        }
        return code;
    }

    /** The variant of selector {@code selector} in shape {@code code}. */
    public int variantIn(int code, int selector) {
        return (code / radix[selector]) % selectorRepresentatives.get(selector).variantCount();
    }

    @Override
    public String toString() {
        return "RuleCatalog{entities=" + rulesByEntity.keySet() + ", selectors=" + selectorKeys + ", shapes="
                + shapeCount + "}";
    }
}
