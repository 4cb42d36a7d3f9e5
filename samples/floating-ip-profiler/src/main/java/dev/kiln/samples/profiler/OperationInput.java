package dev.kiln.samples.profiler;

import dev.kiln.fixtures.nova.FloatingIpValues;

/**
 * The arguments of one operation, generated before measuring so that generating them is not measured: the floating
 * IP to update (nova_poc's random address), the values to write, and a project for read workloads.
 *
 * <pre>{@code
 * OperationInput in = new OperationInput("203.0.113.9", "fake_project_7", FloatingIpValues.random(random));
 * }</pre>
 *
 * @param address   an existing floating IP address
 * @param projectId an existing project id for read workloads that list a project's rows; its rows are never updated
 * @param values    what {@code floating_ip_update} writes
 */
public record OperationInput(String address, String projectId, FloatingIpValues values) {
}
