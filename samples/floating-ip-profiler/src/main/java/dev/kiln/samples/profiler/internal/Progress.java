package dev.kiln.samples.profiler.internal;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second; on a non-terminal (CI logs) it prints one
 * line per task instead of redrawing. Thread-safe.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private String label = "";
    private long total;
    private long lastDraw;
    private boolean open;

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A progress bar on stderr, redrawing only when a console is attached. */
    public static Progress stderr() {
        return new Progress(System.err, System.console() != null);
    }

    /** Starts a task of {@code totalUnits} units. */
    public synchronized void start(String taskLabel, long totalUnits) {
        finish();
        this.label = taskLabel;
        this.total = Math.max(1, totalUnits);
        this.lastDraw = 0;
        this.open = true;
        if (terminal) {
            draw(0);
        } else {
            out.println("  " + taskLabel + " ...");
        }
    }

    /** Reports {@code done} units of the current task. */
    public void update(long done) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        synchronized (this) {
            if (open) {
                lastDraw = now;
                draw(done);
            }
        }
    }

    /** Ends the current task (draws it complete). */
    public synchronized void finish() {
        if (open && terminal) {
            draw(total);
            out.println();
        }
        open = false;
    }

    private void draw(long done) {
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        StringBuilder sb = new StringBuilder(80).append('\r').append('[');
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append("] ").append(String.format("%3d%%", Math.min(100, done * 100 / total))).append(' ').append(label);
        out.print(sb);
        out.flush();
    }
}
