package io.limitc.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves a Momentum delivery path against the compiled scopes and chains: which limit of
 * each option applies (the first scope along the option's chain that sets it), plus the
 * host-scope limits (their own chain, added) and the scope-wide caps of every scope that
 * contains the path. The same rules `limitc explain` prints.
 */
final class MomentumRules {

    private record Scope(String label, String kind, String name, Scope parent, Pattern regex, Map<String, String> limits,
                         List<Scope> domains, List<Scope> hosts) {
        boolean matches(String target) {
            return regex != null ? regex.matcher(target).find() : name.equalsIgnoreCase(target);
        }
    }

    private final Scope global;
    private final Map<String, Scope> bindings = new HashMap<>();
    private final Map<String, List<String>> chains;
    private final Map<String, Long> defaults;

    MomentumRules(CompiledFile.Momentum rules) {
        Map<String, Scope> byLabel = new LinkedHashMap<>();
        Scope g = null;
        for (CompiledFile.Scope s : rules.scopes()) {
            Scope parent = s.parent() == null ? null : byLabel.get(s.parent());
            Pattern regex = s.regex() ? Pattern.compile(s.pattern(), Pattern.CASE_INSENSITIVE) : null;
            Scope scope = new Scope(s.scope(), s.kind(), s.name(), parent, regex, s.limits(), new ArrayList<>(), new ArrayList<>());
            byLabel.put(s.scope(), scope);
            switch (s.kind()) {
                case "global" -> g = scope;
                case "binding" -> bindings.put(s.name(), scope);
                case "domain" -> parent.domains().add(scope);
                case "host" -> parent.hosts().add(scope);
                default -> { }
            }
        }
        this.global = g;
        this.chains = rules.chains();
        this.defaults = rules.defaults();
    }

    /** A limit that applies to a path, and the option it is for. */
    record Applied(String option, String limit) {}

    /** Every limit name that applies to the path (scope-wide caps last), or null for an unknown binding. */
    List<Applied> resolve(MailPath path, java.util.Set<String> options) {
        Scope binding = bindings.get(path.binding());
        if (binding == null && !path.binding().equals("default")) return null;
        Scope group = binding != null && binding.parent() != null && binding.parent().kind().equals("group")
                ? binding.parent() : null;
        Map<String, Scope> steps = new LinkedHashMap<>();
        steps.put("binding_domain", binding == null ? null : match(binding.domains(), path.domain()));
        steps.put("group_domain", group == null ? null : match(group.domains(), path.domain()));
        steps.put("binding", binding);
        steps.put("group", group);
        steps.put("domain", match(global.domains(), path.domain()));
        steps.put("global", global);
        steps.put("binding_host", binding == null ? null : match(binding.hosts(), path.host()));
        steps.put("group_host", group == null ? null : match(group.hosts(), path.host()));
        steps.put("host", match(global.hosts(), path.host()));
        List<Applied> out = new ArrayList<>();
        List<Applied> scopeWide = new ArrayList<>();
        for (String option : options) {
            if (option.contains("scope_max_") || option.contains("server_max_")) {
                for (Scope s : steps.values()) {
                    if (s != null && s.limits().containsKey(option)) scopeWide.add(new Applied(option, s.limits().get(option)));
                }
                continue;
            }
            List<String> chain = chains.getOrDefault(option, chains.get("general"));
            String found = lookup(chain, steps, option);
            if (found == null && defaults.containsKey(option)) found = "default/" + option;
            if (found != null) out.add(new Applied(option, found));
            if (!option.equals("cluster_max_outbound_connections") && chains.containsKey("host")) {
                String onHost = lookup(chains.get("host"), steps, option);
                if (onHost != null) out.add(new Applied(option, onHost));
            }
        }
        out.addAll(scopeWide.stream().distinct().toList());
        return out;
    }

    private static String lookup(List<String> chain, Map<String, Scope> steps, String option) {
        for (String step : chain) {
            Scope s = steps.get(step);
            if (s != null && s.limits().containsKey(option)) return s.limits().get(option);
        }
        return null;
    }

    Map<String, Long> defaults() {
        return defaults;
    }

    /** Exact names beat regexes; regexes in declaration order. */
    private static Scope match(List<Scope> candidates, String target) {
        if (target == null) return null;
        for (Scope s : candidates) if (s.regex() == null && s.matches(target)) return s;
        for (Scope s : candidates) if (s.regex() != null && s.matches(target)) return s;
        return null;
    }
}
