package io.limitc.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.model.Origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compiled configuration's JSON: {@code format} {@value #FORMAT} (the major version
 * changes only with an incompatible change), written deterministically: object keys
 * sorted, lists sorted by name, no timestamps and no absolute paths.
 */
public final class CompiledJson {

    public static final String FORMAT = "limitc-compiled/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompiledJson() {}

    public static ObjectNode root(String dialect) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("dialect", dialect);
        return root;
    }

    public static void origin(ObjectNode node, Origin o) {
        node.set("origin", originNode(o));
    }

    /** {@code {"file","line","column"}}, or null for built-in defaults. */
    public static JsonNode originNode(Origin o) {
        if (o == null) return JsonNodeFactory.instance.nullNode();
        return JsonNodeFactory.instance.objectNode().put("file", o.file()).put("line", o.line()).put("column", o.column());
    }

    /** Splits limits into the concurrency and rate lists, sorted by name. */
    public static void limits(ObjectNode root, List<CompiledLimit> limits) {
        ArrayNode concurrency = root.putArray("concurrency_limits");
        ArrayNode rate = root.putArray("rate_limits");
        List<CompiledLimit> sorted = new ArrayList<>(limits);
        sorted.sort(Comparator.comparing(CompiledLimit::name));
        for (CompiledLimit l : sorted) {
            ObjectNode n = (l.type().equals("rate") ? rate : concurrency).addObject();
            n.put("name", l.name());
            n.put("limit", l.limit());
            if (l.type().equals("rate")) {
                n.put("periodSeconds", l.periodSeconds());
                n.put("rate", l.rate());
            }
            ArrayNode key = n.putArray("key");
            l.key().forEach(key::add);
            n.put("scope", l.scope());
            n.put("cluster", l.cluster());
            n.put("option", l.option());
            origin(n, l.origin());
        }
    }

    /** Deterministic text: keys sorted at every level, lists kept in their (already sorted) order. */
    public static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(sorted(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same text, streamed: a compiled 100 000-domain configuration is never one String. */
    public static void write(JsonNode root, java.io.OutputStream out) throws java.io.IOException {
        // Jackson closes the stream it is given; standard output must stay open.
        java.io.OutputStream unclosed = new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len); // FilterOutputStream would write byte by byte
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
        MAPPER.writeValue(unclosed, sorted(root));
        out.write('\n');
        out.flush();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
