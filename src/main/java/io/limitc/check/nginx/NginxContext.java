package io.limitc.check.nginx;

import io.limitc.model.Directive;

import java.util.List;

/** The nginx configuration contexts a directive can sit in (the NGX_*_CONF bits). */
enum NginxContext {
    MAIN, EVENTS, HTTP, SERVER, LOCATION, SERVER_IF, LOCATION_IF, LIMIT_EXCEPT, UPSTREAM,
    STREAM, STREAM_SERVER, STREAM_UPSTREAM, MAIL, MAIL_SERVER,
    /** map, geo, types, split_clients, charset_map...: entries, not directives. */
    RAW,
    /** A block limitc does not know (a third-party module): nothing inside is judged. */
    UNKNOWN;

    /** The context inside a block opened by {@code name} in this context. */
    NginxContext enter(String name) {
        return switch (this) {
            case MAIN -> switch (name) {
                case "events" -> EVENTS;
                case "http" -> HTTP;
                case "stream" -> STREAM;
                case "mail" -> MAIL;
                default -> UNKNOWN;
            };
            case HTTP -> switch (name) {
                case "server" -> SERVER;
                case "upstream" -> UPSTREAM;
                case "map", "geo", "types", "split_clients", "charset_map", "prometheus_template",
                        "metric_complex_zone" -> RAW;
                default -> UNKNOWN;
            };
            case SERVER -> switch (name) {
                case "location" -> LOCATION;
                case "if" -> SERVER_IF;
                case "types" -> RAW;
                default -> UNKNOWN;
            };
            case LOCATION -> switch (name) {
                case "location" -> LOCATION;
                case "if" -> LOCATION_IF;
                case "limit_except" -> LIMIT_EXCEPT;
                case "types" -> RAW;
                default -> UNKNOWN;
            };
            case STREAM -> switch (name) {
                case "server" -> STREAM_SERVER;
                case "upstream" -> STREAM_UPSTREAM;
                case "map", "geo", "split_clients", "metric_complex_zone" -> RAW;
                default -> UNKNOWN;
            };
            case MAIL -> name.equals("server") ? MAIL_SERVER : UNKNOWN;
            case RAW -> RAW;
            default -> UNKNOWN;
        };
    }

    /** The context of a statement with these enclosing blocks, starting from {@code start}. */
    static NginxContext of(NginxContext start, List<Directive> enclosing) {
        NginxContext c = start;
        for (int i = 0; i < enclosing.size(); i++) c = c.enter(enclosing.get(i).name()); // no iterator (see NginxDirectives.match)
        return c;
    }

    /** http-side contexts, where the http module's directives apply. */
    boolean http() {
        return switch (this) {
            case HTTP, SERVER, LOCATION, SERVER_IF, LOCATION_IF, LIMIT_EXCEPT, UPSTREAM -> true;
            default -> false;
        };
    }

    boolean stream() {
        return this == STREAM || this == STREAM_SERVER || this == STREAM_UPSTREAM;
    }
}
