package io.limitc.compile.momentum;

import io.limitc.compile.momentum.MomentumIndex.Scope;
import io.limitc.compile.momentum.MomentumIndex.Setting;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.PrecedenceChains;
import io.limitc.model.ecelerity.PrecedenceChains.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits that apply to one delivery path (binding, domain, MX host), resolved the way
 * Momentum looks options up: per option along its precedence chain, the most specific scope
 * that sets it wins (by value for connection limits, by reference for throttles, whose
 * bucket belongs to the scope that defines them); scope-wide caps apply to every path inside
 * the scope that declares them; host-scope limits have no fallback and add to the others.
 */
public final class MomentumPath {

    /** A limit that applies, with the chain step it was found at ({@code null} for scope-wide caps). */
    public record Applied(Setting setting, Step step, String role) {}

    public final Scope binding;
    public final String domain;
    public final String host;
    /** The path-resolved options (chain lookups), by option name. */
    public final Map<String, Applied> resolved = new LinkedHashMap<>();
    /** Host-scope values (no fallback), additive to the chain values. */
    public final Map<String, Applied> hostLimits = new LinkedHashMap<>();
    /** scope_max / server_max and their cluster variants of every scope containing the path. */
    public final List<Applied> scopeWide = new ArrayList<>();

    private final Map<Step, Scope> steps = new LinkedHashMap<>();

    public MomentumPath(MomentumIndex index, Scope binding, String domain, String host) {
        this.binding = binding;
        this.domain = domain;
        this.host = host;
        Scope group = binding.group();
        steps.put(Step.BINDING_DOMAIN, binding.domains.match(domain));
        steps.put(Step.GROUP_DOMAIN, group == null ? null : group.domains.match(domain));
        steps.put(Step.BINDING, binding);
        steps.put(Step.GROUP, group);
        steps.put(Step.DOMAIN, index.global.domains.match(domain));
        steps.put(Step.GLOBAL, index.global);
        steps.put(Step.BINDING_HOST, binding.hosts.match(host));
        steps.put(Step.GROUP_HOST, group == null ? null : group.hosts.match(host));
        steps.put(Step.HOST, index.global.hosts.match(host));
        for (LimitOption option : LimitOptions.all()) {
            String name = option.name();
            if (scopeWide(name)) {
                for (Step step : Step.values()) {
                    Scope s = steps.get(step);
                    if (s != null && s.settings.containsKey(name)) scopeWide.add(new Applied(s.settings.get(name), step, "scope"));
                }
                continue;
            }
            Applied general = lookup(name, PrecedenceChains.of(name), true);
            if (general != null) resolved.put(name, general);
            if (option.validIn("host") && !name.equals("cluster_max_outbound_connections")) {
                Applied onHost = lookup(name, PrecedenceChains.HOST_ONLY, false);
                if (onHost != null) hostLimits.put(name, onHost);
            }
        }
    }

    /** The scope a chain step resolves to for this path, or null. */
    public Scope scopeAt(Step step) {
        return steps.get(step);
    }

    /** scope_max_* and server_max_* cap everything inside their scope instead of being looked up. */
    static boolean scopeWide(String option) {
        return option.contains("scope_max_") || option.contains("server_max_");
    }

    private Applied lookup(String option, List<Step> chain, boolean skipHosts) {
        for (Step step : chain) {
            boolean hostStep = step == Step.BINDING_HOST || step == Step.GROUP_HOST || step == Step.HOST;
            // host stanzas feed the general chains only where the chain names them (cluster_max)
            if (skipHosts && hostStep && chain == PrecedenceChains.GENERAL) continue;
            Scope s = steps.get(step);
            if (s != null && s.settings.containsKey(option)) return new Applied(s.settings.get(option), step, "chain");
        }
        return null;
    }
}
