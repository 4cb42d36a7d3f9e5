package dev.kiln.samples.profiler;

/**
 * One run of the profiled unit of work (one transaction). Must be thread-safe when the profiler runs with more than
 * one worker: keep per-call state on the stack, shared state in thread-safe objects (SessionFactory, DataSource).
 *
 * <pre>{@code
 * Operation op = input -> sessionFactory.inTransaction(s -> ... input.address() ...);
 * }</pre>
 */
@FunctionalInterface
public interface Operation extends AutoCloseable {
    /** Runs one transaction for {@code input}; throws if it could not (the profiler stops and reports it). */
    void run(OperationInput input) throws Exception;

    /** Releases what {@link Scenario#open} made; SessionFactories from the context are closed by the profiler. */
    @Override
    default void close() {
    }
}
