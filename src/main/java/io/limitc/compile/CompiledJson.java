package io.limitc.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.limitc.model.Origin;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compiled configuration's JSON: {@code format} {@value #FORMAT} (the major version
 * changes only with an incompatible change), written deterministically: object keys
 * sorted, lists sorted by name (Momentum scopes in declaration order), no timestamps and
 * no absolute paths.
 */
public final class CompiledJson {

    public static final String FORMAT = "limitc-compiled/2";

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

    /**
     * An origin in the compiled file: {@code "file:line:column"}, one string rather than an
     * object (a large configuration has hundreds of thousands), or null for built-in defaults.
     */
    public static JsonNode position(Origin o) {
        return o == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(o.position());
    }

    /** {@code {"file","line","column"}}, or null for built-in defaults (explain's JSON). */
    public static JsonNode originNode(Origin o) {
        if (o == null) return JsonNodeFactory.instance.nullNode();
        return JsonNodeFactory.instance.objectNode().put("file", o.file()).put("line", o.line()).put("column", o.column());
    }

    /**
     * Splits limits into the concurrency and rate lists, sorted by name. A list is written as the
     * file is (one limit per line, on every core), never held as a JSON tree: an nginx
     * configuration of 20 000 servers has 200 000 limit_conn lines.
     */
    public static void limits(ObjectNode root, List<CompiledLimit> limits) {
        List<CompiledLimit> sorted = new ArrayList<>(limits);
        sorted.sort(Comparator.comparing(CompiledLimit::name));
        List<CompiledLimit> concurrency = sorted.stream().filter(l -> !l.type().equals("rate")).toList();
        List<CompiledLimit> rate = sorted.stream().filter(l -> l.type().equals("rate")).toList();
        list(root, "concurrency_limits", concurrency, (g, l, at) -> limit(g, l));
        list(root, "rate_limits", rate, (g, l, at) -> limit(g, l));
    }

    /**
     * Sets {@code name} to a list whose items are written as the file is ({@link #items}); an
     * empty list stays a plain JSON value, so it is laid out as any other.
     */
    public static <T> void list(ObjectNode parent, String name, List<T> values, ItemWriter<T> writer) {
        if (values.isEmpty()) {
            parent.putArray(name);
            return;
        }
        parent.set(name, part((g, indent) -> {
            Entries items = new Entries(g, false, indent);
            items(g, items, values, writer);
            items.end();
        }));
    }

    private static final SerializedString COLON_SPACE = new SerializedString(": ");
    /** Field names, encoded once: a few dozen (the format's and the options'), written millions of times. */
    private static final java.util.concurrent.ConcurrentHashMap<String, SerializedString> FIELD_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static SerializedString fieldName(String name) {
        SerializedString encoded = FIELD_NAMES.get(name);
        return encoded != null ? encoded : FIELD_NAMES.computeIfAbsent(name, SerializedString::new);
    }

    /** {@code ["a","b"]}: a list of strings encoded beforehand, on one line. */
    public static void encodedStrings(JsonGenerator g, List<SerializedString> values) throws IOException {
        g.writeRaw('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) g.writeRaw(',');
            g.writeString(values.get(i));
        }
        g.writeRaw(']');
    }

    /** {@code ["a","b"]}: a list of strings on one line. */
    public static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeRaw('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) g.writeRaw(',');
            g.writeString(values.get(i));
        }
        g.writeRaw(']');
    }

    /**
     * The fixed text between a limit's values, encoded once: {@code writeRaw(String)} copies and
     * encodes its characters each time, 200 000 limits and ten times that many keys a file.
     */
    private static final SerializedString LIMIT_CLUSTER = new SerializedString("{\"cluster\":");
    private static final SerializedString LIMIT_KEY = new SerializedString(",\"key\":");
    private static final SerializedString LIMIT_LIMIT = new SerializedString(",\"limit\":");
    private static final SerializedString LIMIT_NAME = new SerializedString(",\"name\":");
    private static final SerializedString LIMIT_OPTION = new SerializedString(",\"option\":");
    private static final SerializedString LIMIT_ORIGIN = new SerializedString(",\"origin\":");
    private static final SerializedString LIMIT_PERIODSECONDS = new SerializedString(",\"periodSeconds\":");
    private static final SerializedString LIMIT_RATE = new SerializedString(",\"rate\":");
    private static final SerializedString LIMIT_SCOPE = new SerializedString(",\"scope\":");

    /** One limit on one line, its fields sorted as every object of the file has them. */
    private static void limit(JsonGenerator g, CompiledLimit l) throws IOException {
        g.writeRaw(LIMIT_CLUSTER);
        g.writeBoolean(l.cluster());
        g.writeRaw(LIMIT_KEY);
        strings(g, l.key());
        g.writeRaw(LIMIT_LIMIT);
        g.writeNumber(l.limit());
        g.writeRaw(LIMIT_NAME);
        g.writeString(l.name());
        g.writeRaw(LIMIT_OPTION);
        g.writeString(l.option());
        g.writeRaw(LIMIT_ORIGIN);
        if (l.origin() == null) g.writeNull();
        else g.writeString(l.origin().position());
        if (l.type().equals("rate")) {
            g.writeRaw(LIMIT_PERIODSECONDS);
            g.writeNumber(l.periodSeconds());
            g.writeRaw(LIMIT_RATE);
            g.writeString(l.rate());
        }
        g.writeRaw(LIMIT_SCOPE);
        g.writeString(l.scope());
        g.writeRaw('}');
    }

    /** Deterministic text: keys sorted at every level, lists kept in their (already sorted) order. */
    public static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(sorted(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The compiled file, streamed (a 100 000-domain configuration is never one String).
     * Keys are sorted; a value that holds no list of objects (a limit, a domain scope, a
     * block) is written on one line, anything larger one entry per line with its one-line
     * fields first. Diffs stay one line per limit or scope, at a fraction of indented JSON.
     */
    public static void write(JsonNode root, OutputStream out) throws IOException {
        // standard output must stay open; the values written "at the root" are the pieces of one document
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            layout(g, root, "");
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static final JsonFactory FACTORY = new JsonFactory().setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** A value its producer writes while the file is written: what is too large to hold as a JSON tree. */
    public interface Part {
        /** Writes the value (never on one line) as {@link Entries} lays out one at {@code indent}. */
        void write(JsonGenerator g, String indent) throws IOException;
    }

    public static JsonNode part(Part part) {
        return JsonNodeFactory.instance.pojoNode(part);
    }

    /** {@code indent} null: on one line. */
    private static void layout(JsonGenerator g, JsonNode node, String indent) throws IOException {
        if (node instanceof POJONode p && p.getPojo() instanceof Part part) {
            part.write(g, indent);
        } else if (node.isObject()) {
            String inner = indent == null || oneLine(node) ? null : indent;
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            if (inner != null) { // the fields that span lines go last
                List<String> spanning = names.stream().filter(n -> !oneLine(node.get(n))).toList();
                names.removeAll(spanning);
                names.addAll(spanning);
            }
            Entries e = new Entries(g, true, inner);
            for (String name : names) {
                e.field(name);
                layout(g, node.get(name), e.indent());
            }
            e.end();
        } else if (node.isArray()) {
            Entries e = new Entries(g, false, indent == null || oneLine(node) ? null : indent);
            for (JsonNode item : node) {
                e.next();
                layout(g, item, e.indent());
            }
            e.end();
        } else if (node.isNull()) {
            g.writeNull();
        } else {
            node.serialize(g, null); // text, number, boolean: no provider needed
        }
    }

    /** No list of objects anywhere inside. */
    private static boolean oneLine(JsonNode node) {
        if (node.isPojo()) return false; // a part
        for (JsonNode child : node) {
            if (node.isArray() && child.isObject() || !oneLine(child)) return false;
        }
        return true;
    }

    /** Lists shorter than this are written on the calling thread. */
    public static final int PARALLEL_ITEMS = 64;

    /** Writes one item of a list at {@code indent}. */
    public interface ItemWriter<T> {
        void write(JsonGenerator g, T item, String indent) throws IOException;
    }

    /**
     * The items of a long list, rendered on every core, each run of items into a buffer of its
     * own, then written in order: the same bytes as writing them one after the other.
     */
    public static <T> void items(JsonGenerator g, Entries items, List<T> values, ItemWriter<T> writer) throws IOException {
        if (values.size() < PARALLEL_ITEMS) { // not worth a thread
            itemsInOrder(g, items, values, writer);
            return;
        }
        int runs = Math.min(values.size(), 8 * (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1));
        int before = items.count;
        List<byte[]> rendered;
        try {
            rendered = java.util.stream.IntStream.range(0, runs).parallel().mapToObj(r -> {
                java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
                try (JsonGenerator run = FACTORY.createGenerator(buffer)) {
                    Entries e = new Entries(run, items.object, items.indent);
                    e.count = before + values.size() * r / runs; // past the first item: separators only
                    itemsInOrder(run, e, values.subList(values.size() * r / runs, values.size() * (r + 1) / runs), writer);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                return buffer.toByteArray();
            }).toList();
        } catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
        g.flush(); // everything written so far, then the runs straight to the same stream
        OutputStream out = (OutputStream) g.getOutputTarget();
        for (byte[] b : rendered) out.write(b);
        items.count = before + values.size();
    }

    /** The items one after the other, on this thread. */
    public static <T> void itemsInOrder(JsonGenerator g, Entries items, List<T> values, ItemWriter<T> writer) throws IOException {
        for (T v : values) {
            items.next();
            writer.write(g, v, items.indent());
        }
    }

    /**
     * The entries of one object or list as the compiled file lays them out: on one line
     * ({@code indent} null), or one per line, indented one step more than {@code indent}.
     */
    public static final class Entries {
        private final JsonGenerator g;
        private final boolean object;
        private final String indent;
        private final String inner;
        private int count;

        public Entries(JsonGenerator g, boolean object, String indent) {
            this.g = g;
            this.object = object;
            this.indent = indent;
            this.inner = indent == null ? null : indent + "  ";
        }

        /** Starts the next field of an object; its value follows. */
        public void field(String name) throws IOException {
            next();
            g.writeString(fieldName(name));
            if (inner == null) g.writeRaw(':');
            else g.writeRaw(COLON_SPACE);
        }

        /** Starts the next item of a list (or the next field, its name written by the caller). */
        public void next() throws IOException {
            g.writeRaw(count++ == 0 ? (object ? '{' : '[') : ',');
            if (inner != null) {
                g.writeRaw('\n');
                g.writeRaw(inner);
            }
        }

        /** The indentation of the lines the entries are on (null: one line), for values spanning lines. */
        public String indent() {
            return inner;
        }

        public void end() throws IOException {
            if (count == 0) {
                g.writeRaw(object ? '{' : '[');
            } else if (inner != null) {
                g.writeRaw('\n');
                g.writeRaw(indent);
            }
            g.writeRaw(object ? '}' : ']');
        }
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
