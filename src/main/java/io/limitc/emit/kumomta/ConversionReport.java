package io.limitc.emit.kumomta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.Value;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One row per limit option (and bind_address / ehlo_hostname) written in the input: where it
 * came from, what it became and where, or why it could not be carried over. Nothing the
 * input declares is left out: the rows are read from the configuration itself.
 */
public final class ConversionReport {

    /** An option no delivery path takes (every path has a more specific value). */
    public static final String NOT_USED = "not used";

    /**
     * @param origin where it was written
     * @param scope  the enclosing stanzas, e.g. {@code Binding "b1" > Domain "gmail.com"}
     * @param became the places in the output that carry it (empty when it was not carried over)
     * @param why    the reason, for anything not plainly converted
     */
    public record Row(Origin origin, String scope, String option, String value, String status, List<String> became,
                      String why) {}

    public final List<Row> rows;
    private final List<String> decisions;

    private ConversionReport(List<Row> rows, List<String> decisions) {
        this.rows = List.copyOf(rows);
        this.decisions = decisions;
    }

    public static ConversionReport of(ConfigTree tree, MomentumIndex index, KumoConversion c, Function<Origin, Origin> relative) {
        Set<Directive> shadowed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Directive, Directive> replacedBy = new IdentityHashMap<>();
        for (MomentumIndex.Shadowed s : index.shadowed) {
            shadowed.add(s.setting().written());
            replacedBy.put(s.setting().written(), s.by().written());
        }
        List<Row> rows = new ArrayList<>();
        tree.walk((d, enclosing) -> {
            boolean attribute = d.key().equals("bind_address") || d.key().equals("ehlo_hostname");
            if (d.hasBlock() || d.args().isEmpty() || !d.includes().isEmpty()) return;
            if (LimitOptions.get(d.key()) == null && !attribute) return;
            StringBuilder scope = new StringBuilder();
            boolean host = false;
            boolean regex = false;
            String section = null;
            for (Directive e : enclosing) {
                if (e.key().equals(MomentumScopes.DOMAIN) && e.instanceName() != null
                        && KumoConversion.SHAPING_SECTIONS.contains(e.instanceName().toLowerCase(java.util.Locale.ROOT))) {
                    section = e.instanceName();
                }
                scope.append(scope.length() == 0 ? "" : " > ").append(e.describe());
                if (e.key().equals(MomentumScopes.HOST)) host = true;
                String name = e.instanceName();
                if ((e.key().equals(MomentumScopes.DOMAIN) || e.key().equals(MomentumScopes.HOST)) && name != null
                        && MomentumScopes.isRegexName(name)) regex = true;
            }
            String where = scope.length() == 0 ? "global" : scope.toString();
            List<String> became = new ArrayList<>(c.placements.getOrDefault(d, Set.of()));
            if (became.isEmpty() && c.taken.contains(d) && c.remarks.get(d) == null) {
                became.add("nothing more to write: the paths that take it get the same value from a broader block");
            }
            String value = d.args().get(0) instanceof Value.Scalar s ? s.text() : d.args().get(0).toString();
            OptionMapping m = attribute ? null : OptionMapping.of(d.key());
            String remark = c.remarks.get(d);
            String status;
            String why;
            if (shadowed.contains(d)) {
                Directive by = replacedBy.get(d);
                status = OptionMapping.NOT_CONVERTED;
                why = "replaced by the later assignment at " + relative.apply(by.nameAt()).position() + ", as in Momentum";
            } else if (!became.isEmpty()) {
                status = remark != null || regex || (m != null && m.status().equals(OptionMapping.APPROXIMATED))
                        ? OptionMapping.APPROXIMATED : OptionMapping.CONVERTED;
                why = remark != null ? remark : m == null ? null : m.note();
                if (regex) {
                    why = join(why, "regular-expression domain: applied to the domains the configuration names that it"
                            + " matches; KumoMTA's shaping file has no regex blocks, so other domains it matches get nothing");
                }
            } else if (attribute) {
                status = OptionMapping.NOT_CONVERTED;
                why = remark != null ? remark
                        : "only a binding's " + d.key() + " becomes an egress-source field; here it is in " + where;
            } else if (m.kind() == OptionMapping.Kind.NONE) {
                status = OptionMapping.NOT_CONVERTED;
                why = m.note();
            } else if (section != null) {
                status = OptionMapping.NOT_CONVERTED;
                why = "a domain named \"" + section + "\" cannot have a shaping block: KumoMTA reads that key as its own"
                        + " [" + section.toLowerCase(java.util.Locale.ROOT) + "] section";
            } else if (host) {
                status = OptionMapping.NOT_CONVERTED;
                why = "per-MX-host limit: KumoMTA keys limits by source and site, not by MX host; a shaping provider"
                        + " block with match = [{HostName = ...}] is the closest, and the converter does not guess it";
            } else if (regex) {
                status = OptionMapping.NOT_CONVERTED;
                why = "regular-expression domain that no domain the configuration names takes (a literal stanza wins):"
                        + " KumoMTA's shaping file has no regex blocks; list the domains it should cover";
            } else if (remark != null) {
                status = OptionMapping.NOT_CONVERTED;
                why = remark;
            } else if (enclosing.stream().anyMatch(e -> !isOutbound(e))) {
                status = OptionMapping.NOT_CONVERTED;
                why = "not in an outbound scope (global, binding_group, binding, domain), so no egress path uses it";
            } else {
                status = NOT_USED;
                why = "no delivery path takes it: each takes a more specific value, as Momentum would";
            }
            rows.add(new Row(relative.apply(d.nameAt()), where, d.name(), value, status, became, why));
        });
        return new ConversionReport(rows, decisions(c));
    }

    private static boolean isOutbound(Directive e) {
        return switch (e.key()) {
            case MomentumScopes.BINDING_GROUP, MomentumScopes.BINDING, MomentumScopes.DOMAIN, MomentumScopes.HOST -> true;
            default -> false;
        };
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "; " + b;
    }

    private static List<String> decisions(KumoConversion c) {
        List<String> d = new ArrayList<>();
        d.add("Domain blocks set mx_rollup = false: Momentum limits are per domain, while KumoMTA would share one"
                + " block (and one connection limit) between every domain with the same MX hosts.");
        d.add("Momentum's plain options count per node and become \"local:\" values; cluster_* options become plain"
                + " values, shared cluster-wide once kumo.configure_redis_throttles is on.");
        d.add("Momentum's default max_outbound_connections (32 per node) is written as connection_limit = \"local:32\":"
                + " KumoMTA's own default of 32 would be cluster-wide under Redis.");
        d.add("Unlimited (-1 connections, 0 deliveries per connection) is written as " + c.options.unlimitedAs()
                + " (--unlimited-as): KumoMTA has no unlimited, and leaving the field out means 32 or 1024.");
        d.add("Throttles are shared by reference in Momentum: a message throttle written in a binding's domain stanza"
                + " becomes that path's max_message_rate; one written in any broader scope becomes a named"
                + " additional_message_rate_throttles entry, named after its scope, that every path falling back to it"
                + " shares.");
        d.add("Names are the scope path and option (e.g. binding:b1/outbound_throttle_messages): deterministic, and"
                + " never starting with the reserved kumomta. prefix.");
        d.add("Mail KumoMTA sends without a pool uses the source \"unspecified\", which gets the global scopes only.");
        if (!c.singleSourcePools.isEmpty()) {
            d.add("Bindings in no binding_group get a one-source pool of the same name: " + String.join(", ", c.singleSourcePools)
                    + ".");
        }
        return d;
    }

    /** Counts by status, in a fixed order. */
    public Map<String, Integer> summary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : List.of(OptionMapping.CONVERTED, OptionMapping.APPROXIMATED, OptionMapping.NOT_CONVERTED, NOT_USED)) {
            counts.put(s, 0);
        }
        for (Row r : rows) counts.merge(r.status(), 1, Integer::sum);
        return counts;
    }

    public String markdown(String title) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        Map<String, Integer> s = summary();
        out.append(rows.size()).append(" options read: ").append(s.get(OptionMapping.CONVERTED)).append(" converted, ")
                .append(s.get(OptionMapping.APPROXIMATED)).append(" approximated, ").append(s.get(OptionMapping.NOT_CONVERTED))
                .append(" not converted, ").append(s.get(NOT_USED)).append(" not used by any path.\n\n");
        out.append("## Lossy or impossible mappings\n\n");
        boolean any = false;
        for (Row r : rows) {
            if (r.status().equals(OptionMapping.CONVERTED)) continue;
            any = true;
            out.append("- `").append(r.origin().position()).append("` ").append(r.option()).append(" = ").append(cell(r.value()))
                    .append(" (").append(r.scope()).append("): **").append(r.status()).append("**: ").append(r.why()).append('\n');
        }
        if (!any) out.append("None.\n");
        out.append("\n## Every option\n\n");
        out.append("| Origin | Scope | Option | Value | Result | Became | Why |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.origin().position()).append(" | ").append(cell(r.scope())).append(" | ").append(r.option())
                    .append(" | ").append(cell(r.value())).append(" | ").append(r.status()).append(" | ")
                    .append(cell(places(r.became()))).append(" | ").append(cell(r.why() == null ? "" : r.why())).append(" |\n");
        }
        out.append("\n## Decisions\n\n");
        for (String d : decisions) out.append("- ").append(d).append('\n');
        return out.toString();
    }

    public ObjectNode json() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("format", "limitc-conversion-report/1");
        ObjectNode summary = root.putObject("summary");
        summary.put("options", rows.size());
        summary().forEach(summary::put);
        ArrayNode list = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode n = list.addObject();
            ObjectNode o = n.putObject("origin");
            o.put("file", r.origin().file());
            o.put("line", r.origin().line());
            o.put("column", r.origin().column());
            n.put("scope", r.scope());
            n.put("option", r.option());
            n.put("value", r.value());
            n.put("status", r.status());
            ArrayNode became = n.putArray("became");
            r.became().forEach(became::add);
            if (r.why() != null) n.put("why", r.why());
        }
        ArrayNode d = root.putArray("decisions");
        decisions.forEach(d::add);
        return root;
    }

    /** At most three places, then a count: a global option can land in thousands of blocks. */
    private static String places(List<String> became) {
        if (became.size() <= 3) return String.join("; ", became);
        return String.join("; ", became.subList(0, 3)) + "; and " + (became.size() - 3) + " more";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
