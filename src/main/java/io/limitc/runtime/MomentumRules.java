package io.limitc.runtime;

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

    /** A scope and the limits it sets (a few). Domains and hosts are created when it has any. */
    private static final class Scope {
        final String kind;
        final String name;
        final Scope parent;
        final Pattern regex;
        final LimitDefinition[] limits;
        Named domains;
        Named hosts;

        Scope(String kind, String name, Scope parent, Pattern regex, LimitDefinition[] limits) {
            this.kind = kind;
            this.name = name;
            this.parent = parent;
            this.regex = regex;
            this.limits = limits;
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
    }

    /** The kinds of scope the nested lists hold, and the lists' names. */
    private static final List<String> KINDS = List.of("group", "binding", "domain", "host");
    private static final List<String> LISTS = List.of("groups", "bindings", "domains", "hosts");
    private static final LimitDefinition[] NONE = {};

    private final Scope global;
    private final Map<String, Scope> bindings = new HashMap<>();
    private final Set<String> groups = new HashSet<>();
    private final Map<String, List<String>> chains;
    private final Map<String, LimitDefinition> defaults = new LinkedHashMap<>();
    /** Every limit the scopes set, in document order. */
    private final List<LimitDefinition> limits = new ArrayList<>();
    /** Key lists are shared: nearly every limit has one of two. */
    private final Map<List<String>, List<String>> keys = new HashMap<>();

    /**
     * Builds the scope tree, naming each limit as the compiler does
     * ({@code binding_group:g/binding:b/domain:d/option}). A path finds its limits through
     * the scopes, not by name. A problem is reported with its JSON path.
     */
    MomentumRules(CompiledFile.Momentum rules) throws ConfigException {
        this.global = scope(rules.global(), "global", null, null, new At(null, null, 0));
        this.chains = rules.chains();
        for (Map.Entry<String, Long> d : rules.defaults().entrySet()) {
            defaults.put(d.getKey(), new LimitDefinition("default/" + d.getKey(), d.getValue(), 0, List.of("binding", "domain"),
                    false, d.getKey(), "default"));
        }
    }

    private Scope scope(CompiledFile.Scope s, String kind, Scope parent, String parentLabel, At at) throws ConfigException {
        if ((parent == null) != (s.name == null)) throw at.problem(".name", parent == null ? "is not allowed" : "is missing");
        String label = label(kind, s.name, parent, parentLabel);
        Pattern regex = null;
        if (s.pattern != null) {
            try {
                regex = Pattern.compile(s.pattern, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw at.problem(".pattern", "not a valid regular expression: " + e.getDescription());
            }
        }
        LimitDefinition[] own = s.limits == null ? NONE : new LimitDefinition[s.limits.size()];
        int n = 0;
        if (s.limits != null) {
            for (Map.Entry<String, CompiledFile.ScopeLimit> e : s.limits.entrySet()) {
                own[n] = limit(label + "/" + e.getKey(), e.getKey(), e.getValue(), at);
                limits.add(own[n++]);
            }
        }
        Scope scope = new Scope(kind, s.name, parent, regex, own);
        List<List<CompiledFile.Scope>> lists = List.of(nonNull(s.groups), nonNull(s.bindings), nonNull(s.domains),
                nonNull(s.hosts));
        for (int k = 0; k < KINDS.size(); k++) {
            String childKind = KINDS.get(k);
            for (int i = 0; i < lists.get(k).size(); i++) {
                At where = new At(at, LISTS.get(k), i);
                Scope child = scope(lists.get(k).get(i), childKind, scope, label, where);
                // the compiler merges repeated stanzas: a scope written twice would make two limits of one name
                boolean first = switch (childKind) {
                    case "group" -> groups.add(child.name);
                    case "binding" -> bindings.putIfAbsent(child.name, child) == null;
                    case "domain" -> (scope.domains == null ? scope.domains = new Named(s.domains.size()) : scope.domains)
                            .add(child);
                    default -> (scope.hosts == null ? scope.hosts = new Named(s.hosts.size()) : scope.hosts).add(child);
                };
                if (!first) throw where.problem("", "repeats scope " + label(childKind, child.name, scope, label));
            }
        }
        return scope;
    }

    /** The compiler's label: a top-level scope is {@code binding:b}, a nested one adds to its parent's. */
    private static String label(String kind, String name, Scope parent, String parentLabel) {
        String own = (kind.equals("group") ? "binding_group" : kind) + ":" + name;
        return parent == null ? "global" : parent.parent == null ? own : parentLabel + "/" + own;
    }

    private LimitDefinition limit(String name, String option, CompiledFile.ScopeLimit l, At at) throws ConfigException {
        String origin = l.origin == null ? "default" : l.origin;
        if (l.limit == null) throw at.problem(".limits." + option + ".limit", "is missing (limit " + name + ")");
        if (l.limit < -1) {
            throw at.problem(".limits." + option + ".limit", "must be -1 (unlimited) or a count (limit " + name + " written at "
                    + origin + ")");
        }
        if (l.periodSeconds != null && l.periodSeconds < 1) {
            throw at.problem(".limits." + option + ".periodSeconds", "must be at least 1 (limit " + name + ")");
        }
        List<String> key = keys.computeIfAbsent(l.key == null ? List.of() : l.key, List::copyOf);
        return new LimitDefinition(name, l.limit, l.periodSeconds == null ? 0 : l.periodSeconds, key,
                Boolean.TRUE.equals(l.cluster), option, origin);
    }

    /** Every limit the scopes set, in document order. */
    List<LimitDefinition> limits() {
        return limits;
    }

    /** Momentum's built-in limits ({@code default/max_outbound_connections}), by option. */
    Map<String, LimitDefinition> defaults() {
        return defaults;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Where a scope is in the document, spelled out only for an error message. */
    private record At(At parent, String list, int index) {
        ConfigException problem(String field, String problem) {
            return new ConfigException("at " + this + field + ": " + problem);
        }

        @Override
        public String toString() {
            return parent == null ? "$.rules.momentum.global" : parent + "." + list + "[" + index + "]";
        }
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
