package io.limitc.emit.kumomta;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * sources.toml in the format of KumoMTA's sources helper (kumomta.md §4.6): bindings become
 * egress sources, binding_groups pools whose members have weight 1.
 */
final class SourcesWriter {

    private SourcesWriter() {}

    static String write(KumoConversion c, Function<io.limitc.model.Directive, String> origin, String header) {
        StringBuilder out = new StringBuilder();
        out.append(TomlText.comment(header)).append('\n');
        out.append("# Read by KumoMTA's sources helper (policy.lua calls sources:setup).\n");
        for (Map.Entry<String, Map<String, KumoConversion.SourceField>> s : c.sourceFields.entrySet()) {
            out.append("\n[source.").append(TomlText.string(s.getKey())).append("]\n");
            for (Map.Entry<String, KumoConversion.SourceField> f : s.getValue().entrySet()) {
                out.append(f.getKey()).append(" = ").append(TomlText.string(f.getValue().value())).append("  ")
                        .append(TomlText.comment(origin.apply(f.getValue().from()))).append('\n');
            }
        }
        for (Map.Entry<String, List<String>> p : c.pools.entrySet()) {
            if (c.singleSourcePools.contains(p.getKey())) {
                out.append('\n').append(TomlText.comment("binding \"" + p.getKey() + "\" is in no binding_group: this"
                        + " one-source pool lets mail be routed to it (egress_pool = " + TomlText.string(p.getKey()) + ")"))
                        .append('\n');
            } else {
                out.append('\n');
            }
            if (p.getValue().isEmpty()) {
                // a binding_group without bindings: KumoMTA fails such a pool's mail with "no sources available"
                out.append(TomlText.comment("binding_group \"" + p.getKey() + "\" has no bindings: no pool written")).append('\n');
                continue;
            }
            for (String member : p.getValue()) {
                out.append("[pool.").append(TomlText.string(p.getKey())).append('.').append(TomlText.string(member))
                        .append("]\nweight = 1\n");
            }
        }
        return out.toString();
    }
}
