package io.limitc.emit.kumomta;

import io.limitc.emit.kumomta.PathParams.Entry;

import java.util.Map;
import java.util.function.Function;

/**
 * shaping.toml in the format of KumoMTA's traffic-shaping helper (kumomta.md §5.1): the
 * global scopes as {@code [default]}, one block per domain Momentum names, per-source
 * sub-blocks. Each value carries a comment naming the Momentum line it came from.
 */
final class ShapingWriter {

    private ShapingWriter() {}

    static String write(KumoConversion c, Function<Entry, String> origin, String header) {
        StringBuilder out = new StringBuilder();
        out.append(TomlText.comment(header)).append('\n');
        out.append("# Domain blocks set mx_rollup = false: Momentum limits are per domain, while KumoMTA would\n");
        out.append("# otherwise share one block between every domain with the same MX hosts.\n");
        out.append("# Values set in binding and binding_group scopes, and every named (shared) limit, are in policy.lua.\n\n");
        out.append("[default]\n");
        fields(out, c.defaultBlock, origin);
        for (Map.Entry<String, Map<String, Entry>> d : c.domainBlocks.entrySet()) {
            out.append('\n').append('[').append(TomlText.string(d.getKey())).append("]\n");
            out.append("mx_rollup = false\n");
            fields(out, d.getValue(), origin);
            Map<String, Map<String, Entry>> bySource = c.domainSourceBlocks.getOrDefault(d.getKey(), Map.of());
            for (Map.Entry<String, Map<String, Entry>> s : bySource.entrySet()) {
                out.append('\n').append('[').append(TomlText.string(d.getKey())).append(".sources.")
                        .append(TomlText.string(s.getKey())).append("]\n");
                fields(out, s.getValue(), origin);
            }
        }
        return out.toString();
    }

    private static void fields(StringBuilder out, Map<String, Entry> fields, Function<Entry, String> origin) {
        for (Map.Entry<String, Entry> f : fields.entrySet()) {
            out.append(TomlText.key(f.getKey())).append(" = ").append(TomlText.value(f.getValue().value()))
                    .append("  ").append(TomlText.comment(origin.apply(f.getValue()))).append('\n');
        }
    }
}
