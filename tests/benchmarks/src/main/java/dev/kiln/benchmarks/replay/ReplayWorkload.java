package dev.kiln.benchmarks.replay;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.replay.ReplaySettings;
import org.hibernate.SessionFactory;

/**
 * The Nova floating-IP update transaction ("associate this address with a host"): open a Session, begin, find the
 * FloatingIp by address, set its host, commit (Hibernate flushes one UPDATE). Two SessionFactories on the same pool
 * and data ({@link NovaBench}, 10,000 floating IPs): {@link #on} with {@code kiln.replay.enabled=true} (every
 * statement recorded, every row read digested), {@link #off} plain. Both give each update a different host, so every
 * COMMIT really writes.
 */
public final class ReplayWorkload implements AutoCloseable {
    static final String HQL = "from FloatingIp where address = :address";

    private final NovaBench bench;
    private final SessionFactory replaying;
    private final NovaBench.AddressCursor addresses;
    private final String[] hosts = new String[64];
    private int nextHost;

    public ReplayWorkload(Backend backend) {
        this.bench = NovaBench.builder(backend).build();
        try {
            this.replaying = HibernateBootstrap.on(bench.dataSource(), backend).schema(HibernateBootstrap.Schema.NONE)
                    .entities(NovaModel.ENTITIES)
                    .setting(ReplaySettings.ENABLED, "true")
                    .build();
            bench.database().register(replaying);
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
        this.addresses = bench.addresses(17);
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = "compute-" + i;
        }
    }

    public String nextAddress() {
        return addresses.next();
    }

    private String nextHost() {
        String h = hosts[nextHost];
        nextHost = nextHost + 1 == hosts.length ? 0 : nextHost + 1;
        return h;
    }

    /** The update with recording on. */
    public FloatingIp on(String address) {
        return update(replaying, address, nextHost());
    }

    /** The same update on plain Hibernate. */
    public FloatingIp off(String address) {
        return update(bench.sessionFactory(), address, nextHost());
    }

    static FloatingIp update(SessionFactory sf, String address, String host) {
        return sf.fromTransaction(s -> {
            FloatingIp ip = s.createSelectionQuery(HQL, FloatingIp.class).setParameter("address", address)
                    .getSingleResult();
            ip.setHost(host);
            return ip;
        });
    }

    SessionFactory replaying() {
        return replaying;
    }

    NovaBench bench() {
        return bench;
    }

    @Override
    public void close() {
        bench.close();
    }
}
