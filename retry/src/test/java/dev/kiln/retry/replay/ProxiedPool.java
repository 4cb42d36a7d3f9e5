package dev.kiln.retry.replay;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.TcpProxy;
import dev.kiln.fixtures.TestDatabase;

/** A HikariCP pool whose connections go through a {@link TcpProxy} in front of the server of {@code db}. */
final class ProxiedPool {
    private ProxiedPool() {
    }

    static HikariDataSource through(TcpProxy proxy, TestDatabase db, String extraParameters) {
        String url = proxy.rewrite(db.jdbcUrl());
        if (!extraParameters.isEmpty()) {
            url += (url.contains("?") ? "&" : "?") + extraParameters;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName("kiln-replay-proxied-" + db.name());
        HikariDataSource pool = new HikariDataSource(config);
        db.register(pool);
        return pool;
    }

    /** True if the chunk carries a COMMIT (pgjdbc sends {@code COMMIT}, mysql-connector-j {@code commit}). */
    static boolean isCommit(byte[] buffer, int offset, int length) {
        return TcpProxy.contains(buffer, offset, length, "COMMIT") || TcpProxy.contains(buffer, offset, length, "commit");
    }
}
