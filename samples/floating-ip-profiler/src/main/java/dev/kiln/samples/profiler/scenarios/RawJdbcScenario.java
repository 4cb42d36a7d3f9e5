package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpJdbc;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The floor: one connection from the same pool, autocommit off, SELECT the row by address (mapped to a
 * {@link FloatingIp} as the ORM would), UPDATE it, COMMIT. No ORM, no mapper library.
 */
public final class RawJdbcScenario implements Scenario {
    @Override
    public String name() {
        return "raw_jdbc";
    }

    @Override
    public String description() {
        return "hand-written JDBC: SELECT by address, UPDATE by id, COMMIT";
    }

    @Override
    public Operation open(ScenarioContext context) {
        DataSource ds = context.dataSource();
        return input -> {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    FloatingIp ip;
                    try (PreparedStatement ps = c.prepareStatement(FloatingIpRows.SELECT_BY_ADDRESS)) {
                        ps.setString(1, input.address());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw FloatingIpRows.missing(input.address());
                            }
                            ip = FloatingIpJdbc.map(rs);
                        }
                    }
                    FloatingIpRows.apply(ip, input.values());
                    try (PreparedStatement ps = c.prepareStatement(FloatingIpRows.UPDATE_VALUES)) {
                        FloatingIpRows.bindUpdate(ps, ip);
                        ps.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        };
    }
}
