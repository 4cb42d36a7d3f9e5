package dev.kiln.bundles.internal;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The select list of a bundle query: which attributes of the root, and of each to-one fetched in the same query
 * (a left join), are read, in which order. Immutable and cached per (entity, selected attributes, fetches).
 *
 * <p>Selection {@code s} reads attribute {@code selAttr[s]} of node {@code selNode[s]} (node 0 is the root, node
 * {@code k > 0} the k-th fetched association); to-ones are read as their foreign-key value (the target's referenced key, which Hibernate reads from the foreign-key column), never
 * joined unless fetched.
 */
public final class SelectPlan {
    /**
     * A node of the fetch tree.
     *
     * @param parent      parent node, -1 for the root
     * @param parentAttr  the to-one attribute of the parent this node is
     * @param layout      the node's entity
     * @param loaded      attributes read
     * @param alias       HQL alias
     */
    record Node(int parent, int parentAttr, EntityLayout layout, boolean[] loaded, String alias) {
    }

    final Node[] nodes;
    final int[] selNode;
    final int[] selAttr;
    final BasicValueConverter<?, ?>[] converters;
    /** Per node: the selection of its identifier (attribute 0); -1 for the root, whose columns are always read. */
    final int[] keys;
    /** Per node: its selections. */
    final int[][] selectionsOf;
    /** Per node: the nodes fetched through it (whose bundles fill its to-one slots). */
    final int[][] childrenOf;
    private final String joinsHql;
    private final String selectHql;
    private final java.util.Map<String, String> byAlias = new java.util.concurrent.ConcurrentHashMap<>();

    SelectPlan(List<Node> nodes) {
        this.nodes = nodes.toArray(new Node[0]);
        List<int[]> sels = new ArrayList<>();
        for (int n = 0; n < this.nodes.length; n++) {
            Node node = this.nodes[n];
            for (int i = 0; i < node.layout.size(); i++) {
                if (node.loaded[i]) {
                    sels.add(new int[]{n, i});
                }
            }
        }
        selNode = new int[sels.size()];
        selAttr = new int[sels.size()];
        converters = new BasicValueConverter<?, ?>[sels.size()];
        StringBuilder select = new StringBuilder("select ");
        for (int s = 0; s < sels.size(); s++) {
            selNode[s] = sels.get(s)[0];
            selAttr[s] = sels.get(s)[1];
            Node node = this.nodes[selNode[s]];
            converters[s] = node.layout.converters()[selAttr[s]];
            if (s > 0) {
                select.append(", ");
            }
            String path = node.alias + "." + node.layout.spec().attr(selAttr[s]).name();
            if (node.layout.kind(selAttr[s]) == BundleSpec.Kind.TO_ONE) {
                // The referenced key of the target is the foreign key column itself: Hibernate reads it without a join.
                path = path + "." + node.layout.targetKeys()[selAttr[s]];
            }
            select.append(path);
        }
        this.selectHql = select.toString();
        StringBuilder joins = new StringBuilder();
        for (int n = 1; n < this.nodes.length; n++) {
            Node node = this.nodes[n];
            Node parent = this.nodes[node.parent];
            joins.append(" left join ").append(parent.alias).append('.')
                    .append(parent.layout.spec().attr(node.parentAttr).name()).append(' ').append(node.alias);
        }
        this.joinsHql = joins.toString();
        int n = this.nodes.length;
        keys = new int[n];
        Arrays.fill(keys, -1);
        for (int s = 0; s < selNode.length; s++) {
            if (selAttr[s] == 0 && selNode[s] > 0) {
                keys[selNode[s]] = s;
            }
        }
        selectionsOf = new int[n][];
        childrenOf = new int[n][];
        for (int k = 0; k < n; k++) {
            int node = k;
            selectionsOf[k] = IntStream.range(0, selNode.length).filter(s -> selNode[s] == node).toArray();
            childrenOf[k] = IntStream.range(1, n).filter(c -> this.nodes[c].parent == node).toArray();
        }
    }

    EntityLayout root() {
        return nodes[0].layout;
    }

    int selections() {
        return selNode.length;
    }

    /** {@code select ... from Entity alias left join ...}, for a root alias. */
    public String selectFrom(String rootAlias) {
        if (rootAlias.equals(nodes[0].alias)) {
            return selectHql + " from " + root().name() + " " + rootAlias + joinsHql;
        }
        String hql = byAlias.get(rootAlias);
        if (hql == null) {
            hql = withAlias(rootAlias).selectFrom(rootAlias);
            byAlias.put(rootAlias, hql);
        }
        return hql;
    }

    /** The same plan with another root alias. */
    SelectPlan withAlias(String rootAlias) {
        List<Node> renamed = new ArrayList<>();
        for (int n = 0; n < nodes.length; n++) {
            Node node = nodes[n];
            renamed.add(n == 0 ? new Node(-1, -1, node.layout, node.loaded, rootAlias) : node);
        }
        return new SelectPlan(renamed);
    }

    /** The same selections for a criteria query on {@code root}, joining fetched associations. */
    public List<Selection<?>> criteriaSelections(CriteriaBuilder cb, Root<?> root) {
        From<?, ?>[] froms = new From<?, ?>[nodes.length];
        froms[0] = root;
        for (int n = 1; n < nodes.length; n++) {
            Node node = nodes[n];
            froms[n] = froms[node.parent].join(nodes[node.parent].layout.spec().attr(node.parentAttr).name(), JoinType.LEFT);
        }
        List<Selection<?>> selections = new ArrayList<>(selNode.length);
        for (int s = 0; s < selNode.length; s++) {
            Node node = nodes[selNode[s]];
            String attr = node.layout.spec().attr(selAttr[s]).name();
            if (node.layout.kind(selAttr[s]) == BundleSpec.Kind.TO_ONE) {
                selections.add(froms[selNode[s]].get(attr).get(node.layout.targetKeys()[selAttr[s]]));
            } else {
                selections.add(froms[selNode[s]].get(attr));
            }
        }
        return selections;
    }
}
