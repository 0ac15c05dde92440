package io.limitc.emit.kumomta;

import io.limitc.compile.ceilings.ThrottleSpec;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.compile.momentum.MomentumIndex.Scope;
import io.limitc.compile.momentum.MomentumIndex.Setting;
import io.limitc.compile.momentum.MomentumPath;
import io.limitc.emit.kumomta.PathParams.Entry;
import io.limitc.model.Directive;
import io.limitc.model.ecelerity.MomentumScopes;
import io.limitc.model.ecelerity.MomentumValues;

import io.limitc.model.ecelerity.PrecedenceChains.Step;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Momentum configuration laid out for KumoMTA. Every (source, domain) path is resolved
 * the way {@code limitc explain} resolves it; the results are then placed where KumoMTA's
 * helpers read them, each value written once at the broadest place that gives every path
 * its own value:
 * <ul>
 * <li>shaping.toml: {@code [default]} (the global scopes), one block per domain Momentum
 *     names, per-source sub-blocks where a path needs more;</li>
 * <li>policy.lua: per-source values (binding and binding_group scopes: shaping has no
 *     source-wide block), laid over shaping's answer except where a sub-block pins a field, and
 *     every named limit, because a shaping file cannot take back a named throttle that a
 *     broader block added, while Momentum's by-reference throttles give each path one owner.</li>
 * </ul>
 */
public final class KumoConversion {

    /** KumoMTA's source for mail sent without a pool; it gets the global scopes only. */
    public static final String UNSPECIFIED = "unspecified";
    /** Keys a shaping file reads as its own sections, so no domain block can have them as its name. */
    static final Set<String> SHAPING_SECTIONS = Set.of("default", "provider");
    /** Momentum's max_outbound_connections when no scope sets it (per node). */
    static final long MOMENTUM_DEFAULT_CONNECTIONS = 32;

    /**
     * @param unlimitedAs written where Momentum says unlimited (-1 connections, 0 deliveries per
     *                    connection): KumoMTA has no unlimited, and leaving the field out means 32 or 1024
     * @param policyDir   where the files will live on the KumoMTA host (policy.lua loads from there)
     */
    public record Options(long unlimitedAs, String policyDir) {}

    final MomentumIndex index;
    final Options options;
    /** Binding names, in declaration order. */
    final List<String> sources = new ArrayList<>();
    /** Literal domain names Momentum declares anywhere, lower-cased and sorted. */
    final Set<String> domains = new TreeSet<>();

    final Map<String, Entry> defaultBlock = new TreeMap<>();
    final Map<String, Map<String, Entry>> domainBlocks = new TreeMap<>();
    /** domain → source → the fields that source needs beyond the domain block. */
    final Map<String, Map<String, Map<String, Entry>>> domainSourceBlocks = new TreeMap<>();
    /** Per-source fields (binding and binding_group scopes), laid over shaping's answer by the policy. */
    final Map<String, Map<String, Entry>> sourceDefaults = new LinkedHashMap<>();
    /** domain → source → fields its sub-block sets that the policy must not overlay (more specific in Momentum). */
    final Map<String, Map<String, Set<String>>> pinned = new TreeMap<>();
    /**
     * Named limits in four layers, as Momentum's chain orders them: a path takes every cap of
     * every layer, and each option's slot from the most specific layer that has it
     * (binding or binding_group domain stanza, then binding or binding_group, then global
     * domain stanza, then global). Sizes grow with the stanzas written, not bindings × domains.
     */
    PathParams globalLayer;
    final Map<String, PathParams> domainLayers = new TreeMap<>();
    final Map<String, PathParams> sourceLayers = new LinkedHashMap<>();
    final Map<String, Map<String, PathParams>> pathLayers = new TreeMap<>();

    /** Where each assignment landed; an assignment no path takes has no entry. */
    final Map<Directive, Set<String>> placements = new IdentityHashMap<>();
    /** Assignments some path resolves to (placed or not: a value equal to a broader block's needs no line). */
    final Set<Directive> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per-assignment remarks found while converting (unlimited stand-ins, zero values). */
    final Map<Directive, String> remarks = new IdentityHashMap<>();

    /** One field of an egress source, and the Momentum line it came from. */
    record SourceField(String value, Directive from) {}

    /** source name → make_egress_source fields; pool name → member sources (weight 1). */
    final Map<String, Map<String, SourceField>> sourceFields = new LinkedHashMap<>();
    final Map<String, List<String>> pools = new LinkedHashMap<>();
    /** Pools made for bindings outside any binding_group, so mail can still be routed to them. */
    final Set<String> singleSourcePools = new LinkedHashSet<>();

    private KumoConversion(MomentumIndex index, Options options) {
        this.index = index;
        this.options = options;
    }

    public static KumoConversion of(MomentumIndex index, Options options) {
        KumoConversion c = new KumoConversion(index, options);
        c.sources.addAll(index.bindings.keySet());
        for (Scope s : index.scopes) {
            if (s.kind == MomentumIndex.Kind.DOMAIN && !MomentumScopes.isRegexName(s.name)
                    && !SHAPING_SECTIONS.contains(s.name.toLowerCase(Locale.ROOT))) {
                c.domains.add(s.name.toLowerCase(Locale.ROOT));
            }
        }
        c.layOut();
        c.layOutSources();
        return c;
    }

    private void layOut() {
        Scope bare = index.bareBinding(UNSPECIFIED);
        MomentumPath basePath = new MomentumPath(index, bare, null, null);
        PathParams base = resolve(basePath);
        defaultBlock.putAll(base.plain);
        place(base.plain, "shaping.toml [default]");
        globalLayer = layer(basePath, EnumSet.of(Step.GLOBAL));
        creditLayer(globalLayer, "GLOBAL");
        for (String s : sources) {
            MomentumPath path = new MomentumPath(index, index.bindings.get(s), null, null);
            PathParams p = resolve(path);
            Map<String, Entry> own = new TreeMap<>();
            // every field a binding or binding_group scope decides, even when equal to [default]:
            // the overlay must beat a global domain stanza, as the binding does in Momentum
            p.plain.forEach((k, e) -> {
                if (e.from() != null && isSourceStep(path, e.from())) own.put(k, e);
            });
            own.putAll(difference(p.plain, defaultBlock));
            if (!own.isEmpty()) {
                sourceDefaults.put(s, own);
                place(own, "policy.lua SOURCE_VALUES[\"" + s + "\"]");
            }
            PathParams named = layer(path, EnumSet.of(Step.BINDING, Step.GROUP));
            if (named.hasNamed()) {
                sourceLayers.put(s, named);
                creditLayer(named, "SOURCE[\"" + s + "\"]");
            }
        }
        for (String d : domains) {
            MomentumPath domainPath = new MomentumPath(index, bare, d, null);
            PathParams dp = resolve(domainPath);
            Map<String, Entry> own = difference(dp.plain, defaultBlock);
            domainBlocks.put(d, own);
            place(own, "shaping.toml [\"" + d + "\"]");
            PathParams named = layer(domainPath, EnumSet.of(Step.DOMAIN));
            if (named.hasNamed()) {
                domainLayers.put(d, named);
                creditLayer(named, "DOMAIN[\"" + d + "\"]");
            }
            Map<String, Entry> shaped = new TreeMap<>(defaultBlock);
            shaped.putAll(own);
            // bindings that declare no limits resolve like any other of their group: work out one, copy it
            Map<Scope, PathWork> sameAsGroupmates = new java.util.HashMap<>();
            for (String s : sources) {
                Scope b = index.bindings.get(s);
                PathWork work = b.declaresNoLimits()
                        ? sameAsGroupmates.computeIfAbsent(b.group() == null ? index.global : b.group(), g -> pathWork(b, d, s, shaped))
                        : pathWork(b, d, s, shaped);
                if (!work.extra.isEmpty()) {
                    domainSourceBlocks.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(s, work.extra);
                    place(work.extra, "shaping.toml [\"" + d + "\".sources.\"" + s + "\"]");
                    if (!work.pin.isEmpty()) pinned.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(s, work.pin);
                }
                if (work.named.hasNamed()) {
                    pathLayers.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(s, work.named);
                    creditLayer(work.named, "PATH[\"" + d + "\"][\"" + s + "\"]");
                }
            }
        }
    }

    /** What one (source, domain) path needs beyond the layers above it. */
    private record PathWork(Map<String, Entry> extra, Set<String> pin, PathParams named) {}

    private PathWork pathWork(Scope binding, String domain, String source, Map<String, Entry> shaped) {
        MomentumPath path = new MomentumPath(index, binding, domain, null);
        PathParams p = resolve(path);
        // what the policy makes of shaping's answer before any sub-block: the source's values on top
        Map<String, Entry> overlay = sourceDefaults.getOrDefault(source, Map.of());
        Map<String, Entry> policy = new TreeMap<>(shaped);
        policy.putAll(overlay);
        Map<String, Entry> extra = difference(p.plain, policy);
        Set<String> pin = new TreeSet<>(extra.keySet());
        pin.retainAll(overlay.keySet());
        return new PathWork(extra, pin, layer(path, EnumSet.of(Step.BINDING_DOMAIN, Step.GROUP_DOMAIN)));
    }

    private static boolean isSourceStep(MomentumPath path, Setting s) {
        Scope scope = s.scope();
        return scope == path.scopeAt(Step.BINDING) || scope == path.scopeAt(Step.GROUP);
    }

    /** The named limits the settings found at {@code steps} give a path. */
    private PathParams layer(MomentumPath path, Set<Step> steps) {
        PathParams p = new PathParams();
        for (MomentumPath.Applied a : path.resolved.values()) {
            if (steps.contains(a.step())) apply(a.setting(), p);
        }
        for (MomentumPath.Applied a : path.scopeWide) {
            if (steps.contains(a.step())) apply(a.setting(), p);
        }
        p.plain.clear();
        return p;
    }

    private void creditLayer(PathParams p, String where) {
        p.caps.forEach((name, e) -> credit(e, "policy.lua " + where + " additional_connection_limits[\"" + name + "\"]"));
        p.slots.forEach((option, slot) -> {
            if (slot.name() == null) return;
            String map = slot.perPath() ? "additional_connection_limits[\"" + slot.name() + "@<source>-><domain>\"]"
                    : "additional_message_rate_throttles[\"" + slot.name() + "\"]";
            if (slot.from() != null) credit(slot.from().written(), "policy.lua " + where + " " + map);
        });
    }

    /** Bindings become egress sources (bind_address, ehlo_hostname); binding_groups pools. */
    private void layOutSources() {
        for (String name : sources) {
            Scope b = index.bindings.get(name);
            Map<String, SourceField> fields = new TreeMap<>();
            Directive address = b.attributes.get("bind_address");
            if (address != null) {
                String ip = scalar(address);
                if (IpLiteral.is(ip)) {
                    fields.put("source_address", new SourceField(ip, address));
                    credit(address, "sources.toml [source.\"" + name + "\"] source_address");
                } else {
                    remarks.put(address, "KumoMTA's source_address takes an IP address, not \"" + ip
                            + "\": not converted (the kernel will choose the address)");
                }
            }
            Directive ehlo = b.attributes.get("ehlo_hostname");
            if (ehlo != null && scalar(ehlo) != null) {
                fields.put("ehlo_domain", new SourceField(scalar(ehlo), ehlo));
                credit(ehlo, "sources.toml [source.\"" + name + "\"] ehlo_domain");
            }
            sourceFields.put(name, fields);
        }
        for (Scope g : index.groups.values()) {
            List<String> members = new ArrayList<>();
            for (String name : sources) {
                if (index.bindings.get(name).group() == g) members.add(name);
            }
            pools.put(g.name, members);
        }
        for (String name : sources) {
            if (index.bindings.get(name).group() == null && !pools.containsKey(name)) {
                pools.put(name, List.of(name));
                singleSourcePools.add(name);
            }
        }
    }

    private static String scalar(Directive d) {
        return !d.args().isEmpty() && d.args().get(0) instanceof io.limitc.model.Value.Scalar s ? s.text() : null;
    }

    private void credit(Directive d, String where) {
        placements.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(where);
    }

    /** The fields of {@code want} that {@code have} lacks or holds with another value. */
    private Map<String, Entry> difference(Map<String, Entry> want, Map<String, Entry> have) {
        Map<String, Entry> extra = new TreeMap<>();
        want.forEach((k, e) -> {
            if (!e.sameValue(have.get(k))) extra.put(k, e);
        });
        // a field a broader block sets but this path must not have: KumoMTA cannot unset it
        have.forEach((k, e) -> {
            if (!want.containsKey(k)) extra.put(k, unlimitedStandIn(k));
        });
        return extra;
    }

    private Entry unlimitedStandIn(String field) {
        return switch (field) {
            case "max_connection_rate" -> new Entry(ThrottleSpec.of(options.unlimitedAs(), 1).toString(), null);
            case "max_message_rate" -> new Entry("local:" + ThrottleSpec.of(options.unlimitedAs(), 1), null);
            case "connection_limit" -> new Entry("local:" + options.unlimitedAs(), null);
            default -> new Entry(options.unlimitedAs(), null);
        };
    }

    private void place(Map<String, Entry> fields, String where) {
        fields.forEach((k, e) -> credit(e, where + " " + k));
    }

    private void credit(Entry e, String where) {
        if (e.from() != null) credit(e.from().written(), where);
    }

    /** The KumoMTA parameters of one path, from Momentum's own lookup (the one explain uses); plain fields are what is used. */
    PathParams resolve(MomentumPath path) {
        PathParams p = new PathParams();
        for (MomentumPath.Applied a : path.resolved.values()) apply(a.setting(), p);
        for (MomentumPath.Applied a : path.scopeWide) apply(a.setting(), p);
        if (!p.plain.containsKey("connection_limit")) {
            p.plain.put("connection_limit", new Entry("local:" + MOMENTUM_DEFAULT_CONNECTIONS, null));
        }
        return p;
    }

    private void apply(Setting s, PathParams p) {
        taken.add(s.written());
        String option = s.option().name();
        OptionMapping m = OptionMapping.of(option);
        boolean cluster = s.option().clusterWide();
        String name = s.scope().label + "/" + option;
        switch (m.kind()) {
            case CONNECTION_LIMIT -> {
                long n = count(s);
                if (n == 0) {
                    remark(s, "0 is not a KumoMTA limit (KumoMTA rejects it): not converted, the path falls back");
                } else if (n < 0) {
                    remark(s, "unlimited (-1) has no KumoMTA form: written as " + options.unlimitedAs()
                            + " (--unlimited-as); leaving it out would mean KumoMTA's 32");
                    p.plain.put(m.kumoKey(), new Entry("local:" + options.unlimitedAs(), s));
                } else {
                    p.plain.put(m.kumoKey(), new Entry("local:" + n, s));
                }
            }
            case PATH_NAMED_LIMIT -> {
                long n = count(s);
                if (n > 0) {
                    p.slots.put(option, new PathParams.Slot(name, n, true, s));
                } else {
                    p.slots.put(option, PathParams.Slot.none(s));
                    remark(s, n == 0 ? "0 is not a KumoMTA limit: not converted" : "unlimited: no limit to write");
                }
            }
            case SHARED_LIMIT -> {
                long n = count(s);
                if (n > 0) p.caps.put(name, new Entry(cluster ? (Object) n : "local:" + n, s));
                else remark(s, "0 or less disables the cap in Momentum: nothing to write");
            }
            case MESSAGE_RATE -> {
                ThrottleSpec spec = rate(s, !cluster);
                if (spec == null) {
                    noLimit(s);
                    p.slots.put(option, PathParams.Slot.none(s));
                } else if (!cluster && ownedByPath(s.scope())) {
                    p.plain.put(m.kumoKey(), new Entry(spec.toString(), s));
                    p.slots.put(option, PathParams.Slot.none(s));
                } else {
                    p.slots.put(option, new PathParams.Slot(name, spec.toString(), false, s));
                }
            }
            case CONNECTION_RATE -> {
                ThrottleSpec spec = rate(s, !cluster);
                if (spec == null) {
                    noLimit(s);
                    return;
                }
                Entry now = p.plain.get(m.kumoKey());
                // one KumoMTA term for two Momentum throttles: keep the tighter
                if (now == null || spec.perSecond() < ThrottleSpec.parse((String) now.value()).perSecond()) {
                    if (now != null) collapsed(now.from());
                    p.plain.put(m.kumoKey(), new Entry(spec.toString(), s));
                } else {
                    collapsed(s);
                }
            }
            case COUNT -> {
                long n = count(s);
                if (n == 0 && option.equals("max_deliveries_per_connection")) {
                    remark(s, "0 (no limit) has no KumoMTA form: written as " + options.unlimitedAs()
                            + " (--unlimited-as); leaving it out would mean KumoMTA's 1024");
                    p.plain.put(m.kumoKey(), new Entry(options.unlimitedAs(), s));
                } else if (n > 0) {
                    p.plain.put(m.kumoKey(), new Entry(n, s));
                } else {
                    remark(s, n + " is not a valid " + m.kumoKey() + ": not converted");
                }
            }
            case SECONDS -> {
                long n = count(s);
                if (n >= 0) p.plain.put(m.kumoKey(), new Entry(n + "s", s));
            }
            case NONE -> { }
        }
    }

    /** A binding::domain scope: its throttle's bucket serves exactly this path. */
    static boolean ownedByPath(Scope scope) {
        return scope.kind == MomentumIndex.Kind.DOMAIN && !MomentumScopes.isRegexName(scope.name)
                && scope.parent != null && scope.parent.kind == MomentumIndex.Kind.BINDING;
    }

    private static long count(Setting s) {
        MomentumValues.Int n = MomentumValues.integer(s.option().name(), s.value());
        return n.ok() ? n.value() : 0;
    }

    /** The throttle as a KumoMTA spec, or null for Momentum's "no limit" (0 or unset). */
    private static ThrottleSpec rate(Setting s, boolean local) {
        MomentumValues.Rate r = MomentumValues.throttle(s.option().name(), s.value());
        if (!r.ok() || r.count() == 0) return null;
        return new ThrottleSpec(r.count(), r.periodSeconds(), null, local);
    }

    /** Momentum's 0 throttle: the paths that take it have no throttle, which is what KumoMTA does without one. */
    private void noLimit(Setting s) {
        credit(s.written(), "no throttle on the paths that take it (nothing to write: 0 means no limit in Momentum)");
    }

    /** A connection throttle looser than another on the same path: KumoMTA keeps one, the tighter. */
    private void collapsed(Setting s) {
        credit(s.written(), "folded into a tighter max_connection_rate on the paths where both apply (KumoMTA has one)");
    }

    private void remark(Setting s, String text) {
        remarks.put(s.written(), text);
    }
}
