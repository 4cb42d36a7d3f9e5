package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import org.hibernate.JDBCException;

import static org.assertj.core.api.Assertions.assertThat;

/** Kiln's and plain Hibernate's exception for one error on one backend. */
record Comparison(Backend backend, String errorCase, RuntimeException kiln, RuntimeException plain,
                  JDBCException kilnJdbc, JDBCException plainJdbc) {

    /** Kiln's exception (inside the Jakarta Persistence wrapper, if any) as {@code type}, asserting that it is one. */
    <T> T kilnAs(Class<T> type) {
        assertThat(kilnJdbc).as("%s on %s", errorCase, backend).isInstanceOf(type);
        return type.cast(kilnJdbc);
    }

    /**
     * Kiln's exception is an instance of the class plain Hibernate threw, and Spring translates both to the same
     * class; records the README row.
     */
    Comparison compatible() {
        assertThat(plainJdbc.getClass().isInstance(kilnJdbc))
                .as("%s on %s: Kiln's %s must be an instance of Hibernate's %s", errorCase, backend,
                        kilnJdbc.getClass().getSimpleName(), plainJdbc.getClass().getName())
                .isTrue();
        assertThat(kiln.getClass()).as("%s on %s: the Jakarta Persistence wrapper, if any, is the same", errorCase, backend)
                .isEqualTo(plain.getClass() == plainJdbc.getClass() ? kilnJdbc.getClass() : plain.getClass());
        assertThat(Probe.spring(kiln)).as("%s on %s: Spring's translation", errorCase, backend)
                .isEqualTo(Probe.spring(plain));
        ErrorTable.record(this, null);
        return this;
    }

    /**
     * Plain Hibernate gives a generic or wrong type where Kiln is deliberately more precise; {@code why} goes into the
     * README table.
     */
    Comparison deviates(String why) {
        assertThat(plainJdbc.getClass().isInstance(kilnJdbc)).as("%s on %s: documented deviation", errorCase, backend)
                .isFalse();
        ErrorTable.record(this, why);
        return this;
    }
}
