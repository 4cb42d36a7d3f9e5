/**
 * The floating-IP profiler: zzzeek's nova_poc ported to Java. It runs Nova's {@code floating_ip_update(address,
 * values)} once per transaction, thousands of times, in each {@link dev.kiln.samples.profiler.Scenario} (plain
 * Hibernate, Hibernate with each Kiln feature, Jdbi, raw JDBC) and reports time, SQL statements, round trips and
 * allocation per operation. {@link dev.kiln.samples.profiler.ProfilerMain} is the command line; new scenarios plug in
 * through {@link java.util.ServiceLoader}.
 */
package dev.kiln.samples.profiler;
