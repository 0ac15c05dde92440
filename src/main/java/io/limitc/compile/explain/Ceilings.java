package io.limitc.compile.explain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.compile.CompiledLimit;
import io.limitc.compile.ceilings.EffectiveCeiling;
import io.limitc.compile.ceilings.EffectiveConstraints;
import io.limitc.compile.ceilings.EgressPathLimits;
import io.limitc.compile.ceilings.ThrottleSpec;

/**
 * The KumoMTA effective ceilings of an explained path (kumomta.md §3): the explanation is
 * mapped onto an egress path, then KumoMTA's algorithm is applied unchanged. The path's own
 * connection limit (max_outbound_connections, or the first nginx limit) is the primary
 * {@code connection_limit}; every other concurrency limit is an additional one under its
 * limitc name. The path's message throttle is the primary {@code max_message_rate} when it
 * is owned by the binding::domain scope, else an additional throttle named after its owner.
 */
public final class Ceilings {

    /** Stands in for "no limit", which a KumoMTA connection_limit cannot express. */
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final EffectiveConstraints constraints;

    private Ceilings(EffectiveConstraints constraints) {
        this.constraints = constraints;
    }

    public static Ceilings of(Explanation e) {
        EgressPathLimits.Builder path = EgressPathLimits.builder();
        boolean primarySet = false;
        for (Explanation.Entry entry : e.connection()) {
            CompiledLimit l = entry.limit();
            if (!primarySet && isPrimary(l)) {
                path.connectionLimit(l.unlimited() ? UNLIMITED : l.limit());
                primarySet = true;
            } else if (!l.unlimited()) {
                path.additionalConnectionLimit(l.name(), l.limit());
            }
        }
        boolean messagePrimary = false;
        boolean connectionPrimary = false;
        for (Explanation.Entry entry : e.rates()) {
            CompiledLimit l = entry.limit();
            if (l.unlimited()) continue;
            ThrottleSpec spec = ThrottleSpec.of(l.limit(), l.periodSeconds());
            if (l.option().endsWith("throttle_messages")) {
                if (!messagePrimary && l.option().equals("outbound_throttle_messages") && ownedByPath(l)) {
                    path.maxMessageRate(spec);
                    messagePrimary = true;
                } else {
                    path.additionalMessageRateThrottle(l.name(), spec);
                }
            } else if (l.option().endsWith("throttle_connections") && !connectionPrimary) {
                // KumoMTA has a single connection-rate term: the path's own throttle
                path.maxConnectionRate(spec);
                connectionPrimary = true;
            }
        }
        if (e.deliveriesPerConnection() > 0) path.maxDeliveriesPerConnection(e.deliveriesPerConnection());
        EffectiveConstraints c = EffectiveConstraints.compute(path.build());
        EffectiveCeiling concurrency = c.maxConcurrentDispatchers();
        if (concurrency.value() >= UNLIMITED) {
            c = new EffectiveConstraints(new EffectiveCeiling(Double.POSITIVE_INFINITY, concurrency.source(), "\u221e"),
                    c.maxMessageRate(), c.maxMessageRateDeclared(), c.maxConnectionRate(), c.maxSourceSelectionRate());
        }
        return new Ceilings(c);
    }

    /** Momentum: max_outbound_connections (or its default); nginx: the first limit in acquisition order. */
    private static boolean isPrimary(CompiledLimit l) {
        return l.option().equals("max_outbound_connections") && l.key().contains("domain") || l.option().equals("limit_conn");
    }

    /** A throttle written in a domain stanza inside the path's binding: KumoMTA's per-path max_message_rate. */
    private static boolean ownedByPath(CompiledLimit l) {
        return l.scope().contains("binding:") && l.scope().contains("/domain:");
    }

    public ObjectNode json() {
        return constraints.toJson();
    }

    public String render() {
        return constraints.render();
    }
}
