package dev.kiln.softdelete;

import org.hibernate.query.NativeQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity's criteria for a session's current context, as a native SQL fragment. Native SQL is never rewritten by
 * Kiln (Hibernate does not parse it); append this fragment to cover a native query, and bind its values.
 *
 * <pre>{@code
 * NativeCriteria c = SoftDelete.nativeCriteria(session, FloatingIp.class, "f");
 * List<?> rows = c.bind(session.createNativeQuery(
 *         "select f.id from floating_ips f where f.host = :host and " + c.sql(), Long.class))
 *         .setParameter("host", "h1").list();
 *
 * // plain JDBC
 * PreparedStatement ps = connection.prepareStatement("select id from floating_ips f where " + c.jdbcSql());
 * c.bind(ps, 1);
 * }</pre>
 *
 * Immutable; valid for the context it was made with (make a new one after changing the session's context).
 */
public final class NativeCriteria {
    private final String jdbcSql;
    private final List<Object> values;
    private final String namedSql;
    private final Map<String, Object> namedValues;

    NativeCriteria(String jdbcSql, List<Object> values) {
        this.jdbcSql = jdbcSql;
        this.values = values;
        Map<String, Object> named = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(jdbcSql.length() + 16 * values.size());
        int next = 0;
        for (int i = 0; i < jdbcSql.length(); i++) {
            char ch = jdbcSql.charAt(i);
            if (ch == '?') {
                String name = "kiln_p" + next;
                named.put(name, values.get(next++));
                sql.append(':').append(name);
            } else {
                sql.append(ch);
            }
        }
        this.namedSql = sql.toString();
        this.namedValues = java.util.Collections.unmodifiableMap(named);
    }

    /** The fragment with named parameters {@code :kiln_p0, :kiln_p1, ...}; {@code 1=1} if nothing restricts. */
    public String sql() {
        return namedSql;
    }

    /** The named parameters' values. */
    public Map<String, Object> parameters() {
        return namedValues;
    }

    /** Binds the named parameters on a native query and returns it. */
    public <Q extends NativeQuery<?>> Q bind(Q query) {
        namedValues.forEach(query::setParameter);
        return query;
    }

    /** The fragment with JDBC {@code ?} markers. */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** The values of the {@code ?} markers, in order. */
    public List<Object> jdbcParameters() {
        return values;
    }

    /**
     * Binds the values on a JDBC statement from position {@code firstIndex}.
     *
     * @return the next free parameter index
     */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int i = firstIndex;
        for (Object v : values) {
            statement.setObject(i++, v);
        }
        return i;
    }

    @Override
    public String toString() {
        return jdbcSql + " " + values;
    }
}
