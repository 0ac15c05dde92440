package io.limitc.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.limitc.runtime.MomentumRules.Scope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a compiled Momentum file in parts: the scope tree ({@code $.rules.momentum.global},
 * nearly all of a large file) by parsers of its own, its lists' elements side by side on
 * several threads, and the rest of the file ({@link CompiledFileReader}) by a strict parser
 * with an empty object in the tree's place. The tree's parsers find repeated keys themselves
 * ({@link ScopeReader}), so they run without the parser's detection, which costs a hash set
 * for each object; databind is not used.
 *
 * <p>This is the quick way for the file as {@code limitc compile} writes it, not a second
 * loader: a file it does not find its way through gives null, and any problem in a part
 * throws. Either way the caller reads the whole file the ordinary way, which names the
 * problem exactly (the parts' own messages would have their paths and positions wrong).
 * Every part is one value parsed with the loader's features and limits (nesting counted
 * from the top of the file), and what lies between the parts is checked by
 * {@link JsonSpans}: a file read in parts holds what the ordinary read would find.
 */
final class SplitReader {

    /** Where {@code $.rules.momentum.global}'s object lies: the fourth level of the file. */
    private static final int TREE_DEPTH = 4;
    /** Element parts are grouped into runs of about this many bytes, taken by the threads in turn. */
    private static final int RUN_BYTES = 64 * 1024;

    /** The loader's parsers, for the rest of the file. */
    private final JsonFactory strict;
    /** Parsers for the way to the tree, for the values of the tree's fields, and for its lists' elements. */
    private final JsonFactory top;
    private final JsonFactory treeLevel;
    private final JsonFactory elementLevel;

    /** {@code strict}: the loader's parser settings and limits. */
    SplitReader(JsonFactory strict) {
        this.strict = strict;
        this.top = partFactory(strict, 0);
        this.treeLevel = partFactory(strict, TREE_DEPTH);
        this.elementLevel = partFactory(strict, TREE_DEPTH + 1);
    }

    /**
     * The loader's parser settings without duplicate detection, for a value that is nested
     * {@code depth} levels deep in the file: it may nest that much less.
     */
    private static JsonFactory partFactory(JsonFactory strict, int depth) {
        StreamReadConstraints limits = strict.streamReadConstraints();
        return ((JsonFactoryBuilder) strict.rebuild())
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(limits.rebuild().maxNestingDepth(limits.getMaxNestingDepth() - depth).build())
                .build();
    }

    /**
     * The file read in parts on up to {@code threads} threads, or null when it is not laid
     * out as expected. Throws on any problem in it.
     */
    CompiledFile read(byte[] bytes, int threads) throws IOException {
        int start = treeStart(bytes);
        if (start < 0) return null;
        Scope root = new Scope("global", null, 0);
        Runs runs = new Runs(bytes, root, threads);
        // the elements are read (by the helpers) as the scan finds them
        JsonSpans.Fields tree = JsonSpans.fields(bytes, start, bytes.length, list -> ScopeReader.kindOf(list) != null, runs);
        int seen = 0;
        for (JsonSpans.Field f : tree == null ? List.<JsonSpans.Field>of() : tree.list()) {
            int bit = ScopeReader.scopeField(f.name());
            if (bit == 0 || (seen & bit) != 0) {
                tree = null;
                break;
            }
            seen |= bit;
        }
        if (tree == null) {
            runs.abandon();
            return null;
        }
        try {
            for (JsonSpans.Field f : tree.list()) {
                // the scope's own limits and settings (or a list that is not one: its read says so)
                if (!f.listed()) part(treeLevel, bytes, f.from(), f.to(), p -> ScopeReader.field(p, root, f.name()));
            }
        } catch (IOException | RuntimeException e) {
            runs.abandon();
            throw e;
        }
        List<Scope> children = runs.finish();
        if (!children.isEmpty()) root.children = children;
        return rest(bytes, start, tree.end(), root);
    }

    /**
     * The tree's list elements in runs of about RUN_BYTES, each read by whichever thread is
     * free once the scan has found it, and each element built as far as it can be on its own
     * right after it is read (MomentumRules.prepare), while its objects are at hand.
     */
    private final class Runs implements JsonSpans.Elements {
        private final byte[] bytes;
        private final Scope root;
        private final SideBySide<IOException> threads;
        private final List<Scope[]> read = new ArrayList<>();
        private List<Element> run = new ArrayList<>();
        private int runBytes;

        Runs(byte[] bytes, Scope root, int threads) {
            this.bytes = bytes;
            this.root = root;
            this.threads = SideBySide.start(threads, "limitc-load");
        }

        @Override
        public void element(String list, int index, int from, int to) {
            run.add(new Element(ScopeReader.kindOf(list), index, from, to));
            runBytes += to - from;
            if (runBytes >= RUN_BYTES) hand();
        }

        private void hand() {
            List<Element> elements = run;
            Scope[] scopes = new Scope[elements.size()];
            read.add(scopes);
            threads.add(() -> {
                for (int i = 0; i < scopes.length; i++) {
                    Element e = elements.get(i);
                    int at = i;
                    part(elementLevel, bytes, e.from(), e.to(), p -> scopes[at] = ScopeReader.scope(p, e.kind(), root, e.index()));
                    MomentumRules.prepare(scopes[at]);
                }
            });
            run = new ArrayList<>();
            runBytes = 0;
        }

        /** Every element read, in document order. */
        List<Scope> finish() throws IOException {
            if (!run.isEmpty()) hand();
            threads.finish();
            List<Scope> all = new ArrayList<>();
            for (Scope[] scopes : read) all.addAll(Arrays.asList(scopes));
            return all;
        }

        void abandon() {
            threads.abandon();
        }
    }

    /** The offset of the tree's '{', or -1 when the file is not a Momentum file laid out as compiled. */
    private int treeStart(byte[] bytes) throws IOException {
        try (JsonParser p = top.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return -1;
            // the fields before the rules are few and short: a file of another dialect is left at its "dialect"
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                if (field.equals("dialect") && !(value == JsonToken.VALUE_STRING && p.getText().equals("ecelerity"))) return -1;
                if (field.equals("rules")) {
                    if (value != JsonToken.START_OBJECT || !"momentum".equals(p.nextFieldName())) return -1;
                    if (p.nextToken() != JsonToken.START_OBJECT) return -1;
                    for (String m = p.nextFieldName(); m != null; m = p.nextFieldName()) {
                        if (p.nextToken() == JsonToken.START_OBJECT && m.equals("global")) {
                            long offset = p.currentTokenLocation().getByteOffset();
                            return p.getParsingContext().getNestingDepth() == TREE_DEPTH ? (int) offset : -1;
                        }
                        p.skipChildren();
                    }
                    return -1;
                }
                p.skipChildren();
            }
            return -1;
        }
    }

    /** One element of one of the tree's lists: its place in it, and where it lies. */
    private record Element(String kind, int index, int from, int to) {}

    private interface PartRead {
        void read(JsonParser p) throws IOException;
    }

    /** Parses the value {@code [from, to)} on its own; there must be nothing else in it. */
    private static void part(JsonFactory factory, byte[] bytes, int from, int to, PartRead read) throws IOException {
        try (JsonParser p = factory.createParser(bytes, from, to - from)) {
            p.nextToken();
            read.read(p);
            if (p.nextToken() != null) throw new IOException("more than one value at " + from);
        }
    }

    /** The file without the tree, read by a strict parser; the empty object in the tree's place stands for the root read. */
    private CompiledFile rest(byte[] bytes, int start, int end, Scope root) throws IOException {
        byte[] rest = new byte[start + 2 + bytes.length - end];
        System.arraycopy(bytes, 0, rest, 0, start);
        rest[start] = '{';
        rest[start + 1] = '}';
        System.arraycopy(bytes, end, rest, start + 2, bytes.length - end);
        try (JsonParser p = strict.createParser(rest)) {
            return CompiledFileReader.read(p, start, root);
        }
    }
}
