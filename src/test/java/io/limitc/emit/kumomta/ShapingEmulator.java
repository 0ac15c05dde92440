package io.limitc.emit.kumomta;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves a shaping.toml for one (domain, source) in the order KumoMTA's shaping loader
 * does (kumomta.md §5.2) for the blocks the converter writes: {@code [default]}, the domain's
 * own block ({@code mx_rollup = false}), then its {@code sources} sub-block. Only the three
 * {@code additional_*} maps merge key by key; every other field is replaced.
 */
public final class ShapingEmulator {

    private static final Set<String> BLOCK_ONLY = Set.of("mx_rollup", "replace_base", "automation", "sources");

    private final JsonNode root;

    public ShapingEmulator(JsonNode root) {
        this.root = root;
    }

    public Map<String, Object> resolve(String domain, String source) {
        Map<String, Object> params = new TreeMap<>();
        merge(params, root.get("default"));
        JsonNode block = domain.equals("default") || domain.equals("provider") ? null : root.get(domain);
        if (block != null) {
            merge(params, block);
            merge(params, block.path("sources").get(source));
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> params, JsonNode block) {
        if (block == null) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (BLOCK_ONLY.contains(f.getKey())) continue;
            if (f.getKey().startsWith("additional_") && f.getValue().isObject()) {
                Map<String, Object> map = (Map<String, Object>) params.computeIfAbsent(f.getKey(), k -> new TreeMap<>());
                f.getValue().fields().forEachRemaining(e -> map.put(e.getKey(), scalar(e.getValue())));
            } else {
                params.put(f.getKey(), scalar(f.getValue()));
            }
        }
    }

    private static Object scalar(JsonNode v) {
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isBoolean()) return v.asBoolean();
        return v.asText();
    }
}
