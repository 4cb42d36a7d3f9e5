package dev.kiln.retry.internal.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the quoted tokens of a message, which are what survives translation of server messages: names and values
 * stay quoted while the words around them change. Linear scans, no regular expressions.
 */
final class Quoted {
    /** ASCII double quotes and the typographic pairs PostgreSQL's translations use (»x«, «x», „x“, “x”). */
    static final String PG_OPEN = "\"»«„“";
    static final String PG_CLOSE = "\"«»“”";
    private static final int MAX_TOKENS = 16;

    private Quoted() {
    }

    /**
     * The tokens between matching quotes, in order. {@code open.charAt(i)} is closed by {@code close.charAt(i)}. A
     * doubled closing quote inside a token ({@code ""}, as H2 writes it) stands for one quote character.
     */
    static List<String> tokens(String s, String open, String close) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = s.length();
        while (i < n && out.size() < MAX_TOKENS) {
            int kind = open.indexOf(s.charAt(i));
            if (kind < 0) {
                i++;
                continue;
            }
            char end = close.charAt(kind);
            StringBuilder token = new StringBuilder();
            int j = i + 1;
            boolean closed = false;
            while (j < n) {
                char c = s.charAt(j);
                if (c == end) {
                    if (end == s.charAt(i) && j + 1 < n && s.charAt(j + 1) == end && end == '"') {
                        token.append(end);
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                token.append(c);
                j++;
            }
            if (!closed) {
                break;
            }
            out.add(token.toString());
            i = j + 1;
        }
        return out;
    }

    /** The n-th (0-based) token quoted with {@code quote} on both sides, or null. */
    static String nth(String s, char quote, int n) {
        List<String> t = tokens(s, String.valueOf(quote), String.valueOf(quote));
        return n < t.size() ? t.get(n) : null;
    }

    /** The n-th token quoted in any of PostgreSQL's styles, or null. */
    static String pg(String s, int n) {
        List<String> t = tokens(s, PG_OPEN, PG_CLOSE);
        return n >= 0 && n < t.size() ? t.get(n) : null;
    }

    /** The last token quoted in any of PostgreSQL's styles, or null. */
    static String pgLast(String s) {
        List<String> t = tokens(s, PG_OPEN, PG_CLOSE);
        return t.isEmpty() ? null : t.get(t.size() - 1);
    }
}
