package io.limitc.check.nginx;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.limitc.check.nginx.NginxContext.EVENTS;
import static io.limitc.check.nginx.NginxContext.HTTP;
import static io.limitc.check.nginx.NginxContext.LOCATION;
import static io.limitc.check.nginx.NginxContext.MAIL;
import static io.limitc.check.nginx.NginxContext.MAIN;
import static io.limitc.check.nginx.NginxContext.RAW;
import static io.limitc.check.nginx.NginxContext.SERVER;
import static io.limitc.check.nginx.NginxContext.STREAM;
import static io.limitc.check.nginx.NginxContext.STREAM_SERVER;
import static io.limitc.check.nginx.NginxContext.STREAM_UPSTREAM;
import static io.limitc.check.nginx.NginxContext.UPSTREAM;

/**
 * The nginx directives limitc judges: the structural blocks and the limit_conn family
 * (nginx.md §1.5, §2.1), each with the contexts it is allowed in, whether it takes a block,
 * and how many arguments (the NGX_CONF_* masks). Other directives belong to modules
 * limitc does not model and are not judged; nginx would look each up the same way.
 */
final class NginxDirectives {

    /** One command-table entry. A name may have several, for different contexts. */
    record Spec(Set<NginxContext> contexts, boolean block, int minArgs, int maxArgs) {}

    static final int MANY = Integer.MAX_VALUE;

    private static final Set<NginxContext> ANY = EnumSet.allOf(NginxContext.class);
    private static final Set<NginxContext> HTTP_LEVELS = EnumSet.of(HTTP, SERVER, LOCATION);
    private static final Set<NginxContext> STREAM_LEVELS = EnumSet.of(STREAM, STREAM_SERVER);

    private static final Map<String, List<Spec>> TABLE = Map.ofEntries(
            Map.entry("events", List.of(new Spec(EnumSet.of(MAIN), true, 0, 0))),
            Map.entry("http", List.of(new Spec(EnumSet.of(MAIN), true, 0, 0))),
            Map.entry("stream", List.of(new Spec(EnumSet.of(MAIN), true, 0, 0))),
            Map.entry("mail", List.of(new Spec(EnumSet.of(MAIN), true, 0, 0))),
            Map.entry("server", List.of(
                    new Spec(EnumSet.of(HTTP, STREAM, MAIL), true, 0, 0),
                    new Spec(EnumSet.of(UPSTREAM, STREAM_UPSTREAM), false, 1, MANY))),
            Map.entry("location", List.of(new Spec(EnumSet.of(SERVER, LOCATION), true, 1, 2))),
            Map.entry("if", List.of(new Spec(EnumSet.of(SERVER, LOCATION), true, 1, MANY))),
            Map.entry("limit_except", List.of(new Spec(EnumSet.of(LOCATION), true, 1, MANY))),
            Map.entry("upstream", List.of(new Spec(EnumSet.of(HTTP, STREAM), true, 1, 1))),
            Map.entry("map", List.of(new Spec(EnumSet.of(HTTP, STREAM), true, 2, 2))),
            Map.entry("geo", List.of(new Spec(EnumSet.of(HTTP, STREAM), true, 1, 2))),
            Map.entry("split_clients", List.of(new Spec(EnumSet.of(HTTP, STREAM), true, 2, 2))),
            Map.entry("types", List.of(new Spec(HTTP_LEVELS, true, 0, 0))),
            Map.entry("charset_map", List.of(new Spec(EnumSet.of(HTTP), true, 2, 2))),
            Map.entry("include", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("limit_conn_zone", List.of(new Spec(EnumSet.of(HTTP, STREAM), false, 2, 2))),
            Map.entry("limit_conn", List.of(new Spec(union(HTTP_LEVELS, STREAM_LEVELS), false, 2, 2))),
            Map.entry("limit_conn_log_level", List.of(new Spec(union(HTTP_LEVELS, STREAM_LEVELS), false, 1, 1))),
            Map.entry("limit_conn_dry_run", List.of(new Spec(union(HTTP_LEVELS, STREAM_LEVELS), false, 1, 1))),
            Map.entry("limit_conn_status", List.of(new Spec(HTTP_LEVELS, false, 1, 1))),
            Map.entry("limit_req_zone", List.of(new Spec(EnumSet.of(HTTP), false, 3, 3))),
            Map.entry("limit_req", List.of(new Spec(HTTP_LEVELS, false, 1, 3))),
            Map.entry("worker_connections", List.of(new Spec(EnumSet.of(EVENTS), false, 1, 1))),
            // Common directives with a fixed number of arguments: a forgotten ";" that joins
            // two lines shows up as nginx's "invalid number of arguments".
            Map.entry("proxy_set_header", List.of(new Spec(ANY, false, 2, 2))),
            Map.entry("add_header", List.of(new Spec(ANY, false, 2, 3))),
            Map.entry("proxy_pass", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("root", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("alias", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("return", List.of(new Spec(ANY, false, 1, 2))),
            Map.entry("set", List.of(new Spec(ANY, false, 2, 2))),
            Map.entry("rewrite", List.of(new Spec(ANY, false, 2, 3))),
            Map.entry("default_type", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("client_max_body_size", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("worker_processes", List.of(new Spec(ANY, false, 1, 1))),
            Map.entry("keepalive_timeout", List.of(new Spec(ANY, false, 1, 2))));

    private NginxDirectives() {}

    static List<Spec> specs(String name) {
        return TABLE.get(name);
    }

    /** The entry of {@code specs} (one name's, from {@link #specs}) nginx would use here, or null when not allowed here. */
    static Spec match(List<Spec> specs, NginxContext context) {
        // indexed: bin/limitc runs C1 only, which has no escape analysis, so an iterator per
        // statement would be a real allocation (as in the analysis's other per-statement loops)
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).contexts().contains(context)) return specs.get(i);
        }
        return null;
    }

    /** Contexts whose children are entries of their block directive, not directives. */
    static boolean raw(NginxContext c) {
        return c == RAW;
    }

    private static Set<NginxContext> union(Set<NginxContext> a, Set<NginxContext> b) {
        EnumSet<NginxContext> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
