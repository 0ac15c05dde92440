package io.limitc.runtime;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Resolves a Momentum delivery path against the compiled scopes and chains: which limit of
 * each option applies (the first scope along the option's chain that sets it), plus the
 * host-scope limits (their own chain, added) and the scope-wide caps of every scope that
 * contains the path. The same rules `limitc explain` prints.
 */
final class MomentumRules {

    /**
     * A scope as read from the file, then (once every name above it is known) with its
     * limits defined and its domains and hosts indexed.
     */
    static final class Scope {
        final String kind;
        final Scope parent;
        /** Its place in its parent's list, for messages. */
        final int index;
        String name;
        String pattern;
        Pattern regex;
        LimitDefinition[] limits = NONE;
        Named domains;
        Named hosts;
        /** As read, until the tree is built. */
        List<RawLimit> raw = List.of();
        List<Scope> children = List.of();
        /** A top-level scope whose subtree is built but for the file-wide indexes (MomentumRules.prepare). */
        boolean prepared;

        Scope(String kind, Scope parent, int index) {
            this.kind = kind;
            this.parent = parent;
            this.index = index;
        }

        boolean matches(String target) {
            return regex.matcher(target).find();
        }

        /** The limit it sets for the option, or null. */
        LimitDefinition limit(String option) {
            for (LimitDefinition l : limits) {
                if (l.option().equals(option)) return l;
            }
            return null;
        }

        /** {@code $.rules.momentum.global.bindings[3].domains[7]}: spelled out only for a message. */
        String path() {
            return parent == null ? "$.rules.momentum.global" : parent.path() + "." + kind + "s[" + index + "]";
        }
    }

    /** The scope tree as read, not yet built. */
    @JsonDeserialize(using = ScopeReader.class)
    record Tree(Scope root) {}

    /** A limit as the file states it. */
    record RawLimit(String option, Long limit, Long periodSeconds, List<String> key, boolean cluster, String origin) {}

    private static final LimitDefinition[] NONE = {};
    /** From this many top-level scopes their subtrees are built on every core. */
    private static final int PREPARE_SIDE_BY_SIDE = 64;

    private final Scope global;
    private final Map<String, Scope> bindings = new HashMap<>();
    private final Set<String> groups = new HashSet<>();
    private final Map<String, List<String>> chains;
    private final Map<String, LimitDefinition> defaults = new LinkedHashMap<>();
    /** Every limit the scopes set, in document order. */
    private final List<LimitDefinition> limits = new ArrayList<>();
    /** Per option, the least name of its connection limits: the order options are acquired in on ties. */
    private final Map<String, String> leastNames = new java.util.HashMap<>();

    /**
     * Builds the scope tree, naming each limit as the compiler does
     * ({@code binding_group:g/binding:b/domain:d/option}). A path finds its limits through
     * the scopes, not by name. A problem is reported with its JSON path.
     */
    MomentumRules(CompiledFile.Momentum rules) throws ConfigException {
        this.global = rules.global().root();
        prepare(global.children);
        build(global, new Label(), false);
        this.chains = rules.chains();
        for (Map.Entry<String, Long> d : rules.defaults().entrySet()) {
            defaults.put(d.getKey(), new LimitDefinition("default/" + d.getKey(), d.getValue(), 0, List.of("binding", "domain"),
                    false, d.getKey(), "default"));
        }
    }

    /**
     * Builds each top-level scope's subtree on its own, side by side when there are many:
     * all that needs nothing from outside it (limit names, patterns, domain and host
     * indexes). Only the indexes of the whole file (bindings, groups) and the list of limits
     * in document order are left to {@link #build}. A subtree with a problem is left as read,
     * for the build to report the problem where it would have without this.
     */
    private static void prepare(List<Scope> tops) {
        List<Scope> left = new ArrayList<>();
        for (Scope top : tops) {
            if (!top.prepared) left.add(top);
        }
        int threads = left.size() < PREPARE_SIDE_BY_SIDE ? 1 : Runtime.getRuntime().availableProcessors();
        SideBySide<RuntimeException> run = SideBySide.start(threads, "limitc-build");
        for (Scope top : left) run.add(() -> prepare(top));
        run.finish();
    }

    /** Prepares a top-level scope's subtree, when a reader has it (SplitReader: right after reading it). */
    static void prepare(Scope top) {
        Label label = new Label();
        label.enter(top);
        top.prepared = prepare(top, label);
    }

    /** True when the subtree is built but for the file-wide indexes. */
    private static boolean prepare(Scope s, Label label) {
        try {
            own(s, label);
        } catch (ConfigException e) {
            return false;
        }
        for (int i = 0; i < s.children.size(); i++) {
            Scope child = s.children.get(i);
            int back = label.enter(child);
            boolean built = prepare(child, label);
            label.leave(back);
            if (!built) return false;
            boolean first = switch (child.kind) {
                case "domain" -> domains(s).add(child);
                case "host" -> hosts(s).add(child);
                default -> true; // a binding or group: a file-wide index, the build's
            };
            if (!first) return false;
        }
        return true;
    }

    /** {@code prepared}: the scope is in a prepared subtree, which has its limits, patterns and local indexes. */
    private void build(Scope s, Label label, boolean prepared) throws ConfigException {
        if (!prepared) own(s, label);
        // gathered here, in the one pass over 100 000 scopes there is anyway
        for (LimitDefinition def : s.limits) {
            limits.add(def);
            if (def.periodSeconds() != 0) continue; // a rate: not acquired
            String least = leastNames.get(def.option());
            if (least == null || def.name().compareTo(least) < 0) leastNames.put(def.option(), def.name());
        }
        for (int i = 0; i < s.children.size(); i++) {
            Scope child = s.children.get(i);
            int back = label.enter(child);
            build(child, label, prepared || child.prepared);
            // the compiler merges repeated stanzas: a scope written twice would make two limits of one name
            boolean first = switch (child.kind) {
                case "group" -> groups.add(child.name);
                case "binding" -> bindings.putIfAbsent(child.name, child) == null;
                case "domain" -> prepared || domains(s).add(child);
                default -> prepared || hosts(s).add(child);
            };
            if (!first) throw problem(child, "", "repeats scope " + label);
            label.leave(back);
        }
        s.raw = null;
        s.children = null;
    }

    /** What a scope holds that needs nothing from outside it: checked, its limits defined, its pattern compiled. */
    private static void own(Scope s, Label label) throws ConfigException {
        if ((s.parent == null) != (s.name == null)) {
            throw problem(s, ".name", s.parent == null ? "is not allowed" : "is missing");
        }
        if (s.pattern != null) {
            try {
                s.regex = Pattern.compile(s.pattern, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw problem(s, ".pattern", "not a valid regular expression: " + e.getDescription());
            }
        }
        s.limits = s.raw.isEmpty() ? NONE : new LimitDefinition[s.raw.size()];
        for (int i = 0; i < s.raw.size(); i++) {
            s.limits[i] = limit(s, label.name(s.raw.get(i).option()), s.raw.get(i));
        }
        // a subtree prepared in part before a problem was found is indexed again from the start
        s.domains = null;
        s.hosts = null;
    }

    /**
     * The compiler's label of the scope being built, kept in one buffer: a top-level scope is
     * "binding:b", a nested one adds "/domain:d" to its parent's, a limit "/option" to its
     * scope's ("global/option" at the top). Only the limits' names are made strings, not
     * the labels of 100 000 scopes on the way.
     */
    private static final class Label {
        private final StringBuilder text = new StringBuilder(128);

        /** Adds the scope to the label; gives the length to go back to. */
        int enter(Scope s) {
            int back = text.length();
            if (back > 0) text.append('/');
            text.append(s.kind.equals("group") ? "binding_group" : s.kind).append(':').append(s.name);
            return back;
        }

        void leave(int back) {
            text.setLength(back);
        }

        /** The name of a limit of the scope entered last. */
        String name(String option) {
            if (text.length() == 0) return "global/" + option;
            int back = text.length();
            String name = text.append('/').append(option).toString();
            text.setLength(back);
            return name;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static Named domains(Scope s) {
        return s.domains == null ? s.domains = new Named(s.children.size()) : s.domains;
    }

    private static Named hosts(Scope s) {
        return s.hosts == null ? s.hosts = new Named(s.children.size()) : s.hosts;
    }

    private static LimitDefinition limit(Scope s, String name, RawLimit l) throws ConfigException {
        String origin = l.origin() == null ? "default" : l.origin();
        if (l.limit() == null) throw problem(s, ".limits." + l.option() + ".limit", "is missing (limit " + name + ")");
        if (l.limit() < -1) {
            throw problem(s, ".limits." + l.option() + ".limit",
                    "must be -1 (unlimited) or a count (limit " + name + " written at " + origin + ")");
        }
        if (l.periodSeconds() != null && l.periodSeconds() < 1) {
            throw problem(s, ".limits." + l.option() + ".periodSeconds", "must be at least 1 (limit " + name + ")");
        }
        // the reader gives each key list once (KeyLists)
        List<String> key = l.key() == null ? List.of() : l.key();
        return new LimitDefinition(name, l.limit(), l.periodSeconds() == null ? 0 : l.periodSeconds(), key, l.cluster(),
                l.option(), origin);
    }

    private static ConfigException problem(Scope s, String field, String problem) {
        return new ConfigException("at " + s.path() + field + ": " + problem);
    }

    /** Every limit the scopes set, in document order. */
    List<LimitDefinition> limits() {
        return limits;
    }

    /** Per option, the least name among its connection limits (a rate's period is 0). */
    Map<String, String> leastNames() {
        return leastNames;
    }

    /** Momentum's built-in limits ({@code default/max_outbound_connections}), by option. */
    Map<String, LimitDefinition> defaults() {
        return defaults;
    }

    /** A limit that applies to a path, and the option it is for. */
    record Applied(String option, LimitDefinition limit) {}

    /** Every limit that applies to the path (scope-wide caps last), or null for an unknown binding. */
    List<Applied> resolve(MailPath path, java.util.Set<String> options) {
        Scope binding = bindings.get(path.binding());
        if (binding == null && !path.binding().equals("default")) return null;
        Scope group = binding != null && binding.parent != null && binding.parent.kind.equals("group")
                ? binding.parent : null;
        Map<String, Scope> steps = new LinkedHashMap<>();
        steps.put("binding_domain", binding == null ? null : match(binding.domains, path.domain()));
        steps.put("group_domain", group == null ? null : match(group.domains, path.domain()));
        steps.put("binding", binding);
        steps.put("group", group);
        steps.put("domain", match(global.domains, path.domain()));
        steps.put("global", global);
        steps.put("binding_host", binding == null ? null : match(binding.hosts, path.host()));
        steps.put("group_host", group == null ? null : match(group.hosts, path.host()));
        steps.put("host", match(global.hosts, path.host()));
        List<Applied> out = new ArrayList<>();
        List<Applied> scopeWide = new ArrayList<>();
        for (String option : options) {
            if (option.contains("scope_max_") || option.contains("server_max_")) {
                for (Scope s : steps.values()) {
                    LimitDefinition l = s == null ? null : s.limit(option);
                    if (l != null) scopeWide.add(new Applied(option, l));
                }
                continue;
            }
            List<String> chain = chains.getOrDefault(option, chains.get("general"));
            LimitDefinition found = lookup(chain, steps, option);
            if (found == null) found = defaults.get(option);
            if (found != null) out.add(new Applied(option, found));
            if (!option.equals("cluster_max_outbound_connections") && chains.containsKey("host")) {
                LimitDefinition onHost = lookup(chains.get("host"), steps, option);
                if (onHost != null) out.add(new Applied(option, onHost));
            }
        }
        out.addAll(scopeWide.stream().distinct().toList());
        return out;
    }

    private static LimitDefinition lookup(List<String> chain, Map<String, Scope> steps, String option) {
        for (String step : chain) {
            Scope s = steps.get(step);
            LimitDefinition l = s == null ? null : s.limit(option);
            if (l != null) return l;
        }
        return null;
    }

    private static Scope match(Named candidates, String target) {
        return candidates == null || target == null ? null : candidates.match(target);
    }

    /**
     * The domain (or host) scopes of one scope, as the compiler's MomentumIndex.Named holds
     * them: exact names beat regexes, regexes are tried in declaration order. Exact names are
     * looked up, not scanned: a configuration can hold 100 000 and every new path looks one up.
     */
    private static final class Named {
        private final Map<String, Scope> exact;
        private final List<Scope> regexes = new ArrayList<>();
        private final Set<String> regexNames = new HashSet<>();

        Named(int size) {
            exact = new HashMap<>(size * 4 / 3 + 1);
        }

        /** False when the name is there already. */
        boolean add(Scope s) {
            if (s.regex == null) return exact.putIfAbsent(s.name.toLowerCase(Locale.ROOT), s) == null;
            return regexNames.add(s.name) && regexes.add(s);
        }

        Scope match(String target) {
            Scope s = exact.get(target.toLowerCase(Locale.ROOT));
            if (s != null) return s;
            for (Scope r : regexes) {
                if (r.matches(target)) return r;
            }
            return null;
        }
    }
}
