package dev.kiln.samples.profiler.internal;

import dev.kiln.samples.profiler.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The scenarios on the class path ({@link ServiceLoader}), in the order of the list, and the selection a
 * command line asks for.
 */
public final class ScenarioCatalog {
    /** The peer of every ratio line. */
    public static final String DEFAULT_OPTIMIZED = "default_optimized";
    public static final String DEFAULT = "default";

    /** Scenario names the command line accepts, in report order. */
    public static final List<String> KNOWN = List.of(DEFAULT, DEFAULT_OPTIMIZED, "fast_save", "baked",
            "fast_save_plus_baked", "bundles", "kiln_all", "jdbi", "raw_jdbc", "list_hibernate");

    private final Map<String, Scenario> byName;

    private ScenarioCatalog(Map<String, Scenario> byName) {
        this.byName = byName;
    }

    /** Every scenario registered in {@code META-INF/services/dev.kiln.samples.profiler.Scenario}. */
    public static ScenarioCatalog load() {
        List<Scenario> found = new ArrayList<>();
        ServiceLoader.load(Scenario.class, ScenarioCatalog.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt((Scenario s) -> {
            int i = KNOWN.indexOf(s.name());
            return i < 0 ? KNOWN.size() : i;
        }).thenComparing(Scenario::name));
        Map<String, Scenario> byName = new LinkedHashMap<>();
        for (Scenario s : found) {
            Scenario previous = byName.putIfAbsent(s.name(), s);
            if (previous != null) {
                throw new IllegalStateException("Two scenarios are named " + s.name() + ": " + previous.getClass().getName()
                        + " and " + s.getClass().getName());
            }
        }
        return new ScenarioCatalog(byName);
    }

    public List<Scenario> all() {
        return List.copyOf(byName.values());
    }

    public Scenario get(String name) {
        Scenario s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No scenario named " + name + " on the class path; known: " + byName.keySet());
        }
        return s;
    }

    /**
     * The scenarios to run for a selection, in report order; {@code default} and {@code default_optimized} are always
     * included because the ratios of updates are taken against them, and so is the {@linkplain Scenario#peer() peer}
     * of every selected scenario.
     */
    public List<Scenario> select(List<String> selection) {
        Set<String> names = new LinkedHashSet<>();
        names.add(DEFAULT);
        names.add(DEFAULT_OPTIMIZED);
        if (selection.contains("all")) {
            names.addAll(byName.keySet());
        } else {
            names.addAll(selection);
        }
        for (String n : List.copyOf(names)) {
            names.add(get(n).peer());   // the peer of each ratio runs too
        }
        List<Scenario> result = new ArrayList<>();
        for (Scenario s : byName.values()) {
            if (names.contains(s.name())) {
                result.add(s);
            }
        }
        for (String n : names) {
            get(n);
        }
        return result;
    }

    /** Parses {@code all} or a comma-separated list of known names. */
    static List<String> parseSelection(String value) throws UsageException {
        List<String> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String n = part.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            if (!n.equals("all") && !KNOWN.contains(n)) {
                throw new UsageException("--scenario: unknown scenario '" + part.trim() + "'; expected all or any of "
                        + String.join(", ", KNOWN));
            }
            result.add(n);
        }
        if (result.isEmpty()) {
            throw new UsageException("--scenario needs a value");
        }
        return List.copyOf(result);
    }
}
