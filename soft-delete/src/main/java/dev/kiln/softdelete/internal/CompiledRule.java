package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.CriteriaRule;

import java.util.List;

/**
 * One rule compiled for one entity: the selector slot that chooses its variant, and each variant's condition.
 *
 * @param rule     the declared rule
 * @param selector its selector slot in the {@link RuleCatalog}
 * @param variants compiled condition per variant index
 */
public record CompiledRule(CriteriaRule rule, int selector, List<Node> variants) {
    /** True if variant {@code v} restricts rows (is not {@link Node.Always}). */
    public boolean restricts(int v) {
        return !(variants.get(v) instanceof Node.Always);
    }

    /** The refusal message of variant {@code v}, or null if it is a row condition. */
    public String refusal(int v) {
        return variants.get(v) instanceof Node.Refuse r ? r.reason() : null;
    }
}
