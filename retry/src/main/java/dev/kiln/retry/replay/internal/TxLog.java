package dev.kiln.retry.replay.internal;

import dev.kiln.retry.replay.ReplayConfig;

import java.util.Arrays;

/**
 * The statements of the open transaction in execution order, with what the application saw of each, bounded by
 * {@link ReplayConfig#maxStatements()} and {@link ReplayConfig#maxBytes()}. Once anything makes the transaction
 * unreplayable ({@link #poison}), recording stops and the steps are dropped until the transaction ends.
 */
final class TxLog {
    private final ReplayConfig config;
    private Step[] steps = new Step[8];
    private int size;
    private long bytes;
    private String poison;
    private boolean writes;
    /** Changes whenever the log is cleared: result digests of an earlier transaction stop recording. */
    private long txId;

    TxLog(ReplayConfig config) {
        this.config = config;
    }

    int size() {
        return size;
    }

    Step get(int i) {
        return steps[i];
    }

    long txId() {
        return txId;
    }

    String poison() {
        return poison;
    }

    boolean writes() {
        return writes;
    }

    boolean isEmpty() {
        return size == 0 && !writes && poison == null;
    }

    void add(Step s) {
        if (poison != null) {
            return;
        }
        if (!s.isRead()) {
            writes = true;
        }
        if (size == config.maxStatements()) {
            poison("it has more than " + config.maxStatements() + " statements (ReplayConfig.maxStatements)");
            return;
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
        }
        steps[size++] = s;
        addBytes(s.bytes());
    }

    /** Marks the transaction as writing (a statement Kiln could not classify as a read ran). */
    void wrote() {
        writes = true;
    }

    void addBytes(long n) {
        bytes += n;
        if (bytes > config.maxBytes() && poison == null) {
            poison("its log grew past " + config.maxBytes() + " bytes (ReplayConfig.maxBytes)");
        }
    }

    void poison(String reason) {
        if (poison == null) {
            poison = reason;
            writes = true; // unknown from here on: assume the worst for COMMIT
            Arrays.fill(steps, 0, size, null);
            size = 0;
        }
    }

    /** The transaction ended (COMMIT, ROLLBACK, autocommit switched): start afresh. */
    void clear() {
        Arrays.fill(steps, 0, size, null);
        if (steps.length > 64) {
            steps = new Step[8];
        }
        size = 0;
        bytes = 0;
        poison = null;
        writes = false;
        txId++;
    }
}
