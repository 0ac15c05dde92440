package io.limitc.check.nginx;

import io.limitc.check.CheckContext;
import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.Value;
import io.limitc.syntax.nginx.NginxPositions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over an nginx configuration in reading order that does what nginx's
 * configuration stage does for the directives limitc models: the command-table lookup
 * (context, terminator, argument count: the first failure wins, as in ngx_conf_handler),
 * the limit_conn handlers with their exact messages, and the shared-memory zone registry
 * that is global across http and stream. The rule classes report its findings by id;
 * the facts it gathers (zones, limits per level) feed the rules beyond nginx.
 */
final class NginxAnalysis {

    /** A finding, under the id of the rule that reports it. */
    record Problem(String rule, Origin at, String message, String help) {}

    /** A shared memory zone as ngx_shared_memory_add keeps it. */
    static final class Zone {
        final String name;
        final String tag;
        long size;
        String key;
        Directive definedBy;

        Zone(String name, String tag, long size) {
            this.name = name;
            this.tag = tag;
            this.size = size;
        }
    }

    /**
     * A limit_conn as written, with the configuration level it belongs to: the place in the
     * reading order of the block it is in ({@link ConfigTree#walkPlaced}), or {@link #ROOT}.
     */
    record Limit(String zone, String tag, Directive written, int level) {}

    static final String HTTP_TAG = "http limit_conn";
    static final String STREAM_TAG = "stream limit_conn";
    static final String LIMIT_REQ_TAG = "limit_req";
    /** The root level (main, or the context given with --context). */
    static final int ROOT = -1;
    /** 8 pages of 4 KiB: the smallest zone nginx accepts on common hardware (nginx.md §2.2). */
    static final long MIN_ZONE = 8 * 4096;

    final List<Problem> problems = new ArrayList<>();
    final Map<String, Zone> zones = new LinkedHashMap<>();
    final List<Limit> limits = new ArrayList<>();
    /**
     * The limits of each level (the duplicate check, and what each level would inherit), at
     * {@code level + 1}: null where a level has none. Levels are places, not blocks: a block
     * read twice (its file included twice) is two levels, as nginx makes a new one per reading.
     */
    private final List<Limit>[] limitsByLevel;
    private final ConfigTree tree;
    /** Zone names some limit_conn_zone tried to declare, valid or not (no "undefined" cascade). */
    final Set<String> attempted = new java.util.HashSet<>();
    final NginxContext start;
    private final boolean angie;
    /** Per level: the single-value limit_conn_* directives already set there. */
    private final Map<Integer, Map<String, Directive>> settings = new HashMap<>();
    /** Per reading of a map block (its place): its default entry. */
    private final Map<Integer, Directive> mapDefaults = new HashMap<>();
    /** Why each unknown name is a mistake, or empty when it is a module's directive. */
    private final Map<String, Optional<String>> unknownVerdicts = new HashMap<>();
    /** The level of the last limit_conn and its limits: a block's limit_conn lines come together. */
    private int limitLevel = Integer.MIN_VALUE;
    private List<Limit> levelLimits;
    /** The block the last statement was in, and its context. */
    private int contextLevel = Integer.MIN_VALUE;
    private NginxContext context;

    @SuppressWarnings("unchecked") // an array of lists
    private NginxAnalysis(ConfigTree tree, NginxContext start, boolean angie) {
        this.start = start;
        this.angie = angie;
        this.tree = tree;
        this.limitsByLevel = new List[tree.places() + 1];
        tree.walkPlaced(this::visit);
    }

    /** The limits written at a level (a block's place, or ROOT), empty when it has none. */
    List<Limit> limitsAt(int level) {
        List<Limit> here = limitsByLevel[level + 1];
        return here == null ? List.of() : here;
    }

    /** Every level that has limits of its own, in reading order. */
    List<Integer> levelsWithLimits() {
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < limitsByLevel.length; i++) {
            if (limitsByLevel[i] != null && !limitsByLevel[i].isEmpty()) levels.add(i - 1);
        }
        return levels;
    }

    /** The level a level inherits from: the block around it, ROOT at the top; ROOT has none (MIN_VALUE). */
    int parentOf(int level) {
        return level == ROOT ? Integer.MIN_VALUE : tree.blockPlace(level);
    }

    /** The analysis of the context's tree, computed once per lint run. */
    static NginxAnalysis of(CheckContext ctx) {
        return ctx.shared(NginxAnalysis.class, () -> new NginxAnalysis(ctx.tree(),
                startContext(ctx.options().nginxContext()), ctx.options().angie()));
    }

    static NginxContext startContext(String name) {
        return switch (name) {
            case "http" -> NginxContext.HTTP;
            case "server" -> NginxContext.SERVER;
            case "location" -> NginxContext.LOCATION;
            case "stream" -> NginxContext.STREAM;
            case "stream-server" -> NginxContext.STREAM_SERVER;
            default -> NginxContext.MAIN;
        };
    }

    /** Reports this analysis's findings of one rule. */
    void report(CheckContext ctx, String rule) {
        for (Problem p : problems) {
            if (p.rule().equals(rule)) ctx.report(p.at(), p.message(), p.help());
        }
    }

    private void problem(String rule, Directive d, Origin word, String message, String help) {
        problems.add(new Problem(rule, NginxPositions.reported(d, word), message, help));
    }

    private void problem(String rule, Directive d, Origin word, String message) {
        problem(rule, d, word, message, null);
    }

    private void visit(Directive d, List<Directive> enclosing, int place, int level) {
        // statements come block by block: the context is worked out again only when the block changes
        if (level != contextLevel) {
            contextLevel = level;
            context = NginxContext.of(start, enclosing);
        }
        NginxContext context = this.context;
        if (context == NginxContext.UNKNOWN) return;
        if (context == NginxContext.RAW) {
            // a file included twice is read twice by nginx: each reading of a map (a place of its own) starts afresh
            rawEntry(d, enclosing.get(enclosing.size() - 1), level);
            return;
        }
        String name = d.name();
        List<NginxDirectives.Spec> specs = NginxDirectives.specs(name);
        if (specs == null) {
            // module directives limitc does not model repeat in every server: judged once per name
            String unknown = unknownVerdicts.computeIfAbsent(name, n -> Optional.ofNullable(unknownDirective(n))).orElse(null);
            if (unknown != null) problem("unknown-directive", d, d.nameAt(), "unknown directive \"" + name + "\"", unknown);
            return;
        }
        NginxDirectives.Spec spec = NginxDirectives.match(specs, context);
        if (spec == null) {
            problem("directive-context", d, d.nameAt(), "\"" + name + "\" directive is not allowed here",
                    where(name));
            return;
        }
        if (spec.block() && !d.hasBlock()) {
            problem("directive-terminator", d, null, "directive \"" + name + "\" has no opening \"{\"");
            return;
        }
        if (!spec.block() && d.hasBlock()) {
            problem("directive-terminator", d, null, "directive \"" + name + "\" is not terminated by \";\"");
            return;
        }
        int n = d.args().size();
        if (n < spec.minArgs() || n > spec.maxArgs()) {
            problem("directive-arguments", d, d.nameAt(), "invalid number of arguments in \"" + name + "\" directive");
            return;
        }
        String tag = context.stream() ? STREAM_TAG : HTTP_TAG;
        switch (name) {
            case "limit_conn_zone" -> limitConnZone(d, tag);
            case "limit_conn" -> limitConn(d, tag, level);
            case "limit_conn_status" -> status(d, level);
            case "limit_conn_log_level" -> logLevel(d, level);
            case "limit_conn_dry_run" -> dryRun(d, level);
            case "limit_req_zone", "limit_req" -> limitReq(d);
            default -> { }
        }
    }

    private static final List<String> LIMIT_DIRECTIVES = List.of("limit_conn_zone", "limit_conn",
            "limit_conn_log_level", "limit_conn_status", "limit_conn_dry_run");

    /** Why an unknown name is surely a mistake (removed, wrong case, misspelt), or null for module directives. */
    static String unknownDirective(String name) {
        if (name.equals("limit_zone")) {
            return "limit_zone was replaced by limit_conn_zone in nginx 1.1.8 and removed in 1.7.6:"
                    + " limit_conn_zone $binary_remote_addr zone=NAME:SIZE;";
        }
        for (String known : LIMIT_DIRECTIVES) {
            if (known.equalsIgnoreCase(name)) return "directive names are case-sensitive: " + known;
        }
        if (!name.toLowerCase(Locale.ROOT).startsWith("limit_")) return null;
        for (String known : LIMIT_DIRECTIVES) {
            if (io.limitc.check.EditDistance.between(name, known) <= 2) return "did you mean " + known + "?";
        }
        return null;
    }

    private static String where(String name) {
        Set<NginxContext> contexts = NginxDirectives.specs(name).get(0).contexts();
        if (name.startsWith("limit_conn")) {
            return name.equals("limit_conn_zone") ? "limit_conn_zone belongs in the http (or stream) block"
                    : name.equals("limit_conn_status") ? "limit_conn_status belongs in http, server or location (not stream, if, limit_except or upstream)"
                    : name + " belongs in http, server or location (or stream and its servers), not in if, limit_except or upstream";
        }
        return "allowed in: " + contexts.toString().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- map, geo, types ...

    private void rawEntry(Directive d, Directive owner, int ownerPlace) {
        if (d.hasBlock()) {
            problems.add(new Problem("raw-block", d.opening(), "unexpected \"{\"",
                    "the entries of " + owner.name() + " are not directives and cannot open blocks"));
            return;
        }
        if (!owner.name().equals("map")) return;
        String key = d.name();
        int words = d.args().size() + 1;
        if (words == 1 && (key.equals("hostnames") || key.equals("volatile"))) return;
        if (words != 2) {
            problem("raw-block", d, d.nameAt(), "invalid number of the map parameters");
            return;
        }
        if (key.equals("default")) {
            if (mapDefaults.putIfAbsent(ownerPlace, d) != null) {
                problem("raw-block", d, d.nameAt(), "duplicate default map parameter");
            }
        }
    }

    // ---------------------------------------------------------------- limit_conn_zone

    private void limitConnZone(Directive d, String tag) {
        Value.Scalar key = (Value.Scalar) d.args().get(0);
        if (d.args().get(1) instanceof Value.Scalar p && p.text().startsWith("zone=")) {
            attempted.add(p.text().substring(5).split(":", 2)[0]);
        }
        String variableError = NginxVariables.check(key.text());
        if (variableError != null) {
            problem("limit-conn-zone", d, key.origin(), variableError);
            return;
        }
        Value.Scalar param = (Value.Scalar) d.args().get(1);
        ZoneSpec spec = angie ? ZoneSpec.angie(param.text()) : ZoneSpec.nginx(param.text());
        if (spec.error() != null) {
            problem("limit-conn-zone", d, param.origin(), spec.error(), spec.help());
            return;
        }
        register(d, param.origin(), spec.name(), tag, spec.size(), key.text());
    }

    private void register(Directive d, Origin at, String name, String tag, long size, String key) {
        Zone zone = zones.get(name);
        if (zone == null) {
            zone = new Zone(name, tag, size);
            zones.put(name, zone);
        } else {
            if (!zone.tag.equals(tag)) {
                problem("zone-conflict", d, at, "the shared memory zone \"" + name + "\" is already declared for a different use",
                        "zone \"" + name + "\" is already used by " + zone.tag
                                + (zone.definedBy != null ? " at " + zone.definedBy.nameAt().position() : "") + "; pick another name");
                return;
            }
            if (zone.size == 0) zone.size = size;
            if (size != 0 && size != zone.size) {
                problem("zone-conflict", d, at, "the size " + size + " of shared memory zone \"" + name
                        + "\" conflicts with already declared size " + zone.size);
                return;
            }
        }
        if (key == null) return;
        if (zone.definedBy != null) {
            problem("zone-conflict", d, at, "limit_conn_zone \"" + name + "\" is already bound to key \"" + zone.key + "\"",
                    "zone \"" + name + "\" is declared at " + zone.definedBy.nameAt().position());
            return;
        }
        zone.key = key;
        zone.definedBy = d;
    }

    // ---------------------------------------------------------------- limit_conn

    private void limitConn(Directive d, String tag, int level) {
        Value.Scalar zoneArg = (Value.Scalar) d.args().get(0);
        Value.Scalar number = (Value.Scalar) d.args().get(1);
        String name = zoneArg.text();
        Zone zone = zones.get(name);
        if (zone != null && !zone.tag.equals(tag)) {
            problem("zone-conflict", d, zoneArg.origin(),
                    "the shared memory zone \"" + name + "\" is already declared for a different use");
            return;
        }
        if (zone == null) zones.put(name, new Zone(name, tag, 0));
        if (level != limitLevel) {
            limitLevel = level;
            if (limitsByLevel[level + 1] == null) limitsByLevel[level + 1] = new ArrayList<>(2);
            levelLimits = limitsByLevel[level + 1];
        }
        List<Limit> here = levelLimits;
        for (int i = 0; i < here.size(); i++) { // no iterator (see NginxDirectives.match)
            Limit l = here.get(i);
            if (l.zone().equals(name) && l.written() != d) {
                problem("duplicate-directive", d, d.nameAt(), "\"limit_conn\" directive is duplicate",
                        "zone \"" + name + "\" is already limited at " + l.written().nameAt().position() + " in this block");
                return;
            }
            if (l.written() == d) {
                // the same file included twice into one block: nginx reads it twice
                problem("duplicate-directive", d, d.nameAt(), "\"limit_conn\" directive is duplicate");
                return;
            }
        }
        long n = atoi(number.text());
        if (n <= 0) {
            problem("limit-conn", d, number.origin(), "invalid number of connections \"" + number.text() + "\"",
                    "the limit is a whole number from 1 to 65535");
            return;
        }
        if (n > 65535) {
            problem("limit-conn", d, number.origin(), "connection limit must be less 65536",
                    "the counter is 16 bits: the limit is at most 65535");
            return;
        }
        Limit limit = new Limit(name, tag, d, level);
        limits.add(limit);
        here.add(limit);
    }

    /** ngx_atoi: decimal digits only; anything else (or overflow) is -1. */
    static long atoi(String s) {
        if (s.isEmpty() || s.length() > 18) return -1;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private boolean duplicate(Directive d, int level) {
        Map<String, Directive> seen = settings.computeIfAbsent(level, k -> new HashMap<>());
        Directive earlier = seen.get(d.name());
        if (earlier != null) {
            problem("duplicate-directive", d, d.nameAt(), "\"" + d.name() + "\" directive is duplicate",
                    "already set at " + earlier.nameAt().position() + " in this block");
            return true;
        }
        seen.put(d.name(), d);
        return false;
    }

    private void status(Directive d, int level) {
        if (duplicate(d, level)) return;
        Value.Scalar v = (Value.Scalar) d.args().get(0);
        long n = atoi(v.text());
        if (n < 0) {
            problem("limit-conn-value", d, v.origin(), "\"limit_conn_status\" directive invalid number");
        } else if (n < 400 || n > 599) {
            problem("limit-conn-value", d, v.origin(), "value must be between 400 and 599");
        }
    }

    private void logLevel(Directive d, int level) {
        if (duplicate(d, level)) return;
        Value.Scalar v = (Value.Scalar) d.args().get(0);
        if (!Set.of("info", "notice", "warn", "error").contains(v.text().toLowerCase(Locale.ROOT))) {
            problem("limit-conn-value", d, v.origin(), "invalid value \"" + v.text() + "\"",
                    "limit_conn_log_level is info, notice, warn or error");
        }
    }

    private void dryRun(Directive d, int level) {
        if (duplicate(d, level)) return;
        Value.Scalar v = (Value.Scalar) d.args().get(0);
        String value = v.text().toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            problem("limit-conn-value", d, v.origin(), "invalid value \"" + v.text()
                    + "\" in \"limit_conn_dry_run\" directive, it must be \"on\" or \"off\"");
        }
    }

    // ---------------------------------------------------------------- limit_req (zone names only)

    private void limitReq(Directive d) {
        for (Value v : d.args()) {
            if (!(v instanceof Value.Scalar s) || !s.text().startsWith("zone=")) continue;
            String spec = s.text().substring(5);
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            long size = colon < 0 ? 0 : Math.max(0, ZoneSpec.parseSize(spec.substring(colon + 1)));
            if (name.isEmpty()) return;
            Zone zone = zones.get(name);
            if (zone != null && !zone.tag.equals(LIMIT_REQ_TAG)) {
                problem("zone-conflict", d, s.origin(),
                        "the shared memory zone \"" + name + "\" is already declared for a different use",
                        "zone \"" + name + "\" is already used by " + zone.tag
                                + (zone.definedBy != null ? " at " + zone.definedBy.nameAt().position() : ""));
            } else if (zone == null) {
                zones.put(name, new Zone(name, LIMIT_REQ_TAG, size));
            }
            return;
        }
    }
}
