package dev.kiln.softdelete.testing;

import dev.kiln.softdelete.CriteriaContext;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One query shape of the conformance suite: how to run it in a session, and the rows it must return for a context,
 * computed from {@link NovaWorld}'s Java copy of the data.
 *
 * @param name     short name for failure messages
 * @param run      runs the shape; returns its rows rendered as strings
 * @param expected the rows a context must get
 * @param ordered  true if row order is part of the result (else both sides are sorted)
 */
public record QueryShape(String name, Function<Session, List<String>> run,
                         Function<CriteriaContext, List<String>> expected, boolean ordered) {
    public static QueryShape unordered(String name, Function<Session, List<String>> run,
                                       Function<CriteriaContext, List<String>> expected) {
        return new QueryShape(name, run, expected, false);
    }

    /** Renders one result row: ids and values as text, tuples joined with ':', null as '-'. */
    public static String render(Object row) {
        if (row == null) {
            return "-";
        }
        if (row instanceof Object[] tuple) {
            List<String> parts = new ArrayList<>();
            for (Object o : tuple) {
                parts.add(render(o));
            }
            return String.join(":", parts);
        }
        if (row instanceof dev.kiln.fixtures.nova.NovaBase entity) {
            return String.valueOf(entity.getId());
        }
        return String.valueOf(row);
    }

    public static List<String> render(Collection<?> rows) {
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(render(r)));
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
