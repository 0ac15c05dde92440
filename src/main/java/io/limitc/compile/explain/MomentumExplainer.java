package io.limitc.compile.explain;

import io.limitc.compile.CompiledLimit;
import io.limitc.compile.Origins;
import io.limitc.compile.momentum.MomentumCompiler;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.compile.momentum.MomentumPath;
import io.limitc.model.ecelerity.LimitOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Explains a Momentum delivery path: binding, domain and optionally the MX host. */
public final class MomentumExplainer {

    private MomentumExplainer() {}

    public static Explanation explain(MomentumIndex index, String binding, String domain, String host, Origins origins) {
        MomentumIndex.Scope b = index.binding(binding);
        if (b == null) {
            java.util.Set<String> known = new java.util.TreeSet<>(index.bindings.keySet());
            known.add("default");
            throw new IllegalArgumentException("binding \"" + binding + "\" is not declared (bindings: "
                    + String.join(", ", known) + ")");
        }
        MomentumPath path = new MomentumPath(index, b, domain, host);
        List<Explanation.Entry> connection = new ArrayList<>();
        List<Explanation.Entry> rates = new ArrayList<>();
        MomentumPath.Applied primary = path.resolved.get("max_outbound_connections");
        if (primary == null) {
            connection.add(new Explanation.Entry(new CompiledLimit("default/max_outbound_connections", "concurrency",
                    MomentumCompiler.DEFAULT_MAX_OUTBOUND, 0, List.of("binding", "domain"), "default", false,
                    "max_outbound_connections", null), "Momentum's default: no scope on the path sets it", false));
        }
        for (MomentumPath.Applied a : path.resolved.values()) add(a, origins, connection, rates);
        for (MomentumPath.Applied a : path.hostLimits.values()) add(a, origins, connection, rates);
        for (MomentumPath.Applied a : path.scopeWide) add(a, origins, connection, rates);
        String subject = "binding \"" + b.name + "\"" + (b.group() != null ? " (binding_group \"" + b.group().name + "\")" : "")
                + ", domain \"" + domain + "\"" + (host != null ? ", host \"" + host + "\"" : "");
        MomentumPath.Applied k = path.resolved.get("max_deliveries_per_connection");
        long deliveries = 0;
        if (k != null) {
            io.limitc.model.ecelerity.MomentumValues.Int n =
                    io.limitc.model.ecelerity.MomentumValues.integer("max_deliveries_per_connection", k.setting().value());
            deliveries = n.ok() ? Math.max(0, n.value()) : 0;
        }
        return new Explanation(subject, connection, rates, deliveries);
    }

    private static void add(MomentumPath.Applied a, Origins origins, List<Explanation.Entry> connection,
                            List<Explanation.Entry> rates) {
        CompiledLimit l = MomentumCompiler.limit(a.setting(), a.setting().scope().label, origins);
        if (l == null) return; // a per-connection setting, not a limit
        String why = a.role().equals("scope") ? "caps everything in " + l.scope()
                : "found at " + a.step().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (a.setting().option().kind() == LimitOption.Kind.THROTTLE ? " (shared bucket of " + l.scope() + ")" : "");
        (l.type().equals("rate") ? rates : connection).add(new Explanation.Entry(l, why, false));
    }
}
