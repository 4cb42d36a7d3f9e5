package dev.kiln.samples.profiler.scenarios;

/** nova_poc's {@code fast_save}: {@code default_optimized} with Kiln's single-object save. */
public final class FastSaveScenario extends PendingScenario {
    public FastSaveScenario() {
        super("fast_save", "default_optimized with Kiln FastSave instead of flush",
                "kiln-bulk-save (issue 8) has no FastSave in this build yet");
    }
}
