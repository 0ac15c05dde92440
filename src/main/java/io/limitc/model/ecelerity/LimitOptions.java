package io.limitc.model.ecelerity;

import io.limitc.model.ecelerity.LimitOption.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.limitc.model.ecelerity.MomentumScopes.BINDING;
import static io.limitc.model.ecelerity.MomentumScopes.BINDING_GROUP;
import static io.limitc.model.ecelerity.MomentumScopes.DOMAIN;
import static io.limitc.model.ecelerity.MomentumScopes.GLOBAL;
import static io.limitc.model.ecelerity.MomentumScopes.HOST;

/**
 * Every connection-limit and throttle option limitc types and checks, in one table
 * (ecelerity.md §3.1–3.4). Options not listed here are parsed generically.
 */
public final class LimitOptions {

    private static final Set<String> G_B_BG_D_H = Set.of(GLOBAL, BINDING, BINDING_GROUP, DOMAIN, HOST);
    private static final Set<String> G_B_BG_D = Set.of(GLOBAL, BINDING, BINDING_GROUP, DOMAIN);
    private static final Set<String> G_B_BG = Set.of(GLOBAL, BINDING, BINDING_GROUP);
    private static final Set<String> INBOUND_SESSIONS = Set.of("esmtp_listener", "listen", "peer", "pathway",
            "pathway_group");

    private static final Map<String, LimitOption> BY_NAME = new LinkedHashMap<>();

    static {
        // §3.1 outbound concurrency
        add(integer("max_outbound_connections", G_B_BG_D_H).unlimited().done());
        add(integer("scope_max_outbound_connections", G_B_BG_D_H).done());
        add(integer("server_max_outbound_connections", G_B_BG).done());
        add(integer("server_reserve_outbound_connections", Set.of(GLOBAL)).zero().done());
        add(integer("cluster_max_outbound_connections", Set.of(GLOBAL, BINDING, DOMAIN, HOST)).unlimited()
                .replicate("outbound_domains").done());
        add(integer("cluster_scope_max_outbound_connections", G_B_BG_D_H).replicate("outbound_binding_domains").done());
        add(integer("cluster_server_max_outbound_connections", G_B_BG).replicate("outbound_cidr").done());
        add(new Builder("connection_allocation_aggressiveness", Kind.CHOICE, G_B_BG_D).choices("normal", "high").done());
        add(new Builder("adaptive_max_outbound_connections", Kind.INTEGER_BOUNDS, G_B_BG_D).done());
        // §3.2 per-connection limits and timeouts
        add(integer("max_deliveries_per_connection", G_B_BG_D).zero().done());
        Set<String> recipients = new java.util.HashSet<>(G_B_BG_D);
        recipients.addAll(Set.of("esmtp_listener", "listen", "peer"));
        add(integer("max_recipients_per_connection", Set.copyOf(recipients)).zero().done());
        add(integer("max_recipients_per_batch", G_B_BG_D).done());
        for (String timeout : List.of("idle_timeout", "connect_timeout", "connect_timeout_to_delay", "ehlo_timeout",
                "mailfrom_timeout", "rcptto_timeout", "body_timeout", "rset_timeout")) {
            add(integer(timeout, G_B_BG_D).done());
        }
        add(integer("delivery_response_timeout", Set.of(GLOBAL, BINDING, DOMAIN)).done());
        // §3.3 rate throttles; host since 5.3.0
        add(throttle("outbound_throttle_connections", G_B_BG_D_H).hostSince(MomentumVersion.V5_3).done());
        add(throttle("outbound_throttle_messages", G_B_BG_D_H).hostSince(MomentumVersion.V5_3).zero().done());
        add(throttle("cluster_outbound_throttle_connections", Set.of(GLOBAL, BINDING_GROUP, DOMAIN))
                .replicate("OBTC").done());
        add(throttle("cluster_outbound_throttle_messages", Set.of(GLOBAL, BINDING_GROUP, DOMAIN))
                .replicate("OBTM").done());
        add(throttle("inbound_throttle_messages", Set.of(GLOBAL, "pathway_group", "pathway")).done());
        add(new Builder("adaptive_outbound_throttle_messages", Kind.THROTTLE_BOUNDS, G_B_BG_D).done());
        // §3.4 inbound concurrency: 0 = no limit
        add(integer("listener_sessions", INBOUND_SESSIONS).zero().done());
        add(integer("service_sessions", INBOUND_SESSIONS).zero().done());
    }

    private LimitOptions() {}

    /** The schema for a lower-case option name, or null when limitc does not type it. */
    public static LimitOption get(String name) {
        return BY_NAME.get(name);
    }

    public static Collection<LimitOption> all() {
        return BY_NAME.values();
    }

    /** The options {@code host} accepts (ecelerity.md §2.2: six, throttles from 5.3). */
    public static List<String> hostOptions() {
        List<String> names = new ArrayList<>();
        for (LimitOption o : BY_NAME.values()) {
            if (o.validIn(HOST)) names.add(o.name());
        }
        return names;
    }

    /** The options whose {@code -1} means unlimited, for messages. */
    public static List<String> unlimitedOptions() {
        List<String> names = new ArrayList<>();
        for (LimitOption o : BY_NAME.values()) {
            if (o.minusOneUnlimited()) names.add(o.name());
        }
        return names;
    }

    private static void add(LimitOption option) {
        BY_NAME.put(option.name(), option);
    }

    private static Builder integer(String name, Set<String> scopes) {
        return new Builder(name, Kind.INTEGER, scopes);
    }

    private static Builder throttle(String name, Set<String> scopes) {
        return new Builder(name, Kind.THROTTLE, scopes);
    }

    private static final class Builder {
        private final String name;
        private final Kind kind;
        private final Set<String> scopes;
        private boolean unlimited;
        private boolean zero;
        private MomentumVersion hostSince;
        private String replicate;
        private List<String> choices = List.of();

        Builder(String name, Kind kind, Set<String> scopes) {
            this.name = name;
            this.kind = kind;
            this.scopes = scopes;
        }

        Builder unlimited() {
            unlimited = true;
            return this;
        }

        Builder zero() {
            zero = true;
            return this;
        }

        Builder hostSince(MomentumVersion v) {
            hostSince = v;
            return this;
        }

        Builder replicate(String stanza) {
            replicate = stanza;
            return this;
        }

        Builder choices(String... words) {
            choices = List.of(words);
            return this;
        }

        LimitOption done() {
            return new LimitOption(name, kind, scopes, unlimited, zero, hostSince, replicate, choices);
        }
    }
}
