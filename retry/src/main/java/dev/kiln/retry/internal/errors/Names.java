package dev.kiln.retry.internal.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifier and list handling shared by the rule sets. */
final class Names {
    /** The table a DML statement writes to: INSERT INTO t, UPDATE t, DELETE FROM t, MERGE INTO t. */
    private static final Pattern TARGET_TABLE = Pattern.compile(
            "^\\s*(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from|merge\\s+into)\\s+([`\"\\w.$]+)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_IDENTIFIER = 256;

    private Names() {
    }

    /** Removes one level of `...`, "..." or [...] quoting. */
    static String unquote(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        if (n.length() >= 2) {
            char first = n.charAt(0);
            char last = n.charAt(n.length() - 1);
            if ((first == '`' && last == '`') || (first == '"' && last == '"') || (first == '[' && last == ']')) {
                return n.substring(1, n.length() - 1);
            }
        }
        return n;
    }

    /** The last part of a dotted, possibly quoted name: {@code PUBLIC.PARENT} and {@code `db`.`parent`} give {@code PARENT}, {@code parent}. */
    static String lastPart(String qualified) {
        if (qualified == null) {
            return null;
        }
        String q = qualified.trim();
        int dot = lastUnquotedDot(q);
        return unquote(dot < 0 ? q : q.substring(dot + 1));
    }

    /** The part before the last dot, unquoted; null if the name is not qualified. */
    static String qualifier(String qualified) {
        if (qualified == null) {
            return null;
        }
        String q = qualified.trim();
        int dot = lastUnquotedDot(q);
        return dot < 0 ? null : lastPart(q.substring(0, dot));
    }

    private static int lastUnquotedDot(String q) {
        char quote = 0;
        int last = -1;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`' || c == '"') {
                quote = c;
            } else if (c == '.') {
                last = i;
            }
        }
        return last;
    }

    /** Splits {@code a, b} or {@code `a`,`b`} into unquoted names; drops H2's {@code NULLS FIRST} and sort orders. */
    static List<String> columnList(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        for (String part : list.split(",")) {
            String p = part.trim();
            int space = p.startsWith("\"") || p.startsWith("`") ? p.indexOf(p.charAt(0), 1) + 1 : p.indexOf(' ');
            if (space > 0 && space < p.length()) {
                p = p.substring(0, space);
            }
            p = unquote(p);
            if (!p.isEmpty() && p.length() <= MAX_IDENTIFIER) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The target table of an INSERT/UPDATE/DELETE/MERGE, unqualified and unquoted; null if {@code sql} is not one. */
    static String targetTable(String sql) {
        if (sql == null) {
            return null;
        }
        Matcher m = TARGET_TABLE.matcher(sql.length() > 4096 ? sql.substring(0, 4096) : sql);
        return m.find() ? lastPart(m.group(1)) : null;
    }
}
