package dev.kiln.benchmarks.errors;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The cost of Kiln's exception rewriting on the error path, against plain Hibernate's conversion of the same real
 * SQLExceptions. Kiln does more (reads fields, normalizes names, looks the constraint up), so values below 1 are
 * its price per error. Line: {@code ratio kiln_vs_hibernate.error_conversion.<backend>}.
 */
public final class ErrorConversionRatios implements RatioSuite {
    @Override
    public String name() {
        return "error_conversion";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.allOf(Backend.class);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        return List.of(new Comparison("kiln_vs_hibernate.error_conversion." + backend.id(), "kiln", "hibernate"));
    }

    @Override
    public Trial open(Backend backend) {
        ErrorConversionWorkload w = new ErrorConversionWorkload(backend);
        return Trial.of(w, List.of(
                Variant.of("kiln", () -> w.kiln(w.nextError())),
                Variant.of("hibernate", () -> w.hibernate(w.nextError()))));
    }
}
