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
 * other entities (see {@link FastSaveWorkload}). Lines: {@code ratio fastsave_vs_flush.session<N>.<backend>}.
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
        return out;
    }

    @Override
    public Trial open(Backend backend) {
        FastSaveWorkload w = new FastSaveWorkload(backend, SIZES);
        List<Variant> variants = new ArrayList<>();
        for (int n : SIZES) {
            FastSaveWorkload.Contender fast = w.contender(n, true);
            FastSaveWorkload.Contender flush = w.contender(n, false);
            variants.add(Variant.of("fastsave" + n, fast::update));
            variants.add(Variant.of("flush" + n, flush::update));
        }
        return Trial.of(w, variants);
    }
}
