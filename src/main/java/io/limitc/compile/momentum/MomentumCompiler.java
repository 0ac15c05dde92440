package io.limitc.compile.momentum;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        return compile(index, origins, true);
    }

    /** {@code parallel} false: every scope written on this thread (tests compare both ways). */
    static ObjectNode compile(MomentumIndex index, Origins origins, boolean parallel) {
        List<CompiledLimit> inbound = new ArrayList<>();
        ObjectNode root = CompiledJson.root("ecelerity");
        ArrayNode settings = root.putArray("settings");
        ObjectNode momentum = root.putObject("rules").putObject("momentum");
        momentum.set("global", CompiledJson.part((g, indent) -> scope(g, index.global, indent, origins, parallel)));
        for (MomentumIndex.InboundSetting in : index.inbound) {
            String label = "inbound:" + in.scopePath();
            CompiledLimit l = limit(in.setting(), label, origins);
            if (l != null) {
                inbound.add(l);
            } else {
                ObjectNode set = settings.addObject();
                set.put("name", label + "/" + in.setting().option().name());
                set.put("option", in.setting().option().name());
                set.put("value", text(in.setting().value()));
                set.put("scope", label);
                set.set("origin", position(in.setting(), origins));
            }
        }
        ArrayNode shadowed = root.putArray("shadowed");
        for (MomentumIndex.Shadowed sh : index.shadowed) {
            ObjectNode n = shadowed.addObject();
            n.put("option", sh.setting().option().name());
            n.put("scope", sh.setting().scope().label);
            n.put("value", text(sh.setting().value()));
            n.set("origin", position(sh.setting(), origins));
            n.set("by", position(sh.by(), origins));
        }
        ObjectNode chains = momentum.putObject("chains");
        chains.set("general", steps(PrecedenceChains.GENERAL, chains));
        chains.set("cluster_max_outbound_connections", steps(PrecedenceChains.CLUSTER_MAX, chains));
        chains.set("host", steps(PrecedenceChains.HOST_ONLY, chains));
        momentum.putObject("defaults").put("max_outbound_connections", DEFAULT_MAX_OUTBOUND);
        sources(index, root, origins);
        CompiledJson.limits(root, inbound);
        return root;
    }

    /** The list a nested scope is written in. */
    private static final Map<MomentumIndex.Kind, String> LISTS = Map.of(MomentumIndex.Kind.GROUP, "groups",
            MomentumIndex.Kind.BINDING, "bindings", MomentumIndex.Kind.DOMAIN, "domains", MomentumIndex.Kind.HOST, "hosts");

    /**
     * Writes a merged scope with its limits and settings inline and its nested scopes in
     * lists: the nesting states what v1 spelled out as labels, parent links and references
     * (a limit's name is its scope's label and option). Written straight to the file, not
     * built as a tree: a large configuration has 100 000 scopes. Keys in sorted order.
     */
    private static void scope(JsonGenerator g, Scope scope, String indent, Origins origins, boolean parallel) throws IOException {
        Map<String, CompiledLimit> limits = new TreeMap<>();
        Map<String, Setting> settings = new TreeMap<>();
        for (Setting s : scope.settings.values()) {
            CompiledLimit l = limit(s, scope.label, origins);
            if (l != null) limits.put(s.option().name(), l);
            else settings.put(s.option().name(), s);
        }
        Map<String, List<Scope>> lists = new TreeMap<>();
        for (Scope child : scope.children.values()) {
            lists.computeIfAbsent(LISTS.get(child.kind), k -> new ArrayList<>()).add(child);
        }
        CompiledJson.Entries fields = new CompiledJson.Entries(g, true, lists.isEmpty() ? null : indent);
        if (!limits.isEmpty()) {
            fields.field("limits");
            CompiledJson.Entries options = new CompiledJson.Entries(g, true, null);
            for (Map.Entry<String, CompiledLimit> e : limits.entrySet()) {
                options.field(e.getKey());
                limit(g, e.getValue());
            }
            options.end();
        }
        if (scope.name != null) {
            fields.field("name");
            g.writeString(scope.name);
        }
        // the runtime matches with Java's engine: give it the pattern explain matches with
        if (scope.pattern() != null) {
            fields.field("pattern");
            g.writeString(scope.pattern());
        }
        if (!settings.isEmpty()) {
            fields.field("settings");
            CompiledJson.Entries options = new CompiledJson.Entries(g, true, null);
            for (Map.Entry<String, Setting> e : settings.entrySet()) {
                options.field(e.getKey());
                g.writeRaw("{\"origin\":");
                g.writeString(origins.relative(e.getValue().written().nameAt()).position());
                g.writeRaw(",\"value\":");
                g.writeString(text(e.getValue().value()));
                g.writeRaw('}');
            }
            options.end();
        }
        for (Map.Entry<String, List<Scope>> list : lists.entrySet()) {
            fields.field(list.getKey());
            CompiledJson.Entries items = new CompiledJson.Entries(g, false, fields.indent());
            // the global scope's bindings and groups render on every core, each subtree on its own
            CompiledJson.ItemWriter<Scope> child = (run, c, at) -> scope(run, c, at, origins, false);
            if (parallel) CompiledJson.items(g, items, list.getValue(), child);
            else CompiledJson.itemsInOrder(g, items, list.getValue(), child);
            items.end();
        }
        fields.end();
    }

    /** The fixed text between a limit's values, encoded once: 200 000 limits in a large file. */
    private static final SerializedString CLUSTER = new SerializedString("{\"cluster\":true,");
    private static final SerializedString KEY = new SerializedString("\"key\":");
    private static final SerializedString BINDING_DOMAIN = new SerializedString("[\"binding\",\"domain\"],");
    private static final SerializedString LIMIT = new SerializedString("\"limit\":");
    private static final SerializedString ORIGIN = new SerializedString(",\"origin\":");
    private static final SerializedString PERIOD = new SerializedString(",\"periodSeconds\":");

    /** {@code {"cluster":true,"key":[...],"limit":N,"origin":"f:l:c","periodSeconds":P}}; a default is left out. */
    private static void limit(JsonGenerator g, CompiledLimit l) throws IOException {
        if (l.cluster()) g.writeRaw(CLUSTER);
        else g.writeRaw('{');
        if (!l.key().isEmpty()) { // a key only on per-path limits
            g.writeRaw(KEY);
            if (l.key().equals(PER_PATH)) {
                g.writeRaw(BINDING_DOMAIN); // nearly every key
            } else {
                CompiledJson.strings(g, l.key());
                g.writeRaw(',');
            }
        }
        g.writeRaw(LIMIT);
        g.writeNumber(l.limit());
        g.writeRaw(ORIGIN);
        g.writeString(l.origin().position());
        if (l.type().equals("rate")) {
            g.writeRaw(PERIOD);
            g.writeNumber(l.periodSeconds());
        }
        g.writeRaw('}');
    }

    private static final List<String> PER_PATH = List.of("binding", "domain");

    private static JsonNode position(Setting s, Origins origins) {
        return CompiledJson.position(origins.relative(s.written().nameAt()));
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
            s.set("origin", CompiledJson.position(origins.relative(b.declared.nameAt())));
        }
        ArrayNode pools = root.putArray("pools");
        for (Scope g : index.groups.values()) {
            ObjectNode p = pools.addObject();
            p.put("name", g.name);
            ArrayNode entries = p.putArray("entries");
            for (Scope b : index.bindings.values()) {
                if (b.group() == g) entries.addObject().put("source", b.name).put("weight", 1);
            }
            p.set("origin", CompiledJson.position(origins.relative(g.declared.nameAt())));
        }
    }
}
