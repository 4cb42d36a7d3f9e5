package dev.kiln.softdelete.testing;

import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.testing.NovaWorld.FixedRow;
import dev.kiln.softdelete.testing.NovaWorld.FloatingRow;
import dev.kiln.softdelete.testing.NovaWorld.InstanceRow;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import org.hibernate.Hibernate;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import static dev.kiln.softdelete.testing.NovaWorld.FIXED;
import static dev.kiln.softdelete.testing.NovaWorld.FLOATING;
import static dev.kiln.softdelete.testing.NovaWorld.INSTANCES;
import static dev.kiln.softdelete.testing.NovaWorld.fixed;
import static dev.kiln.softdelete.testing.NovaWorld.fixedOf;
import static dev.kiln.softdelete.testing.NovaWorld.instanceOf;
import static dev.kiln.softdelete.testing.NovaWorld.sees;
import static dev.kiln.softdelete.testing.QueryShape.render;
import static dev.kiln.softdelete.testing.QueryShape.unordered;

/**
 * The query shapes of the conformance suite, each with its expectation written against {@link NovaWorld}'s rows.
 * The rule the expectations encode: every entity table a query names (root, join, subquery, collection, loader) shows
 * only the rows the context sees; a to-one column compared without a join (e.g. {@code f.fixedIp.id}) is a column
 * of the owner, not a read of the target.
 */
public final class NovaShapes {
    private NovaShapes() {
    }

    public static List<QueryShape> all() {
        List<QueryShape> s = new ArrayList<>();
        // ---- roots and plain where clauses
        s.add(hql("root_floating", "select f.id from FloatingIp f", ctx -> ids(floatings(ctx, f -> true))));
        s.add(hql("root_fixed", "select x.id from FixedIp x", ctx -> ids(fixeds(ctx, x -> true))));
        s.add(hql("root_instance", "select i.id from Instance i", ctx -> ids(instances(ctx, i -> true))));
        s.add(hql("where_attribute", "select f.id from FloatingIp f where f.pool = 'pool1'",
                ctx -> ids(floatings(ctx, f -> f.pool().equals("pool1")))));
        s.add(unordered("where_parameter", session -> render(session.createSelectionQuery(
                        "select f.id from FloatingIp f where f.host = :h", Long.class).setParameter("h", "h1").list()),
                ctx -> ids(floatings(ctx, f -> f.host().equals("h1")))));
        s.add(unordered("where_in_list_parameter", session -> render(session.createSelectionQuery(
                        "select f.id from FloatingIp f where f.host in :hosts", Long.class)
                        .setParameter("hosts", List.of("h1", "h3")).list()),
                ctx -> ids(floatings(ctx, f -> f.host().equals("h1") || f.host().equals("h3")))));
        // ---- implicit joins
        s.add(hql("implicit_join", "select f.id from FloatingIp f where f.fixedIp.host = 'net1'",
                ctx -> ids(floatings(ctx, f -> fixedOf(ctx, f) != null && fixedOf(ctx, f).host().equals("net1")))));
        s.add(hql("implicit_join_chain", "select f.id from FloatingIp f where f.fixedIp.instance.host = 'h1'",
                ctx -> ids(floatings(ctx, f -> instanceOfFloating(ctx, f) != null
                        && instanceOfFloating(ctx, f).host().equals("h1")))));
        s.add(hql("implicit_join_in_select", "select f.fixedIp.address from FloatingIp f",
                ctx -> floatings(ctx, f -> fixedOf(ctx, f) != null).stream().map(f -> fixedOf(ctx, f).address()).toList()));
        // Hibernate returns each selected entity instance once
        s.add(hql("implicit_join_entity_select", "select f.fixedIp from FloatingIp f",
                ctx -> distinct(floatings(ctx, f -> fixedOf(ctx, f) != null).stream().map(f -> String.valueOf(f.fixed())).toList())));
        s.add(hql("implicit_join_distinct_target_id", "select distinct x.instance.id from FixedIp x",
                ctx -> distinct(fixeds(ctx, x -> instanceOf(ctx, x) != null).stream()
                        .map(x -> String.valueOf(instanceOf(ctx, x).id())).toList())));
        s.add(hql("foreign_key_column_without_join", "select f.id from FloatingIp f where f.fixedIp.id = 1",
                ctx -> ids(floatings(ctx, f -> Objects.equals(f.fixed(), 1L)))));
        s.add(hql("case_on_foreign_key",
                "select f.id, case when f.fixedIp is null then 'none' else 'some' end from FloatingIp f",
                ctx -> floatings(ctx, f -> true).stream().map(f -> f.id() + ":" + (f.fixed() == null ? "none" : "some")).toList()));
        // ---- explicit joins
        s.add(hql("inner_join", "select f.id, x.id from FloatingIp f join f.fixedIp x",
                ctx -> floatings(ctx, f -> fixedOf(ctx, f) != null).stream().map(f -> f.id() + ":" + f.fixed()).toList()));
        s.add(hql("left_join", "select f.id, x.id from FloatingIp f left join f.fixedIp x",
                ctx -> floatings(ctx, f -> true).stream().map(f -> f.id() + ":" + idOrDash(fixedOf(ctx, f))).toList()));
        s.add(hql("left_join_is_null", "select f.id from FloatingIp f left join f.fixedIp x where x.id is null",
                ctx -> ids(floatings(ctx, f -> fixedOf(ctx, f) == null))));
        s.add(hql("left_join_with_on", "select f.id, x.id from FloatingIp f left join f.fixedIp x on x.host = 'net2'",
                ctx -> floatings(ctx, f -> true).stream().map(f -> {
                    FixedRow x = fixedOf(ctx, f);
                    return f.id() + ":" + (x != null && x.host().equals("net2") ? String.valueOf(x.id()) : "-");
                }).toList()));
        s.add(hql("join_chain", "select f.id, i.id from FloatingIp f join f.fixedIp x join x.instance i",
                ctx -> floatings(ctx, f -> instanceOfFloating(ctx, f) != null).stream()
                        .map(f -> f.id() + ":" + instanceOfFloating(ctx, f).id()).toList()));
        s.add(hql("entity_join", "select f.id, i.id from FloatingIp f join Instance i on i.host = f.host",
                ctx -> pairs(floatings(ctx, f -> true), instances(ctx, i -> true), (f, i) -> f.host().equals(i.host()))));
        s.add(hql("entity_left_join", "select f.id, i.id from FloatingIp f left join Instance i on i.host = f.host",
                ctx -> leftPairs(floatings(ctx, f -> true), instances(ctx, i -> true), (f, i) -> f.host().equals(i.host()))));
        s.add(hql("theta_join", "select f.id, i.id from FloatingIp f, Instance i where f.host = i.host and f.pool = 'pool1'",
                ctx -> pairs(floatings(ctx, f -> f.pool().equals("pool1")), instances(ctx, i -> true),
                        (f, i) -> f.host().equals(i.host()))));
        // ---- fetches
        s.add(unordered("fetch_join_to_one", session -> session.createSelectionQuery(
                        "select x from FixedIp x left join fetch x.instance", FixedIp.class).list().stream()
                        .map(x -> x.getId() + ":" + (x.getInstance() == null ? "-" : x.getInstance().getId())).toList(),
                ctx -> fixeds(ctx, x -> true).stream().map(x -> x.id() + ":" + idOrDash(instanceOf(ctx, x))).toList()));
        s.add(unordered("inner_fetch_join_to_one", session -> session.createSelectionQuery(
                        "select x from FixedIp x join fetch x.instance", FixedIp.class).list().stream()
                        .map(x -> x.getId() + ":" + x.getInstance().getId()).toList(),
                ctx -> fixeds(ctx, x -> instanceOf(ctx, x) != null).stream()
                        .map(x -> x.id() + ":" + instanceOf(ctx, x).id()).toList()));
        s.add(unordered("fetch_join_collection", session -> flattenInstances(session.createSelectionQuery(
                        "select distinct i from Instance i left join fetch i.fixedIps", Instance.class).list()),
                ctx -> instanceChildren(ctx)));
        // ---- collections in queries
        s.add(hql("collection_join", "select distinct i.id from Instance i join i.fixedIps x",
                ctx -> ids(instances(ctx, i -> !children(ctx, i).isEmpty()))));
        s.add(hql("collection_left_join", "select i.id, x.id from Instance i left join i.fixedIps x",
                ctx -> instanceChildren(ctx)));
        s.add(hql("collection_size", "select x.id, size(x.floatingIps) from FixedIp x",
                ctx -> fixeds(ctx, x -> true).stream().map(x -> x.id() + ":" + floatings(ctx, f -> Objects.equals(f.fixed(), x.id())).size()).toList()));
        s.add(hql("collection_is_empty", "select i.id from Instance i where i.fixedIps is empty",
                ctx -> ids(instances(ctx, i -> children(ctx, i).isEmpty()))));
        s.add(hql("collection_in_where_join", "select distinct i.id from Instance i join i.fixedIps x where x.host = 'net1'",
                ctx -> ids(instances(ctx, i -> children(ctx, i).stream().anyMatch(x -> x.host().equals("net1"))))));
        // ---- subqueries
        s.add(hql("subquery_in", "select f.id from FloatingIp f where f.fixedIp.id in (select x.id from FixedIp x where x.host = 'net1')",
                ctx -> ids(floatings(ctx, f -> f.fixed() != null && sees(ctx, fixed(f.fixed())) && fixed(f.fixed()).host().equals("net1")))));
        s.add(hql("subquery_not_in", "select f.id from FloatingIp f where f.fixedIp.id not in (select x.id from FixedIp x where x.host = 'net1')",
                ctx -> {
                    Set<Long> inner = NovaWorld.fixedIds(ctx, x -> x.host().equals("net1"));
                    return ids(floatings(ctx, f -> inner.isEmpty() || f.fixed() != null && !inner.contains(f.fixed())));
                }));
        s.add(hql("exists_correlated", "select i.id from Instance i where exists (select 1 from FixedIp x where x.instance = i)",
                ctx -> ids(instances(ctx, i -> !children(ctx, i).isEmpty()))));
        s.add(hql("not_exists_correlated", "select i.id from Instance i where not exists (select 1 from FixedIp x where x.instance = i)",
                ctx -> ids(instances(ctx, i -> children(ctx, i).isEmpty()))));
        s.add(hql("exists_with_outer_implicit_join",
                "select f.id from FloatingIp f where exists (select 1 from Instance i where i.host = f.fixedIp.instance.host and i.id <> f.fixedIp.instance.id)",
                ctx -> ids(floatings(ctx, f -> {
                    InstanceRow own = instanceOfFloating(ctx, f);
                    return own != null && !instances(ctx, i -> i.host().equals(own.host()) && i.id() != own.id()).isEmpty();
                }))));
        s.add(hql("scalar_subquery_in_select", "select f.id, (select count(x) from FixedIp x where x.host = 'net1') from FloatingIp f",
                ctx -> {
                    int n = fixeds(ctx, x -> x.host().equals("net1")).size();
                    return floatings(ctx, f -> true).stream().map(f -> f.id() + ":" + n).toList();
                }));
        s.add(hql("scalar_subquery_in_where", "select f.id from FloatingIp f where (select count(i) from Instance i where i.host = f.host) > 0",
                ctx -> ids(floatings(ctx, f -> !instances(ctx, i -> i.host().equals(f.host())).isEmpty()))));
        s.add(hql("derived_table", "select d.id from (select f.id as id, f.pool as pool from FloatingIp f) d where d.pool = 'pool1'",
                ctx -> ids(floatings(ctx, f -> f.pool().equals("pool1")))));
        s.add(hql("cte", "with h as (select f.host as host from FloatingIp f) select i.id from Instance i where i.host in (select c.host from h c)",
                ctx -> ids(instances(ctx, i -> !floatings(ctx, f -> f.host().equals(i.host())).isEmpty()))));
        // ---- set operations
        s.add(hql("union", "select f.id from FloatingIp f where f.host = 'h1' union select f.id from FloatingIp f where f.host = 'h2'",
                ctx -> ids(floatings(ctx, f -> f.host().equals("h1") || f.host().equals("h2")))));
        s.add(hql("union_all_across_entities",
                "select f.host from FloatingIp f where f.pool = 'pool2' union all select x.host from FixedIp x where x.host = 'net2'",
                ctx -> concat(floatings(ctx, f -> f.pool().equals("pool2")).stream().map(FloatingRow::host).toList(),
                        fixeds(ctx, x -> x.host().equals("net2")).stream().map(FixedRow::host).toList())));
        s.add(hql("intersect", "select f.host from FloatingIp f intersect select i.host from Instance i",
                ctx -> intersect(hosts(floatings(ctx, f -> true)), instances(ctx, i -> true).stream().map(InstanceRow::host).toList())));
        s.add(hql("except", "select f.host from FloatingIp f except select i.host from Instance i",
                ctx -> except(hosts(floatings(ctx, f -> true)), instances(ctx, i -> true).stream().map(InstanceRow::host).toList())));
        // ---- aggregates and paging
        s.add(hql("count", "select count(f) from FloatingIp f", ctx -> List.of(String.valueOf(floatings(ctx, f -> true).size()))));
        s.add(hql("group_by", "select f.pool, count(f) from FloatingIp f group by f.pool",
                ctx -> groupCount(floatings(ctx, f -> true), FloatingRow::pool)));
        s.add(hql("having", "select f.pool from FloatingIp f group by f.pool having count(f) > 2",
                ctx -> groupCount(floatings(ctx, f -> true), FloatingRow::pool).stream()
                        .filter(g -> Integer.parseInt(g.substring(g.indexOf(':') + 1)) > 2)
                        .map(g -> g.substring(0, g.indexOf(':'))).toList()));
        s.add(new QueryShape("order_by_limit", session -> render(session.createSelectionQuery(
                        "select f.id from FloatingIp f order by f.id desc", Long.class).setMaxResults(3).list()),
                ctx -> floatings(ctx, f -> true).stream().sorted(Comparator.comparingLong(FloatingRow::id).reversed())
                        .limit(3).map(f -> String.valueOf(f.id())).toList(), true));
        // ---- JPA criteria API
        s.add(unordered("criteria_root", session -> {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<FloatingIp> f = q.from(FloatingIp.class);
            q.select(f.get("id")).where(cb.equal(f.get("pool"), "pool1"));
            return render(session.createSelectionQuery(q).list());
        }, ctx -> ids(floatings(ctx, f -> f.pool().equals("pool1")))));
        s.add(unordered("criteria_join", session -> {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<FloatingIp> f = q.from(FloatingIp.class);
            Join<FloatingIp, FixedIp> x = f.join("fixedIp");
            q.select(f.get("id")).where(cb.equal(x.get("host"), "net1"));
            return render(session.createSelectionQuery(q).list());
        }, ctx -> ids(floatings(ctx, f -> fixedOf(ctx, f) != null && fixedOf(ctx, f).host().equals("net1")))));
        // ---- loaders: find, getReference, lazy associations, collections
        s.add(unordered("find_floating", session -> found(session, FloatingIp.class, FLOATING.size()),
                ctx -> ids(floatings(ctx, f -> true))));
        s.add(unordered("find_fixed", session -> found(session, FixedIp.class, FIXED.size()),
                ctx -> ids(fixeds(ctx, x -> true))));
        s.add(unordered("find_instance", session -> found(session, Instance.class, INSTANCES.size()),
                ctx -> ids(instances(ctx, i -> true))));
        s.add(unordered("get_reference_initialize", session -> {
            List<String> out = new ArrayList<>();
            for (long id = 1; id <= FLOATING.size(); id++) {
                FloatingIp ref = session.getReference(FloatingIp.class, id);
                try {
                    Hibernate.initialize(ref);
                    out.add(String.valueOf(id));
                } catch (jakarta.persistence.EntityNotFoundException | org.hibernate.ObjectNotFoundException hidden) {
                    // hidden by the criteria: the proxy cannot be initialized
                }
            }
            return out;
        }, ctx -> ids(floatings(ctx, f -> true))));
        s.add(unordered("lazy_to_one_proxy", session -> session.createSelectionQuery(
                        "select f from FloatingIp f", FloatingIp.class).list().stream().map(f -> {
                    if (f.getFixedIp() == null) {
                        return f.getId() + ":-";
                    }
                    try {
                        return f.getId() + ":" + f.getFixedIp().getAddress();
                    } catch (jakarta.persistence.EntityNotFoundException | org.hibernate.ObjectNotFoundException hidden) {
                        return f.getId() + ":hidden";
                    }
                }).toList(),
                ctx -> floatings(ctx, f -> true).stream().map(f -> f.id() + ":" + (f.fixed() == null ? "-"
                        : sees(ctx, fixed(f.fixed())) ? fixed(f.fixed()).address() : "hidden")).toList()));
        s.add(unordered("to_one_by_unique_key", session -> session.createSelectionQuery(
                        "select x from FixedIp x", FixedIp.class).list().stream()
                        .map(x -> x.getId() + ":" + (x.getInstance() == null ? "-" : x.getInstance().getHost())).toList(),
                ctx -> fixeds(ctx, x -> true).stream().map(x -> x.id() + ":"
                        + (instanceOf(ctx, x) == null ? "-" : instanceOf(ctx, x).host())).toList()));
        s.add(unordered("lazy_collection", session -> flattenInstances(session.createSelectionQuery(
                        "select i from Instance i", Instance.class).list()),
                ctx -> instanceChildren(ctx)));
        s.add(unordered("lazy_collection_of_fixed", session -> session.createSelectionQuery(
                        "select x from FixedIp x", FixedIp.class).list().stream()
                        .map(x -> x.getId() + ":" + x.getFloatingIps().stream().map(f -> String.valueOf(f.getId()))
                                .sorted().toList()).toList(),
                ctx -> fixeds(ctx, x -> true).stream().map(x -> x.id() + ":" + floatings(ctx, f -> Objects.equals(f.fixed(), x.id()))
                        .stream().map(f -> String.valueOf(f.id())).sorted().toList()).toList()));
        // ---- bulk HQL (rolled back)
        s.add(unordered("bulk_update", session -> inRolledBackTransaction(session, () -> session.createMutationQuery(
                        "update FloatingIp set pool = pool where host = 'h1'").executeUpdate()),
                ctx -> List.of(String.valueOf(floatings(ctx, f -> f.host().equals("h1")).size()))));
        s.add(unordered("bulk_delete", session -> inRolledBackTransaction(session, () -> session.createMutationQuery(
                        "delete from FloatingIp where pool = 'pool2'").executeUpdate()),
                ctx -> List.of(String.valueOf(floatings(ctx, f -> f.pool().equals("pool2")).size()))));
        s.add(unordered("bulk_update_with_subquery", session -> inRolledBackTransaction(session, () -> session.createMutationQuery(
                        "update FloatingIp f set f.pool = 'p' where f.fixedIp.id in (select x.id from FixedIp x where x.host = 'net1')").executeUpdate()),
                ctx -> List.of(String.valueOf(floatings(ctx, f -> f.fixed() != null && sees(ctx, fixed(f.fixed()))
                        && fixed(f.fixed()).host().equals("net1")).size()))));
        return s;
    }

    // ---- runners

    private static QueryShape hql(String name, String hql, Function<CriteriaContext, List<String>> expected) {
        return unordered(name, session -> render(session.createSelectionQuery(hql, Object.class).list()), expected);
    }

    private static List<String> found(Session session, Class<?> type, int maxId) {
        List<String> out = new ArrayList<>();
        for (long id = 1; id <= maxId; id++) {
            if (session.find(type, id) != null) {
                out.add(String.valueOf(id));
            }
        }
        return out;
    }

    private static List<String> flattenInstances(List<Instance> instances) {
        List<String> out = new ArrayList<>();
        for (Instance i : instances) {
            if (i.getFixedIps().isEmpty()) {
                out.add(i.getId() + ":-");
            }
            for (FixedIp x : i.getFixedIps()) {
                out.add(i.getId() + ":" + x.getId());
            }
        }
        return out;
    }

    private static List<String> inRolledBackTransaction(Session session, java.util.function.IntSupplier work) {
        session.getTransaction().begin();
        try {
            return List.of(String.valueOf(work.getAsInt()));
        } finally {
            session.getTransaction().rollback();
        }
    }

    // ---- expectation helpers (pure Java over NovaWorld)

    static List<FloatingRow> floatings(CriteriaContext ctx, Predicate<FloatingRow> where) {
        return FLOATING.stream().filter(f -> sees(ctx, f) && where.test(f)).toList();
    }

    static List<FixedRow> fixeds(CriteriaContext ctx, Predicate<FixedRow> where) {
        return FIXED.stream().filter(x -> sees(ctx, x) && where.test(x)).toList();
    }

    static List<InstanceRow> instances(CriteriaContext ctx, Predicate<InstanceRow> where) {
        return INSTANCES.stream().filter(i -> sees(ctx, i) && where.test(i)).toList();
    }

    static InstanceRow instanceOfFloating(CriteriaContext ctx, FloatingRow f) {
        FixedRow x = fixedOf(ctx, f);
        return x == null ? null : instanceOf(ctx, x);
    }

    /** The fixed IPs of an instance the context sees. */
    static List<FixedRow> children(CriteriaContext ctx, InstanceRow i) {
        return fixeds(ctx, x -> Objects.equals(x.instance(), i.id()));
    }

    static List<String> instanceChildren(CriteriaContext ctx) {
        List<String> out = new ArrayList<>();
        for (InstanceRow i : instances(ctx, r -> true)) {
            List<FixedRow> c = children(ctx, i);
            if (c.isEmpty()) {
                out.add(i.id() + ":-");
            }
            c.forEach(x -> out.add(i.id() + ":" + x.id()));
        }
        return out;
    }

    static List<String> ids(List<? extends Record> rows) {
        List<String> out = new ArrayList<>();
        for (Record r : rows) {
            if (r instanceof FloatingRow f) {
                out.add(String.valueOf(f.id()));
            } else if (r instanceof FixedRow x) {
                out.add(String.valueOf(x.id()));
            } else if (r instanceof InstanceRow i) {
                out.add(String.valueOf(i.id()));
            }
        }
        return out;
    }

    static String idOrDash(Record r) {
        return r == null ? "-" : ids(List.of(r)).get(0);
    }

    static List<String> pairs(List<FloatingRow> fs, List<InstanceRow> is, java.util.function.BiPredicate<FloatingRow, InstanceRow> on) {
        List<String> out = new ArrayList<>();
        for (FloatingRow f : fs) {
            for (InstanceRow i : is) {
                if (on.test(f, i)) {
                    out.add(f.id() + ":" + i.id());
                }
            }
        }
        return out;
    }

    static List<String> leftPairs(List<FloatingRow> fs, List<InstanceRow> is, java.util.function.BiPredicate<FloatingRow, InstanceRow> on) {
        List<String> out = new ArrayList<>();
        for (FloatingRow f : fs) {
            boolean any = false;
            for (InstanceRow i : is) {
                if (on.test(f, i)) {
                    out.add(f.id() + ":" + i.id());
                    any = true;
                }
            }
            if (!any) {
                out.add(f.id() + ":-");
            }
        }
        return out;
    }

    static List<String> hosts(List<FloatingRow> fs) {
        return fs.stream().map(FloatingRow::host).toList();
    }

    static List<String> distinct(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static List<String> intersect(List<String> a, List<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(new TreeSet<>(b));
        return new ArrayList<>(out);
    }

    static List<String> except(List<String> a, List<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(new TreeSet<>(b));
        return new ArrayList<>(out);
    }

    static <T> List<String> groupCount(List<T> rows, Function<T, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(k + ":" + v));
        return out;
    }
}
