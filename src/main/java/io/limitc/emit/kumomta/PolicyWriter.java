package io.limitc.emit.kumomta;

import io.limitc.emit.kumomta.PathParams.Entry;

import java.util.Map;
import java.util.function.Function;

/**
 * policy.lua: what KumoMTA's helpers cannot hold. It loads shaping.toml and sources.toml
 * through KumoMTA's own loaders, then adds the per-binding values of domains shaping.toml
 * does not name and every named limit, keyed as Momentum keys them.
 */
final class PolicyWriter {

    private PolicyWriter() {}

    static String write(KumoConversion c, Function<Entry, String> origin, String header) {
        StringBuilder out = new StringBuilder();
        out.append("-- ").append(LuaText.comment(header)).append('\n');
        out.append("""
                --
                -- From your init.lua:
                --   local limitc = dofile '%s/policy.lua'
                --   limitc.setup()
                -- setup() registers get_egress_path_config (shaping.toml plus what follows) and, through
                -- KumoMTA's sources helper, get_egress_source and get_egress_pool (sources.toml).
                --
                -- "local:N" values count per node (Momentum's plain options); plain values are shared by
                -- the cluster once kumo.configure_redis_throttles is on (Momentum's cluster_* options).
                local kumo = require 'kumo'
                local mod = {}

                local POLICY_DIR = %s

                """.formatted(LuaText.comment(c.options.policyDir()), LuaText.string(c.options.policyDir())));
        out.append("-- Values set in binding and binding_group scopes, laid over shaping.toml's answer: a shaping file\n");
        out.append("-- has no block for one source and every domain. In Momentum they beat a global domain stanza.\n");
        out.append("local SOURCE_VALUES = {\n");
        for (Map.Entry<String, Map<String, Entry>> s : c.sourceDefaults.entrySet()) {
            out.append("  [").append(LuaText.string(s.getKey())).append("] = {\n");
            for (Map.Entry<String, Entry> f : s.getValue().entrySet()) {
                out.append("    ").append(f.getKey()).append(" = ").append(LuaText.value(f.getValue().value()))
                        .append(", -- ").append(LuaText.comment(origin.apply(f.getValue()))).append('\n');
            }
            out.append("  },\n");
        }
        out.append("}\n\n");
        out.append("-- Fields a domain's sources sub-block in shaping.toml sets for one source: Momentum's domain stanzas\n");
        out.append("-- inside a binding or binding_group beat the binding's own values, so the overlay leaves them.\n");
        out.append("local PINNED = {\n");
        for (Map.Entry<String, Map<String, java.util.Set<String>>> d : c.pinned.entrySet()) {
            out.append("  [").append(LuaText.string(d.getKey())).append("] = {");
            String sep = " ";
            for (Map.Entry<String, java.util.Set<String>> s : d.getValue().entrySet()) {
                out.append(sep).append('[').append(LuaText.string(s.getKey())).append("] = {");
                String inner = " ";
                for (String field : s.getValue()) {
                    out.append(inner).append(field).append(" = true");
                    inner = ", ";
                }
                out.append(" }");
                sep = ", ";
            }
            out.append(" },\n");
        }
        out.append("}\n\n");
        out.append("""
                -- Named limits in four layers, broadest first: GLOBAL, DOMAIN[domain] (global domain stanzas),
                -- SOURCE[source] (binding and binding_group scopes), PATH[domain][source] (domain stanzas inside
                -- them). A path takes every cap of every layer: concurrency limits shared by all paths of the
                -- Momentum scope in the name. Each slot comes from the most specific layer that has it, as
                -- Momentum's fallback chain decides: a message throttle is one bucket per scope that writes it
                -- (shared by reference); a per_path limit is counted per source and domain (its name gets
                -- "@source->domain"); false means no limit there (Momentum's 0, or the path's own max_message_rate).
                """);
        out.append("local GLOBAL = ");
        layer(out, c.globalLayer, "", origin);
        out.append("\n\nlocal DOMAIN = {\n");
        c.domainLayers.forEach((d, l) -> {
            out.append("  [").append(LuaText.string(d)).append("] = ");
            layer(out, l, "  ", origin);
            out.append(",\n");
        });
        out.append("}\n\nlocal SOURCE = {\n");
        c.sourceLayers.forEach((src, l) -> {
            out.append("  [").append(LuaText.string(src)).append("] = ");
            layer(out, l, "  ", origin);
            out.append(",\n");
        });
        out.append("}\n\nlocal PATH = {\n");
        c.pathLayers.forEach((d, bySource) -> {
            out.append("  [").append(LuaText.string(d)).append("] = {\n");
            bySource.forEach((src, l) -> {
                out.append("    [").append(LuaText.string(src)).append("] = ");
                layer(out, l, "    ", origin);
                out.append(",\n");
            });
            out.append("  },\n");
        });
        out.append("}\n");
        out.append("""

                local function merge(into, from)
                  for k, v in pairs(from) do
                    into[k] = v
                  end
                end

                -- The make_egress_path parameters of one path: shaping.toml's, then what it cannot hold.
                function mod.egress_path_params(shaping, domain, source, site)
                  domain = string.lower(domain)
                  local params = shaping:get_egress_path_config(domain, source, site)
                  local pinned = (PINNED[domain] or {})[source] or {}
                  for field, value in pairs(SOURCE_VALUES[source] or {}) do
                    if not pinned[field] then
                      params[field] = value
                    end
                  end
                  local caps, slots = {}, {}
                  local layers = { GLOBAL, DOMAIN[domain], SOURCE[source], (PATH[domain] or {})[source] }
                  for i = 1, 4 do
                    local layer = layers[i]
                    if layer then
                      merge(caps, layer.caps or {})
                      merge(slots, layer.slots or {})
                    end
                  end
                  params.additional_connection_limits = params.additional_connection_limits or {}
                  params.additional_message_rate_throttles = params.additional_message_rate_throttles or {}
                  merge(params.additional_connection_limits, caps)
                  for _, slot in pairs(slots) do
                    if slot and slot.per_path then
                      params.additional_connection_limits[slot.name .. '@' .. source .. '->' .. domain] = slot.limit
                    elseif slot then
                      params.additional_message_rate_throttles[slot.name] = slot.rate
                    end
                  end
                  return params
                end

                function mod.setup()
                  local sources = require 'policy-extras.sources'
                  sources:setup { POLICY_DIR .. '/sources.toml' }
                  local load_shaping = kumo.memoize(kumo.shaping.load, {
                    name = 'limitc_shaping',
                    ttl = '1 minute',
                    capacity = 1,
                  })
                  kumo.on('get_egress_path_config', function(domain, source, site)
                    local shaping = load_shaping { POLICY_DIR .. '/shaping.toml' }
                    return kumo.make_egress_path(mod.egress_path_params(shaping, domain, source, site))
                  end)
                end

                return mod
                """);
        return out.toString();
    }

    private static void layer(StringBuilder out, PathParams l, String indent, Function<Entry, String> origin) {
        out.append("{\n");
        out.append(indent).append("  caps = {");
        if (!l.caps.isEmpty()) out.append('\n');
        for (Map.Entry<String, Entry> cap : l.caps.entrySet()) {
            out.append(indent).append("    [").append(LuaText.string(cap.getKey())).append("] = ")
                    .append(LuaText.value(cap.getValue().value())).append(", -- ").append(LuaText.comment(origin.apply(cap.getValue()))).append('\n');
        }
        out.append(l.caps.isEmpty() ? "" : indent + "  ").append("},\n");
        out.append(indent).append("  slots = {");
        if (!l.slots.isEmpty()) out.append('\n');
        for (Map.Entry<String, PathParams.Slot> e : l.slots.entrySet()) {
            PathParams.Slot slot = e.getValue();
            out.append(indent).append("    ").append(e.getKey()).append(" = ");
            if (slot.name() == null) {
                out.append("false");
            } else {
                out.append("{ name = ").append(LuaText.string(slot.name()))
                        .append(slot.perPath() ? ", limit = " : ", rate = ").append(LuaText.value(slot.value()))
                        .append(slot.perPath() ? ", per_path = true" : "").append(" }");
            }
            out.append(", -- ").append(LuaText.comment(origin.apply(new Entry(slot.value(), slot.from())))).append('\n');
        }
        out.append(l.slots.isEmpty() ? "" : indent + "  ").append("},\n");
        out.append(indent).append('}');
    }
}
