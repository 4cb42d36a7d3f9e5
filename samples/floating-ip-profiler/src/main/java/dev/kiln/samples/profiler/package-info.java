/**
 * The floating-IP profiler: nova_poc's floating_ip_update measured per scenario. It lands with issue 10.
 */
package dev.kiln.samples.profiler;
