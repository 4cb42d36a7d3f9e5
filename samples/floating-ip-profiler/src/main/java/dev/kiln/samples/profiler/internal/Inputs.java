package dev.kiln.samples.profiler.internal;

import dev.kiln.fixtures.nova.FloatingIpValues;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.samples.profiler.OperationInput;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * nova_poc's inputs: a random existing address per call ({@code random.choice}) and random values. Every (scenario,
 * round) gets its own stream: replaying the values another scenario just wrote would leave Hibernate nothing dirty to
 * update, and the scenarios would no longer do the same work.
 *
 * <p>The first {@value #READ_PROJECTS} projects of the data set are kept for the read path: updates never pick their
 * rows and never move a row into them, so that a listing reads the same rows, with their fixed IPs, all run long.
 * {@link OperationInput#projectId()} is one of them.
 */
public final class Inputs {
    /** Projects whose floating IPs only the read path touches (about a tenth of the rows with 100 projects). */
    public static final int READ_PROJECTS = 10;

    private Inputs() {
    }

    /** {@code count} inputs drawn from the data set, deterministic per {@code seed} and {@code stream}. */
    public static OperationInput[] generate(NovaDataset data, int count, long seed, long stream) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + stream);
        List<String> readProjects = data.projectIds().subList(0, Math.min(READ_PROJECTS, data.projectIds().size() - 1));
        Set<String> reserved = new HashSet<>(readProjects);
        int[] updatable = updatableRows(data, reserved);
        OperationInput[] inputs = new OperationInput[count];
        for (int i = 0; i < count; i++) {
            int row = updatable[random.nextInt(updatable.length)];
            FloatingIpValues values;
            do {
                values = FloatingIpValues.random(random);
            } while (reserved.contains(values.projectId()));
            String readProject = readProjects.isEmpty() ? data.floatingProjects().get(row)
                    : readProjects.get(random.nextInt(readProjects.size()));
            inputs[i] = new OperationInput(data.floatingAddresses().get(row), readProject, values);
        }
        return inputs;
    }

    /** Rows outside the read projects; all rows if that leaves none (a tiny data set). */
    private static int[] updatableRows(NovaDataset data, Set<String> reserved) {
        int n = data.floatingIpCount();
        int[] rows = new int[n];
        int k = 0;
        for (int row = 0; row < n; row++) {
            if (!reserved.contains(data.floatingProjects().get(row))) {
                rows[k++] = row;
            }
        }
        if (k == 0) {
            for (int row = 0; row < n; row++) {
                rows[row] = row;
            }
            return rows;
        }
        return java.util.Arrays.copyOf(rows, k);
    }
}
