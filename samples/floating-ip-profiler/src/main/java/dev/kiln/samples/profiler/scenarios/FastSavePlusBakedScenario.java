package dev.kiln.samples.profiler.scenarios;

/** nova_poc's {@code fast_save_plus_baked}: both Kiln features together. */
public final class FastSavePlusBakedScenario extends PendingScenario {
    public FastSavePlusBakedScenario() {
        super("fast_save_plus_baked", "baked lookup plus FastSave",
                "needs kiln-baked-query (issue 7) and kiln-bulk-save (issue 8), not in this build yet");
    }
}
