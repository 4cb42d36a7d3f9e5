package dev.kiln.retry.facade;

import org.hibernate.Session;

/** One open transaction on a context; {@code suspended} is the one an {@code independent()} block set aside. */
final class Frame {
    final TransactionFacade facade;
    final TransactionMode mode;
    final Session session;
    final Thread thread;
    final Frame suspended;

    Frame(TransactionFacade facade, TransactionMode mode, Session session, Thread thread, Frame suspended) {
        this.facade = facade;
        this.mode = mode;
        this.session = session;
        this.thread = thread;
        this.suspended = suspended;
    }

    String describe() {
        return mode.declaration() + " of " + facade.name() + " on thread " + thread.getName();
    }
}
