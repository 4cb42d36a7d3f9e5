package dev.kiln.retry.internal.errors;

import java.util.List;

/** MySQL prints a duplicate key's values joined with '-' ({@code Duplicate entry 'host1-vm1' for key ...}). */
final class MySqlValues {
    private MySqlValues() {
    }

    /**
     * Splits the joined value into {@code columns} parts. One column: the whole value. Several: only if the value
     * has exactly that many '-'-separated parts, since a '-' inside a value makes the split ambiguous; else empty.
     * Unknown columns (0): the whole value, which is all that is certain.
     */
    static List<String> split(String joined, int columns) {
        if (columns <= 1) {
            return List.of(joined);
        }
        String[] parts = joined.split("-", -1);
        return parts.length == columns ? List.of(parts) : List.of();
    }
}
