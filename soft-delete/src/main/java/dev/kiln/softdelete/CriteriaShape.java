package dev.kiln.softdelete;

/**
 * Identifies the SQL a session's criteria produce, for caches of translated queries: two sessions with equal shapes
 * get the same SQL text from the same query (the values of context parameters such as the project may differ; they
 * are bound when the statement runs). Obtain it with {@link SoftDelete#shapeKey}; include it in the key of any cache
 * that keeps translated SQL across sessions.
 *
 * <pre>{@code
 * record PlanKey(Object callSite, CriteriaShape shape) {}
 * plans.get(new PlanKey(site, SoftDelete.shapeKey(session)), k -> translate(...));
 * }</pre>
 *
 * Sessions without a context set through {@link SoftDelete#setContext} share the {@link #isUniform() uniform}
 * shape: their SQL carries every variant and selects one with parameters bound per execution.
 *
 * @param code          the shape number within its SessionFactory, or -1 for the uniform shape
 * @param factoryUuid   the SessionFactory's UUID (shapes of different factories never compare equal)
 */
public record CriteriaShape(int code, String factoryUuid) {
    /** The shape of sessions without a context: the SQL selects the variant with parameters. */
    public boolean isUniform() {
        return code < 0;
    }
}
