package dev.kiln.retry.facade.internal;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a mode's Sessions come from: a SessionFactory of its own, or the writer's SessionFactory (its mapping) on
 * connections of a replica DataSource.
 */
public abstract class Route {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Route.class);
    private final String description;

    Route(String description) {
        this.description = description;
    }

    /** A Session on its own SessionFactory. */
    public static Route of(SessionFactory sessionFactory, String description) {
        return new Route(description) {
            @Override
            public OpenSession open() {
                Session s = sessionFactory.openSession();
                return new OpenSession(s, null);
            }
        };
    }

    /** A Session of {@code mapping} on a connection of {@code dataSource}, closed with the Session. */
    public static Route of(SessionFactory mapping, DataSource dataSource, String description) {
        return new Route(description) {
            @Override
            public OpenSession open() {
                Connection c;
                try {
                    c = dataSource.getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not get a connection from the " + description, e);
                }
                try {
                    return new OpenSession(mapping.withOptions().connection(c).openSession(), c);
                } catch (RuntimeException e) {
                    closeQuietly(c, e);
                    throw e;
                }
            }
        };
    }

    public abstract OpenSession open();

    @Override
    public String toString() {
        return description;
    }

    private static void closeQuietly(Connection c, Throwable failure) {
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A Session and, for DataSource routes, the connection to give back after it. */
    public static final class OpenSession implements AutoCloseable {
        private final Session session;
        private final Connection connection;

        OpenSession(Session session, Connection connection) {
            this.session = session;
            this.connection = connection;
        }

        public Session session() {
            return session;
        }

        /**
         * Closes the Session and gives the connection back. A failure here never propagates: the transaction has
         * already ended, and an exception now (e.g. releasing a connection the server killed, which H2 refuses)
         * must not replace the unit of work's own outcome nor look retryable. It is logged instead. (With Hibernate's
         * default connection handling the connection is already released when the transaction ends, so after a
         * successful commit this path is defensive; after a failed attempt it is taken, see DisconnectRetryTest.)
         */
        @Override
        public void close() {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not close a Session after its transaction ended (ignored): %s", e);
            } finally {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException e) {
                        // the pool discards a broken connection itself; nothing of the unit of work depends on it
                    }
                }
            }
        }
    }
}
