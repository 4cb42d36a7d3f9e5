package dev.kiln.bundles.internal;

import dev.kiln.bundles.internal.hibernate.JdbcValuesAdapter;
import dev.kiln.bundles.internal.hibernate.MappingModelAdapter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bundles for one SessionFactory: the layout of each entity (built once from the mapping) and the select plans
 * (cached per entity, selected attributes and fetches). Plans hold HQL text only; the translation to SQL is
 * Hibernate's and is cached by Hibernate per query and per session-dependent shape (e.g. soft-delete criteria), so no
 * translated SQL is kept here and no cache key needs the soft-delete shape.
 */
public final class BundleEngine {
    private static final Map<SessionFactoryImplementor, BundleEngine> ENGINES = new WeakHashMap<>();


    private final SessionFactoryImplementor factory;
    private final Map<Class<?>, EntityLayout> layouts = new ConcurrentHashMap<>();
    private final Map<PlanKey, SelectPlan> plans = new ConcurrentHashMap<>();
    private final Map<Class<?>, ViewModel> views = new ConcurrentHashMap<>();

    private record PlanKey(Class<?> type, String loaded, List<String> fetches) {
    }

    private BundleEngine(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    public static BundleEngine of(SessionFactoryImplementor factory) {
        synchronized (ENGINES) {
            BundleEngine engine = ENGINES.get(factory);
            if (engine == null) {
                // An engine refers to its factory, so the weak key alone never clears: drop closed factories here.
                // (Not a close observer: this may run inside Hibernate's observer loop, which must not be changed.)
                ENGINES.keySet().removeIf(SessionFactoryImplementor::isClosed);
                engine = new BundleEngine(factory);
                ENGINES.put(factory, engine);
            }
            return engine;
        }
    }

    public SessionFactoryImplementor factory() {
        return factory;
    }

    /** The layout of an entity class, validated and with its view class generated, on first use. */
    public EntityLayout layout(Class<?> type) {
        EntityLayout layout = layouts.get(type);
        return layout != null ? layout : layouts.computeIfAbsent(type, this::buildLayout);
    }

    private EntityLayout buildLayout(Class<?> type) {
        MappingModelAdapter.MappedEntity mapped = MappingModelAdapter.describe(factory, type);
        Map<String, String> getterOfField = new HashMap<>();
        Map<String, String> setterOfField = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            AccessorScanner.Accessors acc = AccessorScanner.scan(c);
            acc.getters().forEach((method, field) -> getterOfField.putIfAbsent(field, method));
            acc.setters().forEach((method, field) -> setterOfField.putIfAbsent(field, method));
        }
        List<BundleSpec.Attr> attrs = new ArrayList<>();
        int n = mapped.attributes().size();
        var converters = new org.hibernate.type.descriptor.converter.spi.BasicValueConverter<?, ?>[n];
        Class<?>[] targets = new Class<?>[n];
        String[] targetKeys = new String[n];
        String[] mappedBy = new String[n];
        for (int i = 0; i < n; i++) {
            MappingModelAdapter.MappedAttribute a = mapped.attributes().get(i);
            String field = a.field() != null ? a.field() : a.name();
            String getter = a.getter() != null ? a.getter().getName() : getterOfField.get(field);
            if (getter == null) {
                getter = beanMethod(type, a.name(), a.kind());
            }
            String setter = setterOfField.get(field);
            if (setter == null) {
                String bean = "set" + Character.toUpperCase(a.name().charAt(0)) + a.name().substring(1);
                setter = BundleClasses.findMethod(type, bean, 1) != null ? bean : null;
            }
            attrs.add(new BundleSpec.Attr(a.name(), a.kind(), getter, setter, a.set()));
            converters[i] = a.converter();
            targets[i] = a.target();
            targetKeys[i] = a.targetKey();
            mappedBy[i] = a.mappedBy();
        }
        BundleSpec spec = new BundleSpec(type, mapped.name(), attrs);
        BundleClass bundle = BundleClasses.forSpec(spec);
        return new EntityLayout(mapped.name(), bundle, converters, targets, targetKeys, mappedBy, spec.indexByName());
    }

    private static String beanMethod(Class<?> type, String attribute, BundleSpec.Kind kind) {
        String cap = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        for (String candidate : new String[]{"get" + cap, "is" + cap}) {
            Method m = BundleClasses.findMethod(type, candidate, 0);
            if (m != null && m.getReturnType() != void.class) {
                return candidate;
            }
        }
        return null;
    }

    /** The validated model of an {@code @EntityView} type, built on first use (or at startup, see BundleSettings). */
    public ViewModel view(Class<?> viewType) {
        ViewModel v = views.get(viewType);
        return v != null ? v : views.computeIfAbsent(viewType, t -> ViewResolver.resolve(factory, t));
    }

    /** Runs a view query. */
    @SuppressWarnings("unchecked")
    public <V> List<V> executeView(ViewModel view, SelectionQuery<Object[]> query) {
        List<Object> results = new ArrayList<>();
        ViewModel.ViewFactory f = view.factory();
        JdbcValuesAdapter.read(query, view.converters(), row -> results.add(f.create(row.clone())));
        return (List<V>) results;
    }

    /**
     * The plan reading {@code loaded} attributes of {@code root} and fetching the to-one {@code fetches} (dotted paths,
     * e.g. {@code fixedIp.instance}) in the same query. Fetched entities are read whole.
     */
    public SelectPlan plan(EntityLayout root, boolean[] loaded, List<String> fetches) {
        StringBuilder key = new StringBuilder(loaded.length);
        for (boolean b : loaded) {
            key.append(b ? '1' : '0');
        }
        PlanKey k = new PlanKey(root.javaType(), key.toString(), List.copyOf(fetches));
        SelectPlan plan = plans.get(k);
        if (plan == null) {
            plan = plans.computeIfAbsent(k, x -> buildPlan(root, loaded, fetches));
        }
        return plan;
    }

    private SelectPlan buildPlan(EntityLayout root, boolean[] loaded, List<String> fetches) {
        List<SelectPlan.Node> nodes = new ArrayList<>();
        boolean[] rootLoaded = loaded.clone();
        nodes.add(new SelectPlan.Node(-1, -1, root, rootLoaded, "e"));
        Map<String, Integer> nodeOfPath = new HashMap<>();
        nodeOfPath.put("", 0);
        for (String path : fetches) {
            String[] parts = path.split("\\.");
            String prefix = "";
            for (String part : parts) {
                String next = prefix.isEmpty() ? part : prefix + "." + part;
                if (!nodeOfPath.containsKey(next)) {
                    int parent = nodeOfPath.get(prefix);
                    SelectPlan.Node p = nodes.get(parent);
                    int attr = p.layout().indexOf(part);
                    if (p.layout().kind(attr) != BundleSpec.Kind.TO_ONE) {
                        throw new IllegalArgumentException("Cannot fetch " + p.layout().name() + "." + part + " (in '" + path
                                + "'): only to-one associations are fetched in the same query. Collections load lazily, "
                                + "with one query for all bundles of a result.");
                    }
                    p.loaded()[attr] = true;
                    EntityLayout target = layout(p.layout().targets()[attr]);
                    nodeOfPath.put(next, nodes.size());
                    nodes.add(new SelectPlan.Node(parent, attr, target, target.allLoaded(), "kiln_j" + nodes.size()));
                }
                prefix = next;
            }
        }
        return new SelectPlan(nodes);
    }

    /**
     * Executes a query built from {@code plan} and turns its rows into bundles.
     *
     * @param loadUnselected whether unselected attributes load on first access
     */
    @SuppressWarnings("unchecked")
    public <E> List<E> execute(SharedSessionContractImplementor session, SelectPlan plan, SelectionQuery<Object[]> query,
                               boolean loadUnselected) {
        Loader loader = new Loader(session, this);
        Materializer m = new Materializer(plan, loader, loadUnselected);
        // One entity: each row is read straight into the new bundle's values array.
        JdbcValuesAdapter.read(query, plan.converters, plan.nodes.length == 1 ? plan.selAttr : null, m);
        m.finish();
        return (List<E>) m.results;
    }

    /** Turns rows into bundles, deduplicating fetched targets by identifier within one result. */
    static final class Materializer implements JdbcValuesAdapter.GroupedRowSink {
        private final SelectPlan plan;
        private final RowShape[] shapes;
        private final BundleFactory[] factories;
        private final int[] lengths;
        private final int[] parentSlots;
        private final Map<Object, Object>[] seen;
        /** Per node, during {@link #row}: its bundle for the current row (reused scratch). */
        private final Object[] found;
        final ArrayList<Object> results = new ArrayList<>();
        private int capacity;

        @SuppressWarnings("unchecked")
        Materializer(SelectPlan plan, Loader loader, boolean loadUnselected) {
            this.plan = plan;
            int n = plan.nodes.length;
            shapes = new RowShape[n];
            factories = new BundleFactory[n];
            lengths = new int[n];
            parentSlots = new int[n];
            seen = new Map[n];
            for (int k = 0; k < n; k++) {
                SelectPlan.Node node = plan.nodes[k];
                BundleClass type = node.layout().bundle();
                shapes[k] = new RowShape(type, node.loaded(), loader, k == 0 && loadUnselected);
                factories[k] = type.factory();
                lengths[k] = type.spec().valuesLength();
                if (k > 0) {
                    parentSlots[k] = plan.nodes[node.parent()].layout().bundle().slots()[node.parentAttr()];
                    seen[k] = new HashMap<>();
                }
            }
            found = new Object[n];
        }

        @Override
        public Object[] target() {
            return new Object[lengths[0]];
        }

        @Override
        public int[] groups() {
            return plan.selNode;
        }

        @Override
        public int[] keys() {
            return plan.keys;
        }

        /** A fetched entity already bundled by an earlier row is not read again (its bundle is reused). */
        @Override
        public boolean wants(int node, Object id) {
            return !seen[node].containsKey(id);
        }

        @Override
        public void row(Object[] r) {
            if (results.size() == capacity) {
                // Doubling rather than ArrayList's 1.5x: half the copying and fewer large arrays for big results.
                capacity = Math.max(16, capacity << 1);
                results.ensureCapacity(capacity);
            }
            if (shapes.length == 1) {
                results.add(factories[0].create(shapes[0], r));   // r came from target(): the bundle's own array
                return;
            }
            // children before parents (a node's index is above its parent's); a node's values are built only when its
            // id is new in this result (otherwise its columns were not read, and its bundle is reused)
            for (int k = shapes.length - 1; k >= 1; k--) {
                int key = plan.keys[k];
                Object id = key < 0 ? null : r[key];
                Object b;
                if (id == null) {
                    b = RowShape.NONE;
                } else {
                    b = seen[k].get(id);
                    if (b == null) {
                        b = factories[k].create(shapes[k], values(k, r));
                        shapes[k].rows.add((BundleObject) b);
                        seen[k].put(id, b);
                    }
                }
                found[k] = b;
            }
            results.add(factories[0].create(shapes[0], values(0, r)));
        }

        /** Node {@code k}'s values array: its selections from the row, and the bundles of the nodes fetched through it. */
        private Object[] values(int k, Object[] r) {
            Object[] v = new Object[lengths[k]];
            int[] selAttr = plan.selAttr;
            for (int s : plan.selectionsOf[k]) {
                v[selAttr[s]] = r[s];
            }
            for (int c : plan.childrenOf[k]) {
                v[parentSlots[c]] = found[c];
            }
            return v;
        }

        /** After the last row: the root bundles are the results (a copy, so changes to the returned list do not matter). */
        void finish() {
            shapes[0].rows(Arrays.asList(results.toArray()));
        }
    }

    @Override
    public String toString() {
        return "BundleEngine" + Arrays.toString(layouts.keySet().toArray());
    }
}
