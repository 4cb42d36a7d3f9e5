/**
 * The built-in scenarios: nova_poc's {@code default} and {@code default_optimized} on plain Hibernate, the floors
 * {@code jdbi} and {@code raw_jdbc}, and one scenario per Kiln feature ({@code fast_save}, {@code baked},
 * {@code fast_save_plus_baked}, {@code bundles}, {@code kiln_all}). Registered in
 * {@code META-INF/services/dev.kiln.samples.profiler.Scenario}.
 */
package dev.kiln.samples.profiler.scenarios;
