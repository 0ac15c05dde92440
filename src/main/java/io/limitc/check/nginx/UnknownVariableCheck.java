package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.Directive;
import io.limitc.model.Value;
import io.limitc.syntax.nginx.NginxPositions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit_conn_zone key using a variable neither nginx nor the configuration defines.
 * nginx reports it only after the whole http block, with no file or line; a misspelt key
 * variable ({@code $binary_remote_adr}) would otherwise fail startup far from its cause.
 */
public final class UnknownVariableCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("unknown-variable", Severity.ERROR,
            "a limit_conn_zone key uses a variable nothing defines",
            "Known are nginx's built-in variables, the $http_/$arg_/$cookie_/... families, module prefixes such as"
                    + " $ssl_ and $upstream_, and variables made by map, geo, split_clients and set.");

    private static final Set<String> BUILT_IN = Set.of("binary_remote_addr", "remote_addr", "remote_port", "remote_user",
            "host", "hostname", "server_addr", "server_port", "server_name", "server_protocol", "scheme", "https",
            "request", "request_uri", "uri", "document_uri", "document_root", "realpath_root", "query_string", "args",
            "is_args", "request_filename", "request_method", "request_body", "request_body_file", "request_length",
            "request_time", "request_id", "request_completion", "status", "bytes_sent", "body_bytes_sent",
            "bytes_received", "connection", "connection_requests", "connection_time", "content_type", "content_length",
            "limit_rate", "nginx_version", "pid", "pipe", "msec", "time_iso8601", "time_local", "http2", "http3",
            "proxy_protocol_addr", "proxy_protocol_port", "proxy_protocol_server_addr", "proxy_protocol_server_port",
            "protocol", "session_time", "limit_conn_status", "limit_req_status", "realip_remote_addr",
            "realip_remote_port", "gzip_ratio", "invalid_referer", "date_local", "date_gmt");
    private static final List<String> FAMILIES = List.of("http_", "sent_http_", "sent_trailer_", "cookie_", "arg_",
            "upstream_", "ssl_", "geoip_", "geoip2_", "proxy_", "fastcgi_", "uwsgi_", "scgi_", "tcpinfo_", "jwt_",
            "secure_link", "uid_", "memcached_", "realip_", "otel_", "opentelemetry_", "mqtt_", "spiffe_");
    private static final Set<String> DEFINERS = Set.of("map", "geo", "split_clients", "set", "perl_set", "js_set",
            "set_by_lua", "set_by_lua_block", "set_by_lua_file", "geoip2", "auth_jwt_claim_set", "set_real_ip_from");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z0-9_]+)");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        Set<String> defined = new HashSet<>();
        for (String name : ctx.tree().names()) {
            if (!DEFINERS.contains(name) && !name.endsWith("_set")) continue;
            for (Directive d : ctx.tree().named(name)) {
                for (Value v : d.args()) {
                    if (v instanceof Value.Scalar s) {
                        Matcher m = VARIABLE.matcher(s.text());
                        while (m.find()) defined.add(m.group(1));
                    }
                }
            }
        }
        for (NginxAnalysis.Zone zone : NginxAnalysis.of(ctx).zones.values()) {
            if (zone.definedBy == null || zone.key == null) continue;
            Matcher m = VARIABLE.matcher(zone.key);
            while (m.find()) {
                String name = m.group(1);
                if (known(name) || defined.contains(name)) continue;
                ctx.report(NginxPositions.reported(zone.definedBy, zone.definedBy.args().get(0).origin()),
                        "unknown \"" + name + "\" variable",
                        "nginx reports this only at startup, without a file or line; is it a typo?");
            }
        }
    }

    /** $1, $2...: a regex capture (a plain loop: a stream's lambda is linked at run time). */
    private static boolean allDigits(String name) {
        for (int i = 0; i < name.length(); i++) if (!Character.isDigit(name.charAt(i))) return false;
        return true;
    }

    private static boolean known(String name) {
        if (BUILT_IN.contains(name) || allDigits(name)) return true;
        for (String prefix : FAMILIES) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }
}
