package io.limitc.compile.nginx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.compile.CompiledJson;
import io.limitc.compile.CompiledLimit;
import io.limitc.compile.Origins;
import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles an nginx or Angie configuration: each limit_conn_zone is a zone (key, size, the
 * 64-byte states it holds), each limit_conn a concurrency limit on its zone; every http,
 * server, location and if block (and stream and its servers) gets its effective limit_conn
 * list after nginx's replace-not-merge inheritance, and its own effective dry run, status
 * and log level, each inherited independently (nginx.md §2.5).
 */
public final class NginxCompiler {

    private static final Set<String> LIMIT_BLOCKS = Set.of("http", "server", "location", "if", "limit_except", "stream");

    /** One block where limits apply, with what it declares itself. */
    public static final class Block {
        public final Directive directive;
        public final Block parent;
        public final String context;
        public final List<Directive> ownLimits = new ArrayList<>();
        public final Map<String, Directive> ownSettings = new LinkedHashMap<>();

        Block(Directive directive, Block parent, String context) {
            this.directive = directive;
            this.parent = parent;
            this.context = context;
        }

        /** The limit_conn lines in force here: its own, or else its parent's (replaced, never merged). */
        public List<Directive> effectiveLimits() {
            for (Block b = this; b != null; b = b.parent) {
                if (!b.ownLimits.isEmpty()) return b.ownLimits;
            }
            return List.of();
        }

        /** The nearest block that sets the directive, or null (nginx's default applies). */
        public Directive effective(String setting) {
            for (Block b = this; b != null; b = b.parent) {
                Directive d = b.ownSettings.get(setting);
                if (d != null) return d;
            }
            return null;
        }

        public boolean stream() {
            return context.startsWith("stream");
        }

        /** {@code location /api/} in {@code server s1.example.com}: how an operator names the block. */
        public String selector() {
            StringBuilder sb = new StringBuilder(directive.name());
            for (Value v : directive.args()) sb.append(' ').append(v instanceof Value.Scalar s ? s.text() : v.toString());
            if (directive.name().equals("server")) {
                // named by its first server_name, else by its first listen address
                for (String name : List.of("server_name", "listen")) {
                    for (Directive d : directive.block()) {
                        if (d.name().equals(name) && !d.args().isEmpty()) {
                            String value = ((Value.Scalar) d.args().get(0)).text();
                            return sb.append(name.equals("listen") ? " listen=" : " ").append(value).toString();
                        }
                    }
                }
            }
            return sb.toString();
        }

        public String path() {
            return parent == null ? selector() : parent.path() + " > " + selector();
        }
    }

    /**
     * The blocks a line belongs to, in reading order: the innermost statement written on or
     * around the line (in any file, also an included one) is found, then the block that holds
     * it, or the block it opens, in each reading of it (a file included in several servers
     * is read in each); empty when it is in none.
     */
    public List<Block> blocksAt(String file, int line) {
        // explain's question only: the statements written around the line are found by a walk
        List<Directive> around = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        tree.walkPlaced((d, enclosing, place, blockPlace) -> {
            if (parentAt(blockPlace) == NOWHERE) return;
            io.limitc.model.Origin o = d.origin();
            if (!o.file().equals(file) || line < o.line() || line > o.endLine()) return;
            around.add(d);
            places.add(place);
        });
        Directive best = null;
        for (Directive d : around) {
            if (best == null || d.origin().endLine() - d.origin().line() <= best.origin().endLine() - best.origin().line()) best = d;
        }
        // a block per reading, each once (a file included twice into one block reads the line twice there)
        java.util.Set<Block> found = new java.util.LinkedHashSet<>();
        for (int i = 0; i < around.size(); i++) {
            if (around.get(i) != best) continue;
            int place = places.get(i);
            Block b = blockAtPlace[place] != null ? blockAtPlace[place] : parentAt(tree.blockPlace(place));
            if (b != null) found.add(b);
        }
        return new ArrayList<>(found);
    }

    /** A limit_conn_zone. */
    public record Zone(String name, String key, long size, boolean stream, Directive written) {
        /** About how many 64-byte states (keys up to 28 bytes) the zone holds (nginx.md §2.7). */
        public long states() {
            return Math.max(0, size / (4096 + 24) - 1) * 64;
        }
    }

    public final List<Block> blocks = new ArrayList<>();
    public final Map<String, Zone> zones = new LinkedHashMap<>();
    /**
     * By place in the reading order: the block the statement there opens. A block read twice
     * (its file included twice) is a block per reading, as in nginx.
     */
    private final Block[] blockAtPlace;
    private final ConfigTree tree;
    private final Block root;

    public NginxCompiler(ConfigTree tree, String context) {
        // A snippet is read as if inside its --context block: that block is the root.
        io.limitc.model.Origin nowhere = new io.limitc.model.Origin("<context>", 1, 1, 1, 1);
        Block root = context.equals("main") ? null : new Block(
                new Directive(context.replace("-server", ""), nowhere, List.of(), false, List.of(), null, nowhere, List.of()),
                null, context);
        if (root != null) blocks.add(root);
        this.tree = tree;
        this.root = root;
        this.blockAtPlace = new Block[tree.places()];
        tree.walkPlaced((d, enclosing, place, blockPlace) -> visit(d, place, blockPlace));
    }

    /** The block the statement in the block at {@code blockPlace} sits in: {@code root} at the top, null inside a block that holds no limits. */
    private Block parentAt(int blockPlace) {
        if (blockPlace < 0) return root;
        Block parent = blockAtPlace[blockPlace];
        return parent == null ? NOWHERE : parent;
    }

    /** Stands for "inside map, upstream, events, a module's block...": nothing there is compiled. */
    private static final Block NOWHERE = new Block(null, null, "");

    private void visit(Directive d, int place, int blockPlace) {
        Block parent = parentAt(blockPlace);
        if (parent == NOWHERE) return;
        if (d.hasBlock()) {
            if (!LIMIT_BLOCKS.contains(d.name())) return;
            String context = parent == null ? d.name() : parent.stream() ? "stream-" + d.name() : d.name();
            Block b = new Block(d, parent, context);
            blocks.add(b);
            blockAtPlace[place] = b;
            return;
        }
        if (parent == null) return;
        switch (d.name()) {
            case "limit_conn" -> {
                if (d.args().size() == 2) parent.ownLimits.add(d);
            }
            case "limit_conn_dry_run", "limit_conn_status", "limit_conn_log_level" -> {
                if (d.args().size() == 1) parent.ownSettings.put(d.name(), d);
            }
            case "limit_conn_zone" -> zone(d, parent.stream());
            default -> { }
        }
    }

    private void zone(Directive d, boolean stream) {
        if (d.args().size() != 2 || !(d.args().get(1) instanceof Value.Scalar p) || !p.text().startsWith("zone=")) return;
        String spec = p.text().substring(5);
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        long size = colon < 0 ? 0 : parseSize(spec.substring(colon + 1));
        zones.putIfAbsent(name, new Zone(name, ((Value.Scalar) d.args().get(0)).text(), size, stream, d));
    }

    static long parseSize(String s) {
        if (s.isEmpty()) return 0;
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        long scale = unit == 'k' ? 1024 : unit == 'm' ? 1024 * 1024 : 1;
        try {
            return Long.parseLong(scale == 1 ? s : s.substring(0, s.length() - 1)) * scale;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The compiled limit one limit_conn line is. */
    public CompiledLimit limit(Directive lc, Origins origins) {
        String zoneName = ((Value.Scalar) lc.args().get(0)).text();
        Zone zone = zones.get(zoneName);
        long n;
        try {
            n = Long.parseLong(((Value.Scalar) lc.args().get(1)).text());
        } catch (NumberFormatException e) {
            n = -1;
        }
        io.limitc.model.Origin o = origins.relative(lc.nameAt());
        // kumomta. is reserved (lint warns): such a zone's limits get a user. prefix
        String base = zoneName.startsWith("kumomta.") ? "user." + zoneName : zoneName;
        return new CompiledLimit(base + "@" + o.file() + ":" + o.line(), "concurrency", n,
                0, zone == null ? List.of() : List.of(zone.key()), "zone " + zoneName, false, "limit_conn", o);
    }

    public static String setting(Directive d, String fallback) {
        return d == null ? fallback : ((Value.Scalar) d.args().get(0)).text().toLowerCase(Locale.ROOT);
    }

    public ObjectNode compile(Origins origins) {
        ObjectNode root = CompiledJson.root("nginx");
        ArrayNode settings = root.putArray("settings");
        for (Block b : blocks) {
            for (Directive d : b.ownSettings.values()) {
                io.limitc.model.Origin o = origins.relative(d.nameAt());
                ObjectNode n = settings.addObject();
                n.put("name", d.name() + "@" + o.file() + ":" + o.line());
                n.put("option", d.name());
                n.put("value", ((Value.Scalar) d.args().get(0)).text());
                n.put("scope", b.path());
                n.set("origin", CompiledJson.position(o));
            }
        }
        root.putArray("sources");
        root.putArray("pools");
        root.putArray("shadowed");
        ObjectNode nginx = root.putObject("rules").putObject("nginx");
        ArrayNode zoneList = nginx.putArray("zones");
        for (Zone z : zones.values()) {
            ObjectNode n = zoneList.addObject();
            n.put("name", z.name());
            n.put("key", z.key());
            n.put("size", z.size());
            n.put("states", z.states());
            n.put("stream", z.stream());
            n.set("origin", CompiledJson.position(origins.relative(z.written().nameAt())));
        }
        List<CompiledLimit> limits = new ArrayList<>();
        // a snippet's limit_conn sits in every block that includes it: each line compiled once
        // each name encoded once: a snippet's limit is named in every block that inherits it
        Map<Directive, SerializedString> limitNames = new IdentityHashMap<>();
        for (Block b : blocks) {
            for (Directive lc : b.ownLimits) {
                if (limitNames.containsKey(lc)) continue;
                CompiledLimit l = limit(lc, origins);
                limits.add(l);
                limitNames.put(lc, new SerializedString(l.name()));
            }
        }
        Map<Block, String> ids = ids(origins);
        // (a block's effective limits are some block's own: every name is in limitNames)
        // tens of thousands of blocks: written as the file is, not held as a JSON tree
        CompiledJson.list(nginx, "blocks", blocks, (g, b, at) -> block(g, b, ids, limitNames, origins));
        CompiledJson.limits(root, limits);
        return root;
    }

    /** The fixed text between a block's values, encoded once (as CompiledJson's limits have theirs). */
    private static final SerializedString BLOCK_CONTEXT = new SerializedString("{\"context\":");
    private static final SerializedString BLOCK_DRYRUN = new SerializedString(",\"dryRun\":");
    private static final SerializedString BLOCK_ID = new SerializedString(",\"id\":");
    private static final SerializedString BLOCK_INHERITED = new SerializedString(",\"inherited\":");
    private static final SerializedString BLOCK_LIMITS = new SerializedString(",\"limits\":");
    private static final SerializedString BLOCK_LOGLEVEL = new SerializedString(",\"logLevel\":");
    private static final SerializedString BLOCK_ORIGIN = new SerializedString(",\"origin\":");
    private static final SerializedString BLOCK_PARENT = new SerializedString(",\"parent\":");
    private static final SerializedString BLOCK_SELECTOR = new SerializedString(",\"selector\":");
    private static final SerializedString BLOCK_STATUS = new SerializedString(",\"status\":");

    /** One block on one line, its fields in the sorted order every object of the file has. */
    private static void block(JsonGenerator g, Block b, Map<Block, String> ids, Map<Directive, SerializedString> limitNames,
                              Origins origins) throws IOException {
        g.writeRaw(BLOCK_CONTEXT);
        g.writeString(b.context);
        g.writeRaw(BLOCK_DRYRUN);
        g.writeBoolean(setting(b.effective("limit_conn_dry_run"), "off").equals("on"));
        g.writeRaw(BLOCK_ID);
        g.writeString(ids.get(b));
        g.writeRaw(BLOCK_INHERITED);
        g.writeBoolean(b.ownLimits.isEmpty() && !b.effectiveLimits().isEmpty());
        g.writeRaw(BLOCK_LIMITS);
        List<Directive> effective = b.effectiveLimits();
        List<SerializedString> names = new ArrayList<>(effective.size());
        for (int i = 0; i < effective.size(); i++) names.add(limitNames.get(effective.get(i)));
        CompiledJson.encodedStrings(g, names);
        g.writeRaw(BLOCK_LOGLEVEL);
        g.writeString(setting(b.effective("limit_conn_log_level"), "error"));
        g.writeRaw(BLOCK_ORIGIN);
        if (b.directive.nameAt().file().equals("<context>")) g.writeNull();
        else g.writeString(origins.relative(b.directive.nameAt()).position());
        if (b.parent != null) {
            g.writeRaw(BLOCK_PARENT);
            g.writeString(ids.get(b.parent));
        }
        g.writeRaw(BLOCK_SELECTOR);
        g.writeString(b.selector());
        if (!b.stream()) {
            g.writeRaw(BLOCK_STATUS);
            g.writeNumber(Integer.parseInt(setting(b.effective("limit_conn_status"), "503")));
        }
        g.writeRaw('}');
    }

    /**
     * Every block's id in the compiled file. A block read more than once (its file included
     * in several places), or sharing its line with another, is a block of its own each time:
     * the first is FILE:LINE, the next FILE:LINE#2, and so on in reading order.
     */
    public Map<Block, String> ids(Origins origins) {
        Map<Block, String> ids = new IdentityHashMap<>();
        Map<String, Integer> readings = new HashMap<>();
        for (Block b : blocks) {
            String id = id(b, origins);
            int reading = readings.merge(id, 1, Integer::sum);
            ids.put(b, reading == 1 ? id : id + "#" + reading);
        }
        return ids;
    }

    public static String id(Block b, Origins origins) {
        if (b.directive.nameAt().file().equals("<context>")) return "<" + b.context + ">";
        io.limitc.model.Origin o = origins.relative(b.directive.nameAt());
        return o.file() + ":" + o.line();
    }
}
