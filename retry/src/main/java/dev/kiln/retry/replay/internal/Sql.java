package dev.kiln.retry.replay.internal;

/** Cheap classification of SQL text by its first keyword (no parsing, no regular expression on the hot path). */
final class Sql {
    private Sql() {
    }

    /**
     * Statements that change session state rather than data: {@code SET ...} (but not {@code SET TRANSACTION}, which
     * belongs to one transaction) and MySQL's {@code USE db}. They are re-run on every new connection.
     */
    static boolean isSessionStatement(String sql) {
        int i = start(sql);
        if (startsWith(sql, i, "SET") && !startsWith(sql, skipWord(sql, i + 3), "TRANSACTION")
                && !startsWith(sql, skipWord(sql, i + 3), "LOCAL")) {
            return i + 3 < sql.length() && Character.isWhitespace(sql.charAt(i + 3));
        }
        return startsWith(sql, i, "USE") && i + 3 < sql.length() && Character.isWhitespace(sql.charAt(i + 3));
    }

    /** True for statements that only read (SELECT, SHOW, VALUES, EXPLAIN, TABLE); anything else may write. */
    static boolean isRead(String sql) {
        int i = start(sql);
        return startsWith(sql, i, "SELECT") || startsWith(sql, i, "SHOW") || startsWith(sql, i, "VALUES")
                || startsWith(sql, i, "EXPLAIN") || startsWith(sql, i, "TABLE ");
    }

    private static int start(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipWord(String sql, int i) {
        int n = sql.length();
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(String sql, int i, String keyword) {
        return sql.regionMatches(true, i, keyword, 0, keyword.length());
    }
}
