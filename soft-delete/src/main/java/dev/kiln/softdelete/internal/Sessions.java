package dev.kiln.softdelete.internal;

import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** Unwraps the sessions the public API accepts. */
public final class Sessions {
    private Sessions() {
    }

    public static SharedSessionContractImplementor implementor(SharedSessionContract session) {
        if (session == null) {
            throw new IllegalArgumentException("session must not be null");
        }
        if (session instanceof SharedSessionContractImplementor s) {
            return s;
        }
        if (session instanceof Session s) {
            return s.unwrap(SessionImplementor.class); // e.g. a Spring shared-EntityManager proxy
        }
        return session.unwrap(SharedSessionContractImplementor.class);
    }

    public static SessionImplementor implementor(Session session) {
        if (session instanceof SessionImplementor s) {
            return s;
        }
        return session.unwrap(SessionImplementor.class);
    }
}
