package dev.kiln.retry.replay.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Where new physical connections come from (a DataSource, a Hibernate ConnectionProvider) and where they go back. */
public interface ConnectionSource {
    Connection open() throws SQLException;

    void release(Connection physical) throws SQLException;
}
