package dev.kiln.benchmarks.bulk;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code FastSave.save} vs {@code session.flush()} for one changed FloatingIp in a Session managing 1, 100 and 10,000
 * other entities (see {@link FastSaveWorkload}; a transaction per 50 operations). Lines:
 * {@code ratio fastsave_vs_flush.session<N>.<backend>}, and {@code fastsave_vs_flush.txn_session<N>.<backend>} for
 * the same with a transaction per operation (where Hibernate's commit, linear in the managed entities, is included).
 */
public final class FastSaveRatios implements RatioSuite {
    static final int[] SIZES = {1, 100, 10_000};

    @Override
    public String name() {
        return "fastsave";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        List<Comparison> out = new ArrayList<>();
        for (int n : SIZES) {
            out.add(new Comparison("fastsave_vs_flush.session" + n + "." + backend.id(), "fastsave" + n, "flush" + n));
        }
        for (int n : SIZES) {
            out.add(new Comparison("fastsave_vs_flush.txn_session" + n + "." + backend.id(), "txn_fastsave" + n,
                    "txn_flush" + n));
        }
        return out;
    }

    @Override
    public Trial open(Backend backend) {
        FastSaveWorkload w = new FastSaveWorkload(backend, SIZES);
        FastSaveWorkload perOp;
        try {
            perOp = new FastSaveWorkload(backend, true, SIZES);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        List<Variant> variants = new ArrayList<>();
        for (int n : SIZES) {
            variants.add(Variant.of("fastsave" + n, w.contender(n, true)::update));
            variants.add(Variant.of("flush" + n, w.contender(n, false)::update));
            variants.add(Variant.of("txn_fastsave" + n, perOp.contender(n, true)::update));
            variants.add(Variant.of("txn_flush" + n, perOp.contender(n, false)::update));
        }
        return Trial.of(() -> {
            perOp.close();
            w.close();
        }, variants);
    }
}
