package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpJdbc;
import dev.kiln.fixtures.nova.FloatingIpValues;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The SQL of floating_ip_update for the ORM-less scenarios ({@code jdbi}, {@code raw_jdbc}): read the whole row by
 * address with the fixtures' {@link FloatingIpJdbc} (as the ORM does, so the floors do the same work), then update the columns nova_poc's {@code values} set
 * plus {@code updated_at}, as oslo.db's {@code onupdate} and Hibernate's {@code @UpdateTimestamp} do.
 */
final class FloatingIpRows {
    static final String SELECT_BY_ADDRESS = FloatingIpJdbc.SELECT_BY_ADDRESS;
    static final String UPDATE_VALUES = "UPDATE floating_ips SET updated_at = ?, fixed_ip_id = NULL, project_id = ?, "
            + "host = ?, interface = ?, pool = ?, auto_assigned = ? WHERE id = ?";

    private FloatingIpRows() {
    }

    /** Binds {@link #UPDATE_VALUES} for {@code ip}, after {@code values} were applied to it. */
    static void bindUpdate(PreparedStatement ps, FloatingIp ip) throws SQLException {
        ps.setTimestamp(1, Timestamp.valueOf(ip.getUpdatedAt()));
        ps.setString(2, ip.getProjectId());
        ps.setString(3, ip.getHost());
        ps.setString(4, ip.getInterface());
        ps.setString(5, ip.getPool());
        ps.setBoolean(6, ip.getAutoAssigned());
        ps.setLong(7, ip.getId());
    }

    /** nova_poc's {@code update(values)} on a detached row, plus the update timestamp. */
    static void apply(FloatingIp ip, FloatingIpValues values) {
        values.applyTo(ip);
        ip.setUpdatedAt(LocalDateTime.now(ZoneOffset.UTC));
    }

    static IllegalStateException missing(String address) {
        return new IllegalStateException("No floating IP with address " + address);
    }
}
