package dev.kiln.bundles.internal;

import dev.kiln.bundles.AttributeNotLoadedException;
import dev.kiln.bundles.DetachedBundleException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lazy loads of the bundles of one result: a to-one, a collection or the unselected columns are loaded for every
 * bundle of the result that lacks them, with one query per {@value #CHUNK} keys ({@code where key in (...)}), as
 * SQLAlchemy's "selectin" loading does. Queries go through the session that read the bundles, so its current
 * soft-delete context applies.
 */
final class Loader {
    static final int CHUNK = 500;

    private final SharedSessionContractImplementor session;
    private final BundleEngine engine;

    Loader(SharedSessionContractImplementor session, BundleEngine engine) {
        this.session = session;
        this.engine = engine;
    }

    void checkOpen(String entity, String attribute) {
        if (!session.isOpen()) {
            throw new DetachedBundleException(entity, attribute, "the session that read this bundle is closed");
        }
    }

    void loadToOne(RowShape shape, int i) {
        EntityLayout owner = engine.layout(shape.type.spec().entityClass());
        EntityLayout target = engine.layout(owner.targets()[i]);
        int slot = shape.type.slots()[i];
        int keyIndex = target.indexOf(owner.targetKeys()[i]);
        Set<Object> keys = new LinkedHashSet<>();
        for (BundleObject row : shape.rows) {
            Object[] v = row.$kiln$values();
            if (v[slot] == null && v[i] != null) {
                keys.add(v[i]);
            }
        }
        Map<Object, Object> found = new HashMap<>();
        for (List<Object> chunk : chunks(keys)) {
            for (Object b : query(target, "kiln_e." + target.spec().attr(keyIndex).name() + " in :kiln_keys", chunk, false)) {
                found.put(((BundleObject) b).$kiln$values()[keyIndex], b);
            }
        }
        for (BundleObject row : shape.rows) {
            Object[] v = row.$kiln$values();
            if (v[slot] == null) {
                Object t = v[i] == null ? null : found.get(v[i]);
                v[slot] = t == null ? RowShape.NONE : t;
            }
        }
    }

    void loadCollection(RowShape shape, int i) {
        EntityLayout owner = engine.layout(shape.type.spec().entityClass());
        EntityLayout element = engine.layout(owner.targets()[i]);
        String mappedBy = owner.mappedBy()[i];
        int backRef = element.indexOf(mappedBy);
        int ownerKey = owner.indexOf(element.targetKeys()[backRef]);
        if (!shape.loaded[ownerKey]) {
            if (!shape.loadUnselected) {
                throw new AttributeNotLoadedException(owner.name(), owner.spec().attr(ownerKey).name(), shape.loadedNames()
                        + " (" + owner.name() + "." + owner.spec().attr(i).name() + " is found by it)");
            }
            loadColumns(shape);
        }
        int slot = shape.type.slots()[i];
        int backSlot = element.bundle().slots()[backRef];
        Map<Object, BundleObject> owners = new HashMap<>();
        for (BundleObject row : shape.rows) {
            Object[] v = row.$kiln$values();
            if (v[slot] == null && v[ownerKey] != null) {
                owners.putIfAbsent(v[ownerKey], row);
            }
        }
        Map<Object, List<Object>> groups = new HashMap<>();
        for (List<Object> chunk : chunks(owners.keySet())) {
            String where = "kiln_e." + mappedBy + "." + element.targetKeys()[backRef] + " in :kiln_keys order by kiln_e."
                    + element.idName();
            for (Object b : query(element, where, chunk, false)) {
                Object[] ev = ((BundleObject) b).$kiln$values();
                Object key = ev[backRef];
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
                ev[backSlot] = owners.get(key);   // the element's to-one back to its owner is this bundle
            }
        }
        boolean set = owner.spec().attr(i).set();
        for (BundleObject row : shape.rows) {
            Object[] v = row.$kiln$values();
            if (v[slot] == null) {
                List<Object> list = v[ownerKey] == null ? List.of() : groups.getOrDefault(v[ownerKey], List.of());
                v[slot] = set ? Collections.unmodifiableSet(new LinkedHashSet<>(list)) : Collections.unmodifiableList(list);
            }
        }
    }

    /** Loads every attribute not selected by the original query, for all bundles of the shape, by identifier. */
    void loadColumns(RowShape shape) {
        EntityLayout layout = engine.layout(shape.type.spec().entityClass());
        Set<Object> ids = new LinkedHashSet<>();
        for (BundleObject row : shape.rows) {
            ids.add(row.$kiln$values()[0]);
        }
        Map<Object, Object[]> full = new HashMap<>();
        for (List<Object> chunk : chunks(ids)) {
            for (Object b : query(layout, "kiln_e." + layout.idName() + " in :kiln_keys", chunk, false)) {
                Object[] v = ((BundleObject) b).$kiln$values();
                full.put(v[0], v);
            }
        }
        boolean[] all = layout.allLoaded();
        for (BundleObject row : shape.rows) {
            Object[] v = row.$kiln$values();
            Object[] f = full.get(v[0]);
            if (f == null) {
                continue;
            }
            for (int a = 0; a < all.length; a++) {
                if (all[a] && !shape.loaded[a]) {
                    v[a] = f[a];
                }
            }
        }
        for (int a = 0; a < all.length; a++) {
            if (all[a] && !shape.loaded[a]) {
                shape.markLoaded(a);
            }
        }
    }

    private List<Object> query(EntityLayout layout, String where, List<Object> keys, boolean loadUnselected) {
        SelectPlan plan = engine.plan(layout, layout.allLoaded(), List.of());
        SelectionQuery<Object[]> q = session.createSelectionQuery(
                plan.selectFrom("kiln_e") + " where " + where, Object[].class);
        q.setParameterList("kiln_keys", keys);
        return engine.execute(session, plan, q, loadUnselected);
    }

    private static List<List<Object>> chunks(Set<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        List<Object> current = new ArrayList<>(Math.min(CHUNK, keys.size()));
        for (Object k : keys) {
            current.add(k);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
