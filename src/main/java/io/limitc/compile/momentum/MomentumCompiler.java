package io.limitc.compile.momentum;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.compile.CompiledLimit;
import io.limitc.compile.CompiledJson;
import io.limitc.compile.Origins;
import io.limitc.compile.momentum.MomentumIndex.Scope;
import io.limitc.compile.momentum.MomentumIndex.Setting;
import io.limitc.model.Directive;
import io.limitc.model.Value;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.MomentumValues;
import io.limitc.model.ecelerity.PrecedenceChains;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles a Momentum configuration: every limit option becomes a named limit (or, for
 * per-connection settings, a named setting) owned by the scope that writes it; bindings
 * become egress sources and binding_groups pools; the rules keep the merged scopes and the
 * precedence chains so a path can be resolved exactly as Momentum would.
 */
public final class MomentumCompiler {

    static final Set<String> CONCURRENCY = Set.of("max_outbound_connections", "scope_max_outbound_connections",
            "server_max_outbound_connections", "cluster_max_outbound_connections", "cluster_scope_max_outbound_connections",
            "cluster_server_max_outbound_connections", "listener_sessions", "service_sessions");
    /** Momentum's built-in value when no scope sets max_outbound_connections. */
    public static final long DEFAULT_MAX_OUTBOUND = 32;

    private MomentumCompiler() {}

    /** The compiled limit (or null for a setting) a Momentum option assignment becomes. */
    public static CompiledLimit limit(Setting s, String scopeLabel, Origins origins) {
        LimitOption o = s.option();
        String name = scopeLabel + "/" + o.name();
        boolean cluster = o.clusterWide();
        if (o.kind() == LimitOption.Kind.THROTTLE) {
            MomentumValues.Rate r = MomentumValues.throttle(o.name(), s.value());
            long limit = r.ok() && r.count() > 0 ? r.count() : -1;
            return new CompiledLimit(name, "rate", limit, r.ok() ? r.periodSeconds() : 1, List.of(), scopeLabel, cluster,
                    o.name(), origins.relative(s.written().nameAt()));
        }
        if (!CONCURRENCY.contains(o.name())) return null;
        MomentumValues.Int n = MomentumValues.integer(o.name(), s.value());
        long limit = n.ok() && n.value() >= 0 ? n.value() : -1;
        return new CompiledLimit(name, "concurrency", limit, 0, key(o.name(), s.scope()), scopeLabel, cluster, o.name(),
                origins.relative(s.written().nameAt()));
    }

    /** Connection limits resolved along a chain count per path; scope-wide caps and throttles are shared. */
    static List<String> key(String option, Scope scope) {
        if (!option.equals("max_outbound_connections") && !option.equals("cluster_max_outbound_connections")) {
            return List.of();
        }
        boolean host = scope != null && scope.kind == MomentumIndex.Kind.HOST;
        if (option.startsWith("cluster_")) return host ? List.of("host") : List.of("binding", "domain");
        return host ? List.of("binding", "host") : List.of("binding", "domain");
    }

    public static ObjectNode compile(MomentumIndex index, Origins origins) {
        List<CompiledLimit> limits = new ArrayList<>();
        ObjectNode root = CompiledJson.root("ecelerity");
        ArrayNode settings = root.putArray("settings");
        ArrayNode scopes = root.putObject("rules").putObject("momentum").putArray("scopes");
        for (Scope scope : index.scopes) {
            ObjectNode sn = scopes.addObject();
            sn.put("scope", scope.label);
            sn.put("kind", scope.kind.name().toLowerCase(java.util.Locale.ROOT));
            if (scope.name != null) sn.put("name", scope.name);
            if (scope.parent != null) sn.put("parent", scope.parent.label);
            boolean regex = scope.name != null && io.limitc.model.ecelerity.MomentumScopes.isRegexName(scope.name);
            sn.put("regex", regex);
            // the runtime matches with Java's engine: give it the pattern already translated from PCRE
            if (regex) sn.put("pattern", io.limitc.model.ecelerity.MomentumScopes.javaRegex(scope.name.substring(1, scope.name.length() - 1)));
            ObjectNode refs = sn.putObject("limits");
            for (Setting s : scope.settings.values()) {
                CompiledLimit l = limit(s, scope.label, origins);
                if (l != null) {
                    limits.add(l);
                    refs.put(s.option().name(), l.name());
                } else {
                    refs.put(s.option().name(), setting(settings, s, scope.label, origins));
                }
            }
        }
        for (MomentumIndex.InboundSetting in : index.inbound) {
            String label = "inbound:" + in.scopePath();
            CompiledLimit l = limit(in.setting(), label, origins);
            if (l != null) {
                limits.add(l);
            } else {
                setting(settings, in.setting(), label, origins);
            }
        }
        ArrayNode shadowed = root.putArray("shadowed");
        for (MomentumIndex.Shadowed sh : index.shadowed) {
            ObjectNode n = shadowed.addObject();
            n.put("option", sh.setting().option().name());
            n.put("scope", sh.setting().scope().label);
            n.put("value", text(sh.setting().value()));
            CompiledJson.origin(n, origins.relative(sh.setting().written().nameAt()));
            n.set("by", CompiledJson.originNode(origins.relative(sh.by().written().nameAt())));
        }
        ObjectNode momentum = (ObjectNode) root.path("rules").path("momentum");
        ObjectNode chains = momentum.putObject("chains");
        chains.set("general", steps(PrecedenceChains.GENERAL, chains));
        chains.set("cluster_max_outbound_connections", steps(PrecedenceChains.CLUSTER_MAX, chains));
        chains.set("host", steps(PrecedenceChains.HOST_ONLY, chains));
        momentum.putObject("defaults").put("max_outbound_connections", DEFAULT_MAX_OUTBOUND);
        sources(index, root, origins);
        CompiledJson.limits(root, limits);
        return root;
    }

    /** A per-connection option (timeouts, batch sizes, ...): a named value, resolved like a limit. */
    private static String setting(ArrayNode settings, Setting s, String scopeLabel, Origins origins) {
        String name = scopeLabel + "/" + s.option().name();
        ObjectNode set = settings.addObject();
        set.put("name", name);
        set.put("option", s.option().name());
        set.put("value", text(s.value()));
        set.put("scope", scopeLabel);
        CompiledJson.origin(set, origins.relative(s.written().nameAt()));
        return name;
    }

    private static String text(Value v) {
        return v instanceof Value.Scalar s ? s.text() : v.toString();
    }

    private static ArrayNode steps(List<PrecedenceChains.Step> chain, ObjectNode factory) {
        ArrayNode a = factory.arrayNode();
        for (PrecedenceChains.Step s : chain) a.add(s.name().toLowerCase(java.util.Locale.ROOT));
        return a;
    }

    private static void sources(MomentumIndex index, ObjectNode root, Origins origins) {
        ArrayNode sources = root.putArray("sources");
        for (Scope b : index.bindings.values()) {
            ObjectNode s = sources.addObject();
            s.put("name", b.name);
            Directive address = b.attributes.get("bind_address");
            Directive ehlo = b.attributes.get("ehlo_hostname");
            if (address != null) s.put("address", ((Value.Scalar) address.args().get(0)).text());
            if (ehlo != null && ehlo.args().get(0) instanceof Value.Scalar e) s.put("ehlo", e.text());
            CompiledJson.origin(s, origins.relative(b.declared.nameAt()));
        }
        ArrayNode pools = root.putArray("pools");
        for (Scope g : index.groups.values()) {
            ObjectNode p = pools.addObject();
            p.put("name", g.name);
            ArrayNode entries = p.putArray("entries");
            for (Scope b : index.bindings.values()) {
                if (b.group() == g) entries.addObject().put("source", b.name).put("weight", 1);
            }
            CompiledJson.origin(p, origins.relative(g.declared.nameAt()));
        }
    }
}
