package dev.kiln.bundles.internal;

import dev.kiln.bundles.AttributeNotLoadedException;
import dev.kiln.bundles.BundleException;
import dev.kiln.bundles.DetachedBundleException;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What the bundles read by one query (or one lazy load) share: their view class, which attributes were selected,
 * the loader for lazy reads, and the rows themselves, so that a lazy association or unselected column is loaded for
 * all of them with one query (no N+1). The generated getters call {@link #get}; anything not directly answerable
 * goes to the synchronized slow path.
 */
public final class RowShape {
    /** Stored in an association slot when the association was looked up and is empty (null key, or target not found). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "NONE";
        }
    };

    final BundleClass type;
    /** Per attribute: the value is in {@code values[i]} and can be returned as is. */
    final boolean[] direct;
    /** Per attribute: its column(s) were read. */
    final boolean[] loaded;
    final Loader loader;
    final boolean loadUnselected;
    /**
     * The bundles of the result (or lazy load) this shape belongs to; a root shape takes a copy of the result list
     * once it is read ({@link #rows(List)}), rather than a second list grown row by row.
     */
    List<BundleObject> rows = new ArrayList<>();
    /** Set only on the shape used to resolve getter method references to attributes. */
    private final int[] recorded;

    RowShape(BundleClass type, boolean[] loaded, Loader loader, boolean loadUnselected) {
        this(type, loaded, loader, loadUnselected, null);
    }

    private RowShape(BundleClass type, boolean[] loaded, Loader loader, boolean loadUnselected, int[] recorded) {
        this.type = type;
        this.loaded = loaded.clone();
        this.direct = new boolean[loaded.length];
        for (int i = 0; i < loaded.length; i++) {
            BundleSpec.Kind k = type.spec().attr(i).kind();
            direct[i] = loaded[i] && (k == BundleSpec.Kind.ID || k == BundleSpec.Kind.BASIC);
        }
        this.loader = loader;
        this.loadUnselected = loadUnselected;
        this.recorded = recorded;
    }

    /** A shape whose bundles record the attribute a getter reads instead of answering it. */
    static RowShape recorder(BundleClass type, int[] recorded) {
        return new RowShape(type, new boolean[type.spec().size()], null, false, recorded);
    }

    /** Called by every generated getter. */
    public Object get(Object[] values, int i) {
        if (direct[i]) {
            return values[i];
        }
        return access(values, i);
    }

    private Object access(Object[] values, int i) {
        if (recorded != null) {
            recorded[0] = i;
            return BundleRuntime.defaultValue(type.getterTypes()[i]);
        }
        BundleSpec.Attr a = type.spec().attr(i);
        switch (a.kind()) {
            case ID, BASIC -> {
                synchronized (this) {
                    if (!loaded[i]) {
                        loadColumns(a);
                    }
                    return values[i];
                }
            }
            case TO_ONE -> {
                synchronized (this) {
                    int slot = type.slots()[i];
                    Object target = values[slot];
                    if (target instanceof SerializedBundle cycle) {
                        target = cycle.resolved();
                        values[slot] = target;
                    }
                    if (target == null) {
                        if (!loaded[i]) {
                            loadColumns(a);
                        }
                        if (values[i] == null) {
                            values[slot] = NONE;
                        } else {
                            requireLoader(a).loadToOne(this, i);
                        }
                        target = values[slot];
                    }
                    return target == NONE ? null : target;
                }
            }
            case COLLECTION -> {
                synchronized (this) {
                    int slot = type.slots()[i];
                    if (values[slot] == null) {
                        requireLoader(a).loadCollection(this, i);
                    }
                    return values[slot];
                }
            }
            default -> throw new BundleException(type.spec().entityName(), a.name(), type.spec().entityName() + "."
                    + a.name() + " is mapped in a way bundles do not support (embedded, many-to-many, element "
                    + "collection, inverse one-to-one or composite key); read it from the managed entity.");
        }
    }

    private void loadColumns(BundleSpec.Attr a) {
        if (!loadUnselected) {
            throw new AttributeNotLoadedException(type.spec().entityName(), a.name(), loadedNames());
        }
        requireLoader(a).loadColumns(this);
    }

    private Loader requireLoader(BundleSpec.Attr a) {
        if (loader == null) {
            throw new DetachedBundleException(type.spec().entityName(), a.name(),
                    "this bundle has no session (it was deserialized)");
        }
        loader.checkOpen(type.spec().entityName(), a.name());
        return loader;
    }

    /** Sets the bundles of this shape (under the lock the lazy loads take, which read them). */
    @SuppressWarnings("unchecked")
    synchronized void rows(List<?> bundles) {
        rows = (List<BundleObject>) bundles;
    }

    /** Marks attributes read by a lazy column load as loaded. */
    void markLoaded(int i) {
        loaded[i] = true;
        BundleSpec.Kind k = type.spec().attr(i).kind();
        direct[i] = k == BundleSpec.Kind.ID || k == BundleSpec.Kind.BASIC;
    }

    String loadedNames() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < loaded.length; i++) {
            if (loaded[i]) {
                j.add(type.spec().attr(i).name());
            }
        }
        return j.toString();
    }

    public BundleClass type() {
        return type;
    }

    public boolean isLoaded(int i) {
        return loaded[i];
    }
}
