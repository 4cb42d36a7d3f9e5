package dev.kiln.samples.annotationlibrary;

import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.retry.facade.Reader;
import dev.kiln.retry.facade.Retry;
import dev.kiln.retry.facade.TransactionFacade;
import dev.kiln.retry.facade.Writer;
import dev.kiln.retry.policy.RetryRequest;
import org.hibernate.Session;

import java.util.List;

/**
 * Floating IP address management on the Nova model, written with Kiln's transaction annotations: each public
 * method says whether it writes or reads, and how it is retried; Kiln weaves the transactions in
 * ({@link #create(TransactionFacade)}). Methods call each other freely: a reader called from a writer joins its
 * transaction.
 *
 * <pre>{@code
 * FloatingIpApi ipam = FloatingIpApi.create(facade);
 * RequestContext alice = RequestContext.project("alice");
 * String address = ipam.allocate(alice, "public");
 * ipam.associate(alice, address, "10.0.0.5");
 * List<FloatingIpView> mine = ipam.listByProject(alice, "alice");
 * ipam.disassociate(alice, address);
 * ipam.release(alice, address);
 * }</pre>
 */
public class FloatingIpApi {

    /** The API with its transactions woven in by {@code facade}. */
    public static FloatingIpApi create(TransactionFacade facade) {
        return facade.enhance(FloatingIpApi.class);
    }

    /** Administrators add addresses to a pool. */
    @Writer
    public void createPool(RequestContext ctx, String pool, List<String> addresses) {
        requireAdmin(ctx, "create pools");
        Session s = ctx.session();
        for (String address : addresses) {
            FloatingIp ip = new FloatingIp();
            ip.setAddress(address);
            ip.setPool(pool);
            s.persist(ip);
        }
    }

    /** Administrators register the fixed (private) addresses that floating IPs can be associated with. */
    @Writer
    public void registerFixedIp(RequestContext ctx, String address, String host) {
        requireAdmin(ctx, "register fixed IPs");
        FixedIp fixed = new FixedIp();
        fixed.setAddress(address);
        fixed.setHost(host);
        fixed.setAllocated(Boolean.TRUE);
        ctx.session().persist(fixed);
    }

    /**
     * Gives the caller's project a free address of {@code pool}. The address is taken with a compare-and-set
     * UPDATE; if a concurrent request took it first, the unit of work asks for a retry ({@link RetryRequest}) and
     * runs again in a fresh transaction, with jittered backoff so that the racers spread out.
     */
    @Writer
    @Retry(onDeadlock = true, maxAttempts = 100, initialDelayMillis = 1, maxDelayMillis = 50, jitter = true)
    public String allocate(RequestContext ctx, String pool) {
        String project = requireProject(ctx, "allocate");
        Session s = ctx.session();
        List<FloatingIp> free = s.createSelectionQuery(
                        "from FloatingIp where pool = :pool and projectId is null and deleted = 0 order by id",
                        FloatingIp.class)
                .setParameter("pool", pool).setMaxResults(1).list();
        if (free.isEmpty()) {
            throw new IpamException(IpamException.Reason.NO_FREE_ADDRESS, "No free address left in pool " + pool);
        }
        FloatingIp candidate = free.get(0);
        int taken = s.createMutationQuery(
                        "update FloatingIp set projectId = :project where id = :id and projectId is null")
                .setParameter("project", project).setParameter("id", candidate.getId()).executeUpdate();
        if (taken == 0) {
            throw new RetryRequest(candidate.getAddress() + " was allocated by a concurrent request");
        }
        return candidate.getAddress();
    }

    /** Points the caller's floating address at a fixed address (and its host). */
    @Writer
    @Retry(onDeadlock = true, maxAttempts = 10, initialDelayMillis = 5, maxDelayMillis = 200)
    public void associate(RequestContext ctx, String floatingAddress, String fixedAddress) {
        FloatingIp ip = owned(ctx, floatingAddress);
        if (ip.getFixedIp() != null) {
            throw new IpamException(IpamException.Reason.ASSOCIATED, floatingAddress + " is already associated with "
                    + ip.getFixedIp().getAddress() + "; disassociate it first");
        }
        FixedIp fixed = ctx.session().createSelectionQuery("from FixedIp where address = :a and deleted = 0",
                FixedIp.class).setParameter("a", fixedAddress).uniqueResultOptional()
                .orElseThrow(() -> new IpamException(IpamException.Reason.NOT_FOUND, "No fixed IP " + fixedAddress));
        ip.setFixedIp(fixed);
        ip.setHost(fixed.getHost());
    }

    /** Detaches the caller's floating address; returns the fixed address it pointed at. */
    @Writer
    @Retry(onDeadlock = true, maxAttempts = 10, initialDelayMillis = 5, maxDelayMillis = 200)
    public String disassociate(RequestContext ctx, String floatingAddress) {
        FloatingIp ip = owned(ctx, floatingAddress);
        if (ip.getFixedIp() == null) {
            throw new IpamException(IpamException.Reason.NOT_ASSOCIATED, floatingAddress + " is not associated");
        }
        String fixed = ip.getFixedIp().getAddress();
        ip.setFixedIp(null);
        ip.setHost(null);
        return fixed;
    }

    /** Gives the caller's floating address back to its pool; it must not be associated. */
    @Writer
    @Retry(onDeadlock = true, maxAttempts = 10, initialDelayMillis = 5, maxDelayMillis = 200)
    public void release(RequestContext ctx, String floatingAddress) {
        FloatingIp ip = owned(ctx, floatingAddress);
        if (ip.getFixedIp() != null) {
            throw new IpamException(IpamException.Reason.ASSOCIATED, floatingAddress + " is associated with "
                    + ip.getFixedIp().getAddress() + "; disassociate it before releasing it");
        }
        ip.setProjectId(null);
        ip.setHost(null);
        ip.setAutoAssigned(Boolean.FALSE);
    }

    /** The addresses of a project (the caller's own, or any for an administrator), by address. */
    @Reader(allowAsync = true)
    public List<FloatingIpView> listByProject(RequestContext ctx, String projectId) {
        if (!ctx.isAdmin() && !projectId.equals(ctx.projectId())) {
            throw new IpamException(IpamException.Reason.NOT_ALLOWED, ctx + " may not list project " + projectId);
        }
        return ctx.session().createSelectionQuery(
                        "select new dev.kiln.samples.annotationlibrary.FloatingIpView(f.address, f.pool, f.projectId, "
                                + "x.address, f.host) from FloatingIp f left join f.fixedIp x "
                                + "where f.projectId = :p and f.deleted = 0 order by f.address", FloatingIpView.class)
                .setParameter("p", projectId).list();
    }

    /** Free addresses left in a pool. */
    @Reader(allowAsync = true)
    public long freeAddresses(RequestContext ctx, String pool) {
        return ctx.session().createSelectionQuery(
                        "select count(*) from FloatingIp where pool = :pool and projectId is null and deleted = 0",
                        Long.class).setParameter("pool", pool).getSingleResult();
    }

    /** The floating IP with this address, if the caller may act on it; joins the caller's writer. */
    @Reader
    protected FloatingIp owned(RequestContext ctx, String address) {
        FloatingIp ip = ctx.session().createSelectionQuery("from FloatingIp where address = :a and deleted = 0",
                FloatingIp.class).setParameter("a", address).uniqueResultOptional()
                .orElseThrow(() -> new IpamException(IpamException.Reason.NOT_FOUND, "No floating IP " + address));
        if (!ctx.isAdmin() && !ctx.projectId().equals(ip.getProjectId())) {
            throw new IpamException(IpamException.Reason.NOT_ALLOWED, address + " does not belong to " + ctx);
        }
        return ip;
    }

    private static void requireAdmin(RequestContext ctx, String what) {
        if (!ctx.isAdmin()) {
            throw new IpamException(IpamException.Reason.NOT_ALLOWED, "Only administrators may " + what);
        }
    }

    private static String requireProject(RequestContext ctx, String what) {
        if (ctx.projectId() == null) {
            throw new IpamException(IpamException.Reason.NOT_ALLOWED, "A project must " + what + " addresses");
        }
        return ctx.projectId();
    }
}
