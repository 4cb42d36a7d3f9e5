package dev.kiln.samples.annotationlibrary;

import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.TransactionSlot;

/**
 * Who is calling: a project, or an administrator. It is also the transaction context: the facade attaches the
 * Session of the call's transaction to it, as oslo.db attaches it to Nova's request context.
 */
public final class RequestContext implements TransactionContext {
    private final TransactionSlot slot = new TransactionSlot();
    private final String projectId;
    private final boolean admin;

    private RequestContext(String projectId, boolean admin) {
        this.projectId = projectId;
        this.admin = admin;
    }

    /** A request of a project's user. */
    public static RequestContext project(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("projectId must not be blank");
        }
        return new RequestContext(projectId, false);
    }

    /** An administrator's request: may act on every project's addresses. */
    public static RequestContext admin() {
        return new RequestContext(null, true);
    }

    /** The project, or null for an administrator. */
    public String projectId() {
        return projectId;
    }

    public boolean isAdmin() {
        return admin;
    }

    @Override
    public TransactionSlot transactionSlot() {
        return slot;
    }

    @Override
    public String toString() {
        return admin ? "admin" : "project " + projectId;
    }
}
