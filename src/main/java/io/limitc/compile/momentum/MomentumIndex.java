package io.limitc.compile.momentum;

import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.Value;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outbound scopes of a Momentum configuration, merged as Momentum merges repeated
 * stanzas (also across includes), each with the limit options set in it; the later of two
 * assignments wins. Inbound limits (listeners, pathways) are kept apart, with their scope.
 */
public final class MomentumIndex {

    /** One limit option as the merged scope has it. */
    public record Setting(LimitOption option, Value value, Directive written, Scope scope) {}

    public enum Kind {
        GLOBAL("global"), GROUP("binding_group"), BINDING("binding"), DOMAIN("domain"), HOST("host");

        /** How labels name the kind: {@code binding_group:g1}. */
        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A merged stanza (or the global scope) and what is set in it. */
    public static final class Scope {
        public final Kind kind;
        public final String name;
        /** Stable, readable: {@code binding:b1/domain:gmail.com}; the base of generated limit names. */
        public final String label;
        public final Scope parent;
        public final Directive declared;
        public final Map<String, Setting> settings = new LinkedHashMap<>();
        /** bind_address and ehlo_hostname: what makes a binding an egress source. */
        public final Map<String, Directive> attributes = new LinkedHashMap<>();
        /** Shared and empty until the scope holds one: 100 000 domain scopes hold none. */
        Named domains = Named.NONE;
        Named hosts = Named.NONE;
        final Map<String, Scope> children = new LinkedHashMap<>();
        private final Pattern regex;

        Scope(Kind kind, String name, Scope parent, Directive declared) {
            this.kind = kind;
            this.name = name;
            this.parent = parent;
            this.declared = declared;
            String own = kind == Kind.GLOBAL ? "global" : kind.label + ":" + name;
            this.label = parent == null || parent.kind == Kind.GLOBAL ? own : parent.label + "/" + own;
            this.regex = (kind == Kind.DOMAIN || kind == Kind.HOST) && MomentumScopes.isRegexName(name)
                    ? compile(name.substring(1, name.length() - 1)) : null;
        }

        /** The binding_group of a binding scope, or null. */
        public Scope group() {
            return parent != null && parent.kind == Kind.GROUP ? parent : null;
        }

        boolean matches(String target) {
            return regex != null ? regex.matcher(target).find() : name.equalsIgnoreCase(target);
        }

        /** No limit option and no nested stanza: only attributes such as bind_address. */
        public boolean declaresNoLimits() {
            return settings.isEmpty() && children.isEmpty();
        }

        boolean isRegex() {
            return regex != null;
        }

        /** A regex scope's pattern as Java matches it (case-insensitively), or null. */
        public String pattern() {
            return regex == null ? null : regex.pattern();
        }
    }

    /** An assignment a later one in the same merged scope replaced: kept so nothing is lost unseen. */
    public record Shadowed(Setting setting, Setting by) {}

    /** A limit written in an inbound scope (listener, listen, peer, pathway). */
    public record InboundSetting(Setting setting, String scopePath) {}

    public final Scope global = new Scope(Kind.GLOBAL, null, null, null);
    public final Map<String, Scope> bindings = new LinkedHashMap<>();
    public final Map<String, Scope> groups = new LinkedHashMap<>();
    public final List<InboundSetting> inbound = new ArrayList<>();
    public final List<Shadowed> shadowed = new ArrayList<>();
    /** Every scope in declaration order. */
    public final List<Scope> scopes = new ArrayList<>(List.of(global));

    private final Map<Directive, Scope> scopeOf = new IdentityHashMap<>();
    private static final java.util.Set<String> SOURCE_ATTRIBUTES = java.util.Set.of("bind_address", "ehlo_hostname");

    public static MomentumIndex of(ConfigTree tree) {
        MomentumIndex index = new MomentumIndex();
        tree.walk(index::visit);
        return index;
    }

    private void visit(Directive d, List<Directive> enclosing) {
        Scope parent = enclosing.isEmpty() ? global : scopeOf.get(enclosing.get(enclosing.size() - 1));
        if (d.hasBlock()) {
            Kind kind = switch (d.key()) {
                case MomentumScopes.BINDING_GROUP -> Kind.GROUP;
                case MomentumScopes.BINDING -> Kind.BINDING;
                case MomentumScopes.DOMAIN -> Kind.DOMAIN;
                case MomentumScopes.HOST -> Kind.HOST;
                default -> null;
            };
            if (kind != null && parent != null && d.instanceName() != null) scopeOf.put(d, scope(kind, d, parent));
            return;
        }
        LimitOption option = LimitOptions.get(d.key());
        if (option == null && parent != null && SOURCE_ATTRIBUTES.contains(d.key()) && !d.args().isEmpty()) {
            parent.attributes.put(d.key(), d);
        }
        if (option == null || d.args().isEmpty() || !d.includes().isEmpty()) return;
        if (parent == null) {
            StringBuilder path = new StringBuilder();
            for (Directive e : enclosing) path.append(path.length() == 0 ? "" : " > ").append(e.describe());
            inbound.add(new InboundSetting(new Setting(option, d.args().get(0), d, null), path.toString()));
            return;
        }
        // Later assignments shadow earlier ones in the same (merged) scope.
        Setting now = new Setting(option, d.args().get(0), d, parent);
        Setting earlier = parent.settings.remove(option.name());
        if (earlier != null && earlier.written() != d) shadowed.add(new Shadowed(earlier, now));
        parent.settings.put(option.name(), now);
    }

    private Scope scope(Kind kind, Directive d, Scope parent) {
        String name = d.instanceName();
        String merged = MomentumScopes.mergeName(d.key(), name);
        String mergeKey = kind.label + ":" + merged;
        Scope existing = parent.children.get(mergeKey);
        if (existing != null) return existing;
        if (kind == Kind.BINDING && bindings.containsKey(name)) return bindings.get(name);
        Scope s = new Scope(kind, name, parent, d);
        parent.children.put(mergeKey, s);
        scopes.add(s);
        switch (kind) {
            case GROUP -> groups.put(name, s);
            case BINDING -> bindings.put(name, s);
            case DOMAIN -> (parent.domains == Named.NONE ? parent.domains = new Named() : parent.domains).add(s, merged);
            case HOST -> (parent.hosts == Named.NONE ? parent.hosts = new Named() : parent.hosts).add(s, merged);
            default -> { }
        }
        return s;
    }

    /**
     * The binding a path is sent from: a declared one, or Momentum's implicit "default"
     * binding (which has only global settings unless declared). Null for an unknown name.
     */
    public Scope binding(String name) {
        Scope b = bindings.get(name);
        if (b == null && name.equals("default")) b = new Scope(Kind.BINDING, "default", global, null);
        return b;
    }

    /** A binding that declares nothing (global settings only): KumoMTA's {@code unspecified} source. */
    public Scope bareBinding(String name) {
        return new Scope(Kind.BINDING, name, global, null);
    }

    /**
     * The domain (or host) stanzas of one scope. Exact names beat regexes; regexes are tried
     * in declaration order (ecelerity.md §2.1). Exact names are looked up, not scanned: a
     * configuration can hold 100 000 of them and every path looks one up.
     */
    static final class Named {
        static final Named NONE = new Named();

        private final Map<String, Scope> exact = new java.util.HashMap<>();
        private final List<Scope> regexes = new ArrayList<>();

        /** {@code merged}: the name as stanzas merge, lower-cased for an exact name. */
        void add(Scope s, String merged) {
            if (s.isRegex()) regexes.add(s);
            else exact.putIfAbsent(merged, s);
        }

        Scope match(String target) {
            if (target == null) return null;
            Scope s = exact.get(target.toLowerCase(Locale.ROOT));
            if (s != null) return s;
            for (Scope r : regexes) {
                if (r.matches(target)) return r;
            }
            return null;
        }
    }

    private static Pattern compile(String regex) {
        try {
            // DNS names are case-insensitive, so are the regexes that match them
            return Pattern.compile(MomentumScopes.javaRegex(regex), Pattern.CASE_INSENSITIVE);
        } catch (RuntimeException e) {
            return Pattern.compile(Pattern.quote(regex));
        }
    }
}
