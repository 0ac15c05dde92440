package io.limitc.emit.kumomta;

import com.fasterxml.jackson.databind.JsonNode;
import io.limitc.compile.ceilings.LimitSpec;
import io.limitc.compile.ceilings.ThrottleSpec;
import io.limitc.runtime.Durations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * KumoMTA's own rules for the files {@code convert} writes (kumomta.md §1, §4.1, §4.2, §4.6,
 * §5.1, §5.5): {@code make_egress_path} takes no unknown field (its struct denies them), each
 * field's type and grammar (LimitSpec, ThrottleSpec, humantime durations, enums), the
 * shaping file's block structure, the sources helper's structure, and names that must not
 * start with the reserved {@code kumomta.} prefix. Messages are KumoMTA's where it has one.
 */
public final class KumoChecker {

    /** One violation: where (a TOML path), and why; {@code error == false} for KumoMTA's warnings. */
    public record Problem(String path, String message, boolean error) {}

    private enum Type { LIMIT, THROTTLE, DURATION, BOOL, USIZE, U16, STRING, KEY_SOURCE, STRINGS, LIMIT_MAP, THROTTLE_MAP, ENUM }

    /** The 60 fields of EgressPathConfig, with the 11 flattened SMTP timeouts (kumomta.md §1.1). */
    private static final Map<String, Type> EGRESS_PATH = Map.ofEntries(
            Map.entry("connection_limit", Type.LIMIT), Map.entry("additional_connection_limits", Type.LIMIT_MAP),
            Map.entry("enable_tls", Type.ENUM), Map.entry("enable_mta_sts", Type.BOOL), Map.entry("enable_dane", Type.BOOL),
            Map.entry("enable_pipelining", Type.BOOL), Map.entry("enable_rset", Type.BOOL),
            Map.entry("tls_prefer_openssl", Type.BOOL), Map.entry("tls_certificate", Type.KEY_SOURCE),
            Map.entry("tls_private_key", Type.KEY_SOURCE), Map.entry("openssl_cipher_list", Type.STRING),
            Map.entry("openssl_cipher_suites", Type.STRING), Map.entry("openssl_options", Type.STRING),
            Map.entry("rustls_cipher_suites", Type.STRINGS),
            Map.entry("connect_timeout", Type.DURATION), Map.entry("banner_timeout", Type.DURATION),
            Map.entry("ehlo_timeout", Type.DURATION), Map.entry("mail_from_timeout", Type.DURATION),
            Map.entry("rcpt_to_timeout", Type.DURATION), Map.entry("data_timeout", Type.DURATION),
            Map.entry("data_dot_timeout", Type.DURATION), Map.entry("rset_timeout", Type.DURATION),
            Map.entry("idle_timeout", Type.DURATION), Map.entry("starttls_timeout", Type.DURATION),
            Map.entry("auth_timeout", Type.DURATION), Map.entry("system_shutdown_timeout", Type.DURATION),
            Map.entry("max_ready", Type.USIZE), Map.entry("consecutive_connection_failures_before_delay", Type.USIZE),
            Map.entry("smtp_port", Type.U16), Map.entry("smtp_auth_plain_username", Type.STRING),
            Map.entry("smtp_auth_plain_password", Type.KEY_SOURCE),
            Map.entry("allow_smtp_auth_plain_without_tls", Type.BOOL),
            Map.entry("allow_smtp_auth_plain_without_valid_certificate", Type.BOOL),
            Map.entry("max_message_rate", Type.THROTTLE), Map.entry("additional_message_rate_throttles", Type.THROTTLE_MAP),
            Map.entry("source_selection_rate", Type.THROTTLE),
            Map.entry("additional_source_selection_rates", Type.THROTTLE_MAP),
            Map.entry("max_connection_rate", Type.THROTTLE), Map.entry("max_deliveries_per_connection", Type.USIZE),
            Map.entry("max_recipients_per_batch", Type.USIZE), Map.entry("prohibited_hosts", Type.STRINGS),
            Map.entry("skip_hosts", Type.STRINGS), Map.entry("ip_lookup_strategy", Type.ENUM),
            Map.entry("ehlo_domain", Type.STRING), Map.entry("aggressive_connection_opening", Type.BOOL),
            Map.entry("refresh_interval", Type.DURATION), Map.entry("refresh_strategy", Type.ENUM),
            Map.entry("dispatcher_wakeup_strategy", Type.ENUM), Map.entry("maintainer_wakeup_strategy", Type.ENUM),
            Map.entry("provider_name", Type.STRING), Map.entry("remember_broken_tls", Type.DURATION),
            Map.entry("opportunistic_tls_reconnect_on_failed_handshake", Type.BOOL), Map.entry("use_lmtp", Type.BOOL),
            Map.entry("reconnect_strategy", Type.ENUM), Map.entry("readyq_pool_name", Type.STRING),
            Map.entry("low_memory_reduction_policy", Type.ENUM), Map.entry("no_memory_reduction_policy", Type.ENUM),
            Map.entry("try_next_host_on_transport_error", Type.BOOL), Map.entry("ignore_8bit_checks", Type.BOOL),
            Map.entry("dispatcher_progress_watchdog_timeout", Type.DURATION));

    private static final Map<String, Set<String>> ENUMS = Map.of(
            "enable_tls", Set.of("Opportunistic", "OpportunisticInsecure", "Required", "RequiredInsecure", "Disabled"),
            "ip_lookup_strategy", Set.of("Ipv4Only", "Ipv6Only", "Ipv4AndIpv6", "Ipv6ThenIpv4", "Ipv4ThenIpv6"),
            "refresh_strategy", Set.of("Ttl", "Epoch"),
            "dispatcher_wakeup_strategy", Set.of("Aggressive", "Relaxed"),
            "maintainer_wakeup_strategy", Set.of("Aggressive", "Relaxed"),
            "reconnect_strategy", Set.of("TerminateSession", "ReconnectSameHost", "ConnectNextHost"),
            "low_memory_reduction_policy", Set.of("ShrinkDataAndMeta", "ShrinkData", "NoShrink"),
            "no_memory_reduction_policy", Set.of("ShrinkDataAndMeta", "ShrinkData", "NoShrink"));

    /** Keys a shaping domain (or default) block has beyond make_egress_path's (§5.1). */
    private static final Set<String> DOMAIN_BLOCK = Set.of("mx_rollup", "replace_base", "automation", "sources");
    private static final Set<String> PROVIDER_BLOCK = Set.of("match", "provider_connection_limit",
            "provider_max_message_rate", "replace_base", "automation", "sources");
    private static final Set<String> AUTOMATION = Set.of("regex", "action", "trigger", "duration", "match_internal");
    private static final Set<String> MATCH_KINDS = Set.of("MXSuffix", "DomainSuffix", "HostName");
    /** make_egress_source's fields (§4.1); the helper adds {@code name} itself. */
    private static final Set<String> SOURCE = Set.of("source_address", "ehlo_domain", "remote_port", "ha_proxy_server",
            "ha_proxy_source_address", "socks5_proxy_server", "socks5_proxy_source_address", "socks5_proxy_username",
            "socks5_proxy_password", "suspend_when_unplumbed", "suspend_when_proxy_unhealthy", "ttl");
    private static final String RESERVED = "kumomta.";

    private KumoChecker() {}

    /** A parsed shaping.toml or shaping.json: {@code default}, {@code provider.<p>} and domain blocks. */
    public static List<Problem> checkShaping(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) return List.of(new Problem("", "a shaping file is a table of blocks", true));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> block = it.next();
            String name = block.getKey();
            if (name.equals("provider")) {
                for (Iterator<Map.Entry<String, JsonNode>> p = block.getValue().fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> provider = p.next();
                    provider(problems, "provider." + key(provider.getKey()), provider.getKey(), provider.getValue());
                }
                continue;
            }
            String path = name.equals("default") ? "default" : "[" + quoted(name) + "]";
            if (!name.equals("default") && !name.contains(".")) {
                problems.add(new Problem(path, "Entry for domain '" + name + "' consists of a single DNS label. Domain names"
                        + " in TOML sections need to be quoted like '[\"" + name + ".com\"]` otherwise the '.' will create a"
                        + " nested table rather than being added to the domain name.", false));
            }
            block(problems, path, block.getValue(), DOMAIN_BLOCK, Set.of());
        }
        return problems;
    }

    /** A parsed sources.toml in the sources helper's format: {@code source.<name>}, {@code pool.<name>.<source>}. */
    public static List<Problem> checkSources(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        Set<String> defined = new TreeSet<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String k = keys.next();
            if (!k.equals("source") && !k.equals("pool")) problems.add(new Problem(k, "unknown section `" + k
                    + "`, expected `source` or `pool`", true));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("source").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            String path = "source." + quoted(s.getKey());
            defined.add(s.getKey());
            if (!s.getValue().isObject()) {
                problems.add(new Problem(path, "a source is a table of make_egress_source fields", true));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> f = s.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                String at = path + "." + field.getKey();
                JsonNode v = field.getValue();
                if (!SOURCE.contains(field.getKey())) {
                    problems.add(unknown(at, field.getKey(), SOURCE));
                } else if (field.getKey().endsWith("_address") && !(v.isTextual() && IpLiteral.is(v.asText()))) {
                    problems.add(new Problem(at, "invalid IP address syntax: " + v, true));
                } else if (field.getKey().equals("remote_port") && !(v.canConvertToInt() && v.asInt() >= 0 && v.asInt() <= 65535)) {
                    problems.add(new Problem(at, "invalid value: " + v + ", expected u16", true));
                } else if (field.getKey().equals("ttl")) {
                    duration(problems, at, v);
                } else if (field.getKey().equals("ehlo_domain") && !v.isTextual()) {
                    problems.add(new Problem(at, "invalid type: " + v + ", expected a string", true));
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("pool").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pool = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> e = pool.getValue().fields(); e.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = e.next();
                String at = "pool." + quoted(pool.getKey()) + "." + quoted(entry.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> f = entry.getValue().fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = f.next();
                    JsonNode v = field.getValue();
                    if (!field.getKey().equals("weight")) {
                        problems.add(unknown(at + "." + field.getKey(), field.getKey(), Set.of("weight")));
                    } else if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 0xFFFF_FFFFL) {
                        problems.add(new Problem(at + ".weight", "invalid value: " + v + ", expected u32", true));
                    }
                }
                if (!defined.contains(entry.getKey())) {
                    // the helper prints this but does not fail validation
                    problems.add(new Problem(at, "pool '" + pool.getKey() + "' references source '" + entry.getKey()
                            + "' which is not defined", false));
                }
            }
        }
        return problems;
    }

    /** One make_egress_path parameter table. */
    public static List<Problem> checkEgressPath(String path, JsonNode params) {
        List<Problem> problems = new ArrayList<>();
        block(problems, path, params, Set.of(), Set.of());
        return problems;
    }

    private static void provider(List<Problem> problems, String path, String name, JsonNode p) {
        if (name.startsWith(RESERVED)) problems.add(reserved(path, name));
        block(problems, path, p, PROVIDER_BLOCK, Set.of());
        for (JsonNode rule : p.path("match")) {
            Iterator<String> kinds = rule.fieldNames();
            String kind = kinds.hasNext() ? kinds.next() : "";
            if (!MATCH_KINDS.contains(kind) || kinds.hasNext() || !rule.path(kind).isTextual()) {
                problems.add(new Problem(path + ".match", "a match rule is one of {MXSuffix=\"…\"}, {DomainSuffix=\"…\"},"
                        + " {HostName=\"…\"}; found " + rule, true));
            }
        }
    }

    /** A block of make_egress_path fields plus the {@code extra} keys its kind allows. */
    private static void block(List<Problem> problems, String path, JsonNode block, Set<String> extra, Set<String> sourceExtra) {
        if (!block.isObject()) {
            problems.add(new Problem(path, "expected a table, found " + block, true));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String k = f.getKey();
            JsonNode v = f.getValue();
            String at = path + "." + key(k);
            if (extra.contains(k)) {
                switch (k) {
                    case "mx_rollup", "replace_base" -> {
                        if (!v.isBoolean()) problems.add(new Problem(at, "invalid type: " + v + ", expected a boolean", true));
                    }
                    case "provider_connection_limit" -> limit(problems, at, v);
                    case "provider_max_message_rate" -> throttle(problems, at, v);
                    case "automation" -> automation(problems, at, v);
                    case "sources" -> {
                        Set<String> inSource = extra.contains("provider_connection_limit")
                                ? Set.of("provider_source_selection_rate") : Set.of();
                        for (Iterator<Map.Entry<String, JsonNode>> s = v.fields(); s.hasNext(); ) {
                            Map.Entry<String, JsonNode> source = s.next();
                            block(problems, at + "." + quoted(source.getKey()), source.getValue(), Set.of(), inSource);
                        }
                    }
                    default -> { } // match: checked by provider()
                }
                continue;
            }
            if (sourceExtra.contains(k)) {
                throttle(problems, at, v);
                continue;
            }
            Type type = EGRESS_PATH.get(k);
            if (type == null) {
                problems.add(unknown(at, k, EGRESS_PATH.keySet()));
                continue;
            }
            value(problems, at, k, type, v);
        }
    }

    private static void value(List<Problem> problems, String at, String field, Type type, JsonNode v) {
        switch (type) {
            case LIMIT -> limit(problems, at, v);
            case THROTTLE -> throttle(problems, at, v);
            case DURATION -> duration(problems, at, v);
            case BOOL -> {
                if (!v.isBoolean()) problems.add(new Problem(at, "invalid type: " + v + ", expected a boolean", true));
            }
            case USIZE -> {
                if (!v.isIntegralNumber() || v.asLong() < 0) problems.add(new Problem(at, "invalid value: " + v
                        + ", expected usize", true));
            }
            case U16 -> {
                if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 65535) {
                    problems.add(new Problem(at, "invalid value: " + v + ", expected u16", true));
                }
            }
            case STRING -> {
                if (!v.isTextual()) problems.add(new Problem(at, "invalid type: " + v + ", expected a string", true));
            }
            case KEY_SOURCE -> {
                if (!v.isTextual() && !v.isObject()) problems.add(new Problem(at, "invalid type: " + v
                        + ", expected a key source (a path or a table)", true));
            }
            case STRINGS -> {
                if (!v.isArray()) problems.add(new Problem(at, "invalid type: " + v + ", expected a list of strings", true));
                else v.forEach(e -> {
                    if (!e.isTextual()) problems.add(new Problem(at, "invalid type: " + e + ", expected a string", true));
                });
            }
            case LIMIT_MAP, THROTTLE_MAP -> {
                if (!v.isObject()) {
                    problems.add(new Problem(at, "invalid type: " + v + ", expected a table of named limits", true));
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String entry = at + "." + quoted(e.getKey());
                    if (e.getKey().startsWith(RESERVED)) problems.add(reserved(entry, e.getKey()));
                    if (type == Type.LIMIT_MAP) limit(problems, entry, e.getValue());
                    else throttle(problems, entry, e.getValue());
                }
            }
            case ENUM -> {
                if (!v.isTextual() || !ENUMS.get(field).contains(v.asText())) {
                    problems.add(new Problem(at, "unknown variant " + v + ", expected one of " + new TreeSet<>(ENUMS.get(field)),
                            true));
                }
            }
        }
    }

    /** LimitSpec: an integer of at least 1, or {@code "[local:]N"}; floats are refused (§1.2). */
    private static void limit(List<Problem> problems, String at, JsonNode v) {
        if (v.isIntegralNumber()) {
            if (v.asLong() < 1) problems.add(new Problem(at, "limit must be 1 or larger", true));
        } else if (v.isTextual()) {
            try {
                LimitSpec.parse(v.asText());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at, e.getMessage(), true));
            }
        } else {
            problems.add(new Problem(at, "invalid type: " + v + ", expected string or numeric limit spec", true));
        }
    }

    /** ThrottleSpec: strings only; limitc also refuses a zero period, which KumoMTA takes as an infinite rate. */
    private static void throttle(List<Problem> problems, String at, JsonNode v) {
        if (!v.isTextual()) {
            problems.add(new Problem(at, "invalid type: " + v + ", expected a string", true));
            return;
        }
        try {
            ThrottleSpec spec = ThrottleSpec.parse(v.asText());
            if (spec.periodSeconds() == 0) problems.add(new Problem(at, "period of 0 seconds: an infinite rate", true));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(at, e.getMessage(), true));
        }
    }

    /** Seconds as a non-negative number, or humantime text (§1.3). */
    private static void duration(List<Problem> problems, String at, JsonNode v) {
        if (v.isNumber()) {
            if (v.asDouble() < 0) problems.add(new Problem(at, "duration must either be a string or a positive integer"
                    + " specifying the number of seconds.", true));
        } else if (v.isTextual()) {
            try {
                Durations.parse(v.asText());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at, "invalid value: string " + v + ", expected a duration (" + e.getMessage() + ")",
                        true));
            }
        } else {
            problems.add(new Problem(at, "invalid type: " + v + ", expected a duration", true));
        }
    }

    private static void automation(List<Problem> problems, String at, JsonNode rules) {
        if (!rules.isArray()) {
            problems.add(new Problem(at, "automation is a list of rules", true));
            return;
        }
        for (JsonNode rule : rules) {
            for (Iterator<String> keys = rule.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!AUTOMATION.contains(k)) problems.add(unknown(at + "." + k, k, AUTOMATION));
            }
            if (!rule.has("duration")) problems.add(new Problem(at, "missing field `duration`", true));
            else duration(problems, at + ".duration", rule.get("duration"));
            JsonNode trigger = rule.path("trigger");
            if (trigger.isObject()) throttle(problems, at + ".trigger.Threshold", trigger.path("Threshold"));
        }
    }

    private static Problem unknown(String at, String field, Set<String> expected) {
        return new Problem(at, "unknown field `" + field + "`, expected one of " + new TreeSet<>(expected), true);
    }

    private static Problem reserved(String at, String name) {
        return new Problem(at, "\"" + name + "\" starts with kumomta., which KumoMTA reserves for its own limits", true);
    }

    private static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : quoted(k);
    }

    private static String quoted(String k) {
        return "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
