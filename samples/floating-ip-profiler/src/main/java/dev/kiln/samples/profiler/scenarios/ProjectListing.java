package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.samples.profiler.Operation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The read path of the {@code list} workload: in one read transaction, list a project's floating IPs and read each
 * one's address, its fixed IP's address and that fixed IP's instance's host, as a Nova API listing would. Every
 * {@code list} scenario runs this template with its own {@link Reader}.
 */
final class ProjectListing {
    /** The query: the project's floating IPs with {@code fixedIp} and {@code fixedIp.instance} reachable. */
    @FunctionalInterface
    interface Reader {
        List<FloatingIp> list(Session session, String projectId);
    }

    /** What every scenario of the {@code list} workload shares: its name, cost and peer. */
    abstract static class ListScenario implements dev.kiln.samples.profiler.Scenario {
        @Override
        public final String workload() {
            return "list";
        }

        /** A listing reads about 100 rows with two joins: about ten updates' worth. */
        @Override
        public final int relativeCost() {
            return 10;
        }

        @Override
        public final String peer() {
            return ListHibernateScenario.NAME;
        }
    }

    /** Keeps the JIT from discarding reads whose values nothing uses. */
    static volatile int sink;

    private ProjectListing() {
    }

    static Operation operation(SessionFactory sf, Reader reader) {
        return input -> {
            try (Session session = sf.openSession()) {
                session.getTransaction().begin();
                try {
                    int h = 0;
                    for (String[] row : rows(reader.list(session, input.projectId()))) {
                        h = 31 * h + row[0].hashCode() + (row[1] == null ? 0 : row[1].hashCode())
                                + (row[2] == null ? 0 : row[2].hashCode());
                    }
                    sink = h;
                    session.getTransaction().commit();
                } catch (RuntimeException e) {
                    if (session.getTransaction().isActive()) {
                        session.getTransaction().rollback();
                    }
                    throw e;
                }
            }
        };
    }

    /** (floating address, fixed address or null, instance host or null) per floating IP, in the list's order. */
    static List<String[]> rows(List<FloatingIp> ips) {
        List<String[]> rows = new ArrayList<>(ips.size());
        for (FloatingIp ip : ips) {
            FixedIp fixed = ip.getFixedIp();
            Instance instance = fixed == null ? null : fixed.getInstance();
            rows.add(new String[] {ip.getAddress(), fixed == null ? null : fixed.getAddress(),
                    instance == null ? null : instance.getHost()});
        }
        return rows;
    }
}
