package dev.kiln.retry.replay.internal;

import java.sql.SQLException;
import java.sql.Statement;

/** The generated-keys request of a plain {@link Statement} call: a flag, column indexes or column names. */
record Keys(int flag, int[] indexes, String[] names) {
    static long update(Statement st, String sql, Keys k, boolean large) throws SQLException {
        if (k == null) {
            return large ? st.executeLargeUpdate(sql) : st.executeUpdate(sql);
        }
        if (k.indexes != null) {
            return large ? st.executeLargeUpdate(sql, k.indexes) : st.executeUpdate(sql, k.indexes);
        }
        if (k.names != null) {
            return large ? st.executeLargeUpdate(sql, k.names) : st.executeUpdate(sql, k.names);
        }
        return large ? st.executeLargeUpdate(sql, k.flag) : st.executeUpdate(sql, k.flag);
    }

    static boolean execute(Statement st, String sql, Keys k) throws SQLException {
        if (k == null) {
            return st.execute(sql);
        }
        if (k.indexes != null) {
            return st.execute(sql, k.indexes);
        }
        if (k.names != null) {
            return st.execute(sql, k.names);
        }
        return st.execute(sql, k.flag);
    }
}
