package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cluster-wide option whose counters the cluster module does not replicate (ecelerity.md
 * §4): without the matching {@code Replicate} stanza inside {@code cluster { }} each node
 * counts alone. cluster_max_outbound_connections in a host needs no replication. Reported
 * once per option, at its first use, naming the stanza to add.
 */
public final class ClusterReplicationCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("cluster-replication", Severity.ERROR,
            "a cluster-wide option lacks the Replicate stanza it needs in cluster { }",
            "Cluster-wide limits are counted per node unless the cluster module replicates their counters: add the named Replicate stanza inside cluster { }.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        Set<String> replicated = new HashSet<>();
        boolean[] hasCluster = {false};
        Map<String, List<Directive>> uses = new LinkedHashMap<>();
        ctx.tree().walk((d, enclosing) -> {
            String scope = Scopes.innermost(enclosing);
            if (d.hasBlock()) {
                // Only the cluster module's own stanza at global scope configures replication.
                if (d.key().equals(MomentumScopes.CLUSTER) && enclosing.isEmpty()) hasCluster[0] = true;
                if (d.key().equals(MomentumScopes.REPLICATE) && enclosing.size() == 1
                        && scope.equals(MomentumScopes.CLUSTER) && d.instanceName() != null) {
                    replicated.add(d.instanceName().toLowerCase(Locale.ROOT));
                }
                return;
            }
            LimitOption option = LimitOptions.get(d.key());
            if (option == null || option.replicate() == null || !Scopes.isOption(d)) return;
            if (option.name().equals("cluster_max_outbound_connections") && scope.equals(MomentumScopes.HOST)) return;
            // A use in the wrong scope is reported by option-scope; it needs no replication.
            if (OptionScopeCheck.rejection(option, enclosing, ctx.options().targetVersion()) != null) return;
            uses.computeIfAbsent(option.name(), k -> new java.util.ArrayList<>()).add(d);
        });
        for (Map.Entry<String, List<Directive>> e : uses.entrySet()) {
            LimitOption option = LimitOptions.get(e.getKey());
            if (replicated.contains(option.replicate().toLowerCase(Locale.ROOT))) continue;
            List<Directive> at = e.getValue();
            String stanza = "Replicate \"" + option.replicate() + "\" {}";
            String more = at.size() > 1 ? " (and " + (at.size() - 1) + " more use" + (at.size() > 2 ? "s" : "") + ")" : "";
            ctx.report(at.get(0).nameAt(), option.name() + " is not shared across the cluster without "
                            + stanza + " in cluster { }" + more,
                    hasCluster[0] ? "add " + stanza + " inside the cluster { } stanza"
                            : "add cluster { " + stanza + " } (usually in ecelerity-cluster.conf, included from ecelerity.conf)");
        }
    }
}
