package dev.kiln.benchmarks.bundles;

import java.time.LocalDateTime;

/**
 * A row of {@code fixed_ips} as a record: what the {@code select new} contender builds through Hibernate and the
 * Jdbi and raw JDBC contenders build by hand. Same columns a FixedIp bundle reads.
 */
public record FixedIpRow(Long id, String address, Integer networkId, Integer virtualInterfaceId, String instanceUuid,
                         Boolean allocated, Boolean leased, Boolean reserved, String host, LocalDateTime createdAt,
                         LocalDateTime updatedAt, LocalDateTime deletedAt, Long deleted) {
    static final String SQL = "select id, address, network_id, virtual_interface_id, instance_uuid, allocated, leased, "
            + "reserved, host, created_at, updated_at, deleted_at, deleted from fixed_ips";

    static final String HQL = "select new dev.kiln.benchmarks.bundles.FixedIpRow(e.id, e.address, e.networkId, "
            + "e.virtualInterfaceId, e.instance.uuid, e.allocated, e.leased, e.reserved, e.host, e.createdAt, e.updatedAt, "
            + "e.deletedAt, e.deleted) from FixedIp e";
}
