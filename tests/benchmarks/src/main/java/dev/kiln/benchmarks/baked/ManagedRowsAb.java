package dev.kiln.benchmarks.baked;

import dev.kiln.bakedquery.internal.hibernate.ManagedRowAdapter;
import dev.kiln.fixtures.Backend;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** PROTOTYPE A/B: baked lookup with the managed row reader on and off, in one JVM, round-robin. */
public final class ManagedRowsAb {
    public static void main(String[] args) {
        Backend backend = Backend.valueOf(args.length > 0 ? args[0] : "H2");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        long roundNanos = (args.length > 2 ? Long.parseLong(args[2]) : 3) * 1_000_000_000L;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        try (BakedWorkload w = new BakedWorkload(backend)) {
            for (boolean on : new boolean[]{true, false, true, false}) {          // warm-up both paths
                ManagedRowAdapter.enabled = on;
                long end = System.nanoTime() + 8_000_000_000L;
                while (System.nanoTime() < end) {
                    w.baked(w.nextAddress());
                }
            }
            double[] ratio = new double[rounds];
            double[][] ns = new double[2][rounds];
            double[][] bytes = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int v = 0; v < 2; v++) {
                    ManagedRowAdapter.enabled = v == 0;
                    long ops = 0;
                    long b0 = mx.getThreadAllocatedBytes(tid);
                    long t0 = System.nanoTime();
                    long end = t0 + roundNanos;
                    long t;
                    do {
                        for (int i = 0; i < 200; i++) {
                            w.baked(w.nextAddress());
                        }
                        ops += 200;
                        t = System.nanoTime();
                    } while (t < end);
                    ns[v][r] = (double) (t - t0) / ops;
                    bytes[v][r] = (double) (mx.getThreadAllocatedBytes(tid) - b0) / ops;
                }
                ratio[r] = ns[1][r] / ns[0][r];
                System.out.println("fast reads so far " + ManagedRowAdapter.fastReads);
                System.out.printf("round %d: reader %.0f ns %.0f B | hibernate %.0f ns %.0f B | ratio %.3f%n", r,
                        ns[0][r], bytes[0][r], ns[1][r], bytes[1][r], ratio[r]);
            }
            Arrays.sort(ratio);
            for (double[] a : ns) Arrays.sort(a);
            for (double[] a : bytes) Arrays.sort(a);
            System.out.printf("median: reader %.0f ns %.0f B/op, hibernate %.0f ns %.0f B/op, ratio hibernate/reader %.3f%n",
                    ns[0][rounds / 2], bytes[0][rounds / 2], ns[1][rounds / 2], bytes[1][rounds / 2], ratio[rounds / 2]);
        }
    }
}
