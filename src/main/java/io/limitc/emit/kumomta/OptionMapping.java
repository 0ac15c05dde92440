package io.limitc.emit.kumomta;

import java.util.Map;

/**
 * What one Momentum option becomes in KumoMTA (kumomta.md §6, ecelerity.md §5): the one
 * table the converter and its report read. Options missing here have no limit meaning and
 * are not converted.
 *
 * @param kind     how the value is carried over
 * @param kumoKey  the {@code make_egress_path} field it lands in
 * @param status   {@code converted}, {@code approximated} or {@code not converted}
 * @param note     why, in an operator's words; printed in the report
 */
record OptionMapping(Kind kind, String kumoKey, String status, String note) {

    enum Kind {
        /** Per binding and domain, per node: the path's own {@code connection_limit}, {@code local:}. */
        CONNECTION_LIMIT,
        /** Cluster-wide per binding and domain: a named limit whose name carries the path. */
        PATH_NAMED_LIMIT,
        /** One count shared by every path inside the scope that declares it: a named limit. */
        SHARED_LIMIT,
        /** A message throttle: the path's {@code max_message_rate} when the path owns it, else a named throttle. */
        MESSAGE_RATE,
        /** A connection throttle: KumoMTA has only the per-path {@code max_connection_rate}. */
        CONNECTION_RATE,
        /** A whole number carried as is. */
        COUNT,
        /** Seconds, written as a duration. */
        SECONDS,
        /** No KumoMTA equivalent. */
        NONE
    }

    static final String CONVERTED = "converted";
    static final String APPROXIMATED = "approximated";
    static final String NOT_CONVERTED = "not converted";

    private static final String INBOUND = "inbound limit: it belongs on KumoMTA's listener (esmtp_listener), which the"
            + " converter does not write";

    static final Map<String, OptionMapping> BY_OPTION = Map.ofEntries(
            Map.entry("max_outbound_connections", new OptionMapping(Kind.CONNECTION_LIMIT, "connection_limit", CONVERTED,
                    "per binding and domain on each node, so local:")),
            Map.entry("cluster_max_outbound_connections", new OptionMapping(Kind.PATH_NAMED_LIMIT,
                    "additional_connection_limits", CONVERTED,
                    "cluster-wide per binding and domain: a named limit per path, the name ending @source->domain")),
            Map.entry("scope_max_outbound_connections", new OptionMapping(Kind.SHARED_LIMIT,
                    "additional_connection_limits", CONVERTED, "one per-node count shared by every path in its scope")),
            Map.entry("server_max_outbound_connections", new OptionMapping(Kind.SHARED_LIMIT,
                    "additional_connection_limits", CONVERTED, "one per-node count shared by every path in its scope")),
            Map.entry("cluster_scope_max_outbound_connections", new OptionMapping(Kind.SHARED_LIMIT,
                    "additional_connection_limits", CONVERTED, "one cluster-wide count shared by every path in its scope")),
            Map.entry("cluster_server_max_outbound_connections", new OptionMapping(Kind.SHARED_LIMIT,
                    "additional_connection_limits", CONVERTED, "one cluster-wide count shared by every path in its scope")),
            Map.entry("outbound_throttle_messages", new OptionMapping(Kind.MESSAGE_RATE, "max_message_rate", CONVERTED,
                    "per node, so local:; a throttle is one bucket owned by the scope that writes it (by reference)")),
            Map.entry("cluster_outbound_throttle_messages", new OptionMapping(Kind.MESSAGE_RATE,
                    "additional_message_rate_throttles", CONVERTED,
                    "cluster-wide bucket owned by the scope that writes it")),
            Map.entry("outbound_throttle_connections", new OptionMapping(Kind.CONNECTION_RATE, "max_connection_rate",
                    APPROXIMATED, "KumoMTA has no shared connection-rate throttle: each path gets this rate"
                    + " (Momentum shares one bucket among every path that falls back to the scope)")),
            Map.entry("cluster_outbound_throttle_connections", new OptionMapping(Kind.CONNECTION_RATE,
                    "max_connection_rate", APPROXIMATED,
                    "KumoMTA has no shared connection-rate throttle: each path gets this rate, cluster-wide")),
            Map.entry("max_deliveries_per_connection", new OptionMapping(Kind.COUNT, "max_deliveries_per_connection",
                    CONVERTED, "same meaning")),
            Map.entry("max_recipients_per_batch", new OptionMapping(Kind.COUNT, "max_recipients_per_batch", CONVERTED,
                    "same meaning")),
            Map.entry("idle_timeout", new OptionMapping(Kind.SECONDS, "idle_timeout", CONVERTED, "seconds")),
            Map.entry("connect_timeout", new OptionMapping(Kind.SECONDS, "connect_timeout", CONVERTED, "seconds")),
            Map.entry("ehlo_timeout", new OptionMapping(Kind.SECONDS, "ehlo_timeout", CONVERTED, "seconds")),
            Map.entry("mailfrom_timeout", new OptionMapping(Kind.SECONDS, "mail_from_timeout", CONVERTED, "seconds")),
            Map.entry("rcptto_timeout", new OptionMapping(Kind.SECONDS, "rcpt_to_timeout", CONVERTED, "seconds")),
            Map.entry("rset_timeout", new OptionMapping(Kind.SECONDS, "rset_timeout", CONVERTED, "seconds")),
            Map.entry("body_timeout", new OptionMapping(Kind.SECONDS, "data_dot_timeout", APPROXIMATED,
                    "Momentum times the whole body transfer; KumoMTA's data_dot_timeout is the wait after the final dot")),
            Map.entry("max_recipients_per_connection", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "recipients are not messages: KumoMTA limits messages per connection (max_deliveries_per_connection)"
                    + " and recipients per transaction (max_recipients_per_batch), not recipients per connection")),
            Map.entry("server_reserve_outbound_connections", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "KumoMTA has no reserve above a total connection cap")),
            Map.entry("connection_allocation_aggressiveness", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "KumoMTA sizes connections by ready-queue depth; it has no documented equivalent")),
            Map.entry("adaptive_max_outbound_connections", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "the adaptive module has no KumoMTA equivalent (traffic-shaping automation is the closest)")),
            Map.entry("adaptive_outbound_throttle_messages", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "the adaptive module has no KumoMTA equivalent (traffic-shaping automation is the closest)")),
            Map.entry("connect_timeout_to_delay", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "KumoMTA delays a ready queue after a number of failed connection rounds"
                    + " (consecutive_connection_failures_before_delay), not after a time")),
            Map.entry("delivery_response_timeout", new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                    "HTTP/push delivery, not an SMTP egress setting")),
            Map.entry("inbound_throttle_messages", new OptionMapping(Kind.NONE, null, NOT_CONVERTED, INBOUND)),
            Map.entry("listener_sessions", new OptionMapping(Kind.NONE, null, NOT_CONVERTED, INBOUND)),
            Map.entry("service_sessions", new OptionMapping(Kind.NONE, null, NOT_CONVERTED, INBOUND)));

    static OptionMapping of(String option) {
        return BY_OPTION.getOrDefault(option, new OptionMapping(Kind.NONE, null, NOT_CONVERTED,
                "limitc has no KumoMTA mapping for this option"));
    }
}
