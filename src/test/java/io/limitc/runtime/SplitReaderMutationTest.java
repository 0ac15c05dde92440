package io.limitc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read in parts never takes a file the whole read refuses, and where both take one they
 * agree: every field of the fixtures repeated, dropped, or given a value of another kind,
 * every list given an element too many or too few, an unknown field in every object.
 */
class SplitReaderMutationTest {

    private static final List<String> VALUES = List.of("null", "1", "1.5", "\"s\"", "true", "false", "[]", "{}", "-2", "0",
            "99999999999999999999", "2147483648", "\"\"", "[\"a\"]", "[null]", "{\"limit\":1}");

    @Test
    void partsTakeOnlyWhatTheWholeReadTakes() throws Exception {
        int variants = 0;
        int inParts = 0;
        for (Path fixture : SplitReaderTest.FIXTURES) {
            JsonNode doc = new ObjectMapper().readTree(Files.readAllBytes(fixture));
            int nodes = new Writer(-1, null).count(doc);
            for (int target = 0; target < nodes; target++) {
                for (Mutation m : mutations(doc, target)) {
                    String text = new Writer(target, m).write(doc);
                    variants++;
                    if (agree(text, fixture + " node " + target + " " + m)) inParts++;
                }
            }
        }
        assertTrue(variants > 3000, "variants: " + variants);
        assertTrue(inParts > 300, "variants taken in parts: " + inParts);
    }

    /** True when the variant was read in parts; fails when the parts took what the whole read refuses, or differ. */
    private static boolean agree(String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CompiledFile parts = ConfigLoader.inParts(bytes, 1);
        CompiledFile whole;
        try {
            whole = ConfigLoader.whole(bytes);
        } catch (ConfigException e) {
            assertEquals(null, parts, what + " is refused by the whole read: " + e.getMessage());
            return false;
        }
        if (parts == null) return false;
        assertEquals(SplitReaderTest.describe(whole), SplitReaderTest.describe(parts), what);
        return true;
    }

    /** A change at one node: its value replaced, or (objects and arrays) a field or element changed. */
    private record Mutation(String kind, int index, String value) {
        @Override
        public String toString() {
            return kind + " " + index + (value == null ? "" : " " + value);
        }
    }

    private static List<Mutation> mutations(JsonNode doc, int target) {
        JsonNode node = new Writer(target, null).find(doc);
        List<Mutation> out = new ArrayList<>();
        for (String v : VALUES) out.add(new Mutation("value", -1, v));
        for (int i = 0; i < node.size(); i++) {
            out.add(new Mutation("repeat", i, null));
            out.add(new Mutation("drop", i, null));
        }
        if (node.isObject()) out.add(new Mutation("unknown", -1, null));
        if (node.isArray()) out.add(new Mutation("add", -1, "{}"));
        return out;
    }

    /** Writes a document, numbering its nodes depth first, and applies a mutation at the target node. */
    private static final class Writer {
        private final int target;
        private final Mutation mutation;
        private int next;
        private JsonNode found;

        Writer(int target, Mutation mutation) {
            this.target = target;
            this.mutation = mutation;
        }

        int count(JsonNode doc) {
            write(doc, new StringBuilder());
            return next;
        }

        JsonNode find(JsonNode doc) {
            write(doc, new StringBuilder());
            return found;
        }

        String write(JsonNode doc) {
            StringBuilder out = new StringBuilder();
            write(doc, out);
            return out.toString();
        }

        private void write(JsonNode node, StringBuilder out) {
            boolean here = next++ == target;
            if (here) found = node;
            Mutation m = here ? mutation : null;
            if (m != null && m.kind().equals("value")) {
                out.append(m.value());
                // the numbering goes on as if the node were written, so later targets stay where they were
                next += size(node) - 1;
                return;
            }
            if (node.isObject()) {
                out.append("{\n");
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) fields.add(it.next());
                String sep = "";
                for (int i = 0; i < fields.size(); i++) {
                    boolean drop = m != null && m.kind().equals("drop") && m.index() == i;
                    int times = m != null && m.kind().equals("repeat") && m.index() == i ? 2 : 1;
                    for (int t = 0; t < times; t++) {
                        StringBuilder value = new StringBuilder();
                        int before = next;
                        write(fields.get(i).getValue(), value);
                        if (t + 1 < times) next = before; // the repeat is numbered as the original
                        if (drop) continue;
                        out.append(sep).append(TextNode.valueOf(fields.get(i).getKey())).append(": ").append(value);
                        sep = ",\n";
                    }
                }
                if (m != null && m.kind().equals("unknown")) out.append(sep).append("\"zz\": 1");
                out.append("\n}");
            } else if (node.isArray()) {
                out.append('[');
                String sep = "";
                for (int i = 0; i < node.size(); i++) {
                    boolean drop = m != null && m.kind().equals("drop") && m.index() == i;
                    int times = m != null && m.kind().equals("repeat") && m.index() == i ? 2 : 1;
                    for (int t = 0; t < times; t++) {
                        StringBuilder value = new StringBuilder();
                        int before = next;
                        write(node.get(i), value);
                        if (t + 1 < times) next = before;
                        if (drop) continue;
                        out.append(sep).append(value);
                        sep = ", ";
                    }
                }
                if (m != null && m.kind().equals("add")) out.append(sep).append(m.value());
                out.append(']');
            } else {
                out.append(node.toString());
            }
        }

        private static int size(JsonNode node) {
            int size = 1;
            for (JsonNode child : node) size += size(child);
            return size;
        }
    }
}
