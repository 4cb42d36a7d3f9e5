package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpJdbc;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import java.sql.Timestamp;

/** The "drop the ORM" floor with a mapper library: Jdbi 3, same SQL as {@code raw_jdbc}, in one Jdbi transaction. */
public final class JdbiScenario implements Scenario {
    private static final RowMapper<FloatingIp> MAPPER = (rs, ctx) -> FloatingIpJdbc.map(rs);

    @Override
    public String name() {
        return "jdbi";
    }

    @Override
    public String description() {
        return "Jdbi 3: SELECT by address mapped by a RowMapper, UPDATE by id, in useTransaction";
    }

    @Override
    public Operation open(ScenarioContext context) {
        Jdbi jdbi = context.jdbi();
        return input -> jdbi.useTransaction(h -> {
            FloatingIp ip = h.createQuery(FloatingIpRows.SELECT_BY_ADDRESS).bind(0, input.address()).map(MAPPER).one();
            FloatingIpRows.apply(ip, input.values());
            try (Update u = h.createUpdate(FloatingIpRows.UPDATE_VALUES)) {
                u.bind(0, Timestamp.valueOf(ip.getUpdatedAt()))
                        .bind(1, ip.getProjectId())
                        .bind(2, ip.getHost())
                        .bind(3, ip.getInterface())
                        .bind(4, ip.getPool())
                        .bind(5, ip.getAutoAssigned().booleanValue())
                        .bind(6, ip.getId().longValue())
                        .execute();
            }
        });
    }
}
