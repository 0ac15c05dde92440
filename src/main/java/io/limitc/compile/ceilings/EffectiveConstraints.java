package io.limitc.compile.ceilings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Steady-state throughput ceilings implied by an egress path, one per axis, each tagged with
 * the term that produced it. A faithful port of KumoMTA's {@code EffectiveConstraints}
 * (dev builds; spec §3): {@link #compute}, {@link #queueConstraints}, {@link #merge},
 * {@link #render} and {@link #toJson} reproduce its values, tie-breaking and text exactly.
 *
 * <p>Like KumoMTA's, these are per-queue ceilings: shared {@code additional_*} limits are
 * reported at their full value, and nothing about Redis, node count or latency is modelled.
 *
 * @param maxConcurrentDispatchers always present
 * @param maxMessageRate           {@code null} when no message-rate term is configured
 * @param maxMessageRateDeclared   display of the declared {@code max_message_rate} when another
 *                                 term wins that axis ("declared but unreachable"), else {@code null}
 * @param maxConnectionRate        {@code null} when unset
 * @param maxSourceSelectionRate   {@code null} when unset
 */
public record EffectiveConstraints(
        EffectiveCeiling maxConcurrentDispatchers,
        EffectiveCeiling maxMessageRate,
        String maxMessageRateDeclared,
        EffectiveCeiling maxConnectionRate,
        EffectiveCeiling maxSourceSelectionRate) {

    /** Source name KumoMTA gives the queue-config concurrency placeholder. */
    public static final String QUEUE_CONFIG = "queue config";
    /** Source name KumoMTA gives the scheduled queue's {@code max_message_rate}. */
    public static final String SCHEDULED_QUEUE_MAX_MESSAGE_RATE = "scheduled queue max_message_rate";

    private static final String INFINITY = "\u221e";
    private static final String TIMES = " \u00d7 ";
    private static final String ARROW = " \u2190 effectively unreachable";

    public EffectiveConstraints {
        Objects.requireNonNull(maxConcurrentDispatchers, "maxConcurrentDispatchers");
    }

    /** {@code compute_constraints(None)}: the path alone, as {@code kcli inspect-ready-q} shows it. */
    public static EffectiveConstraints compute(EgressPathLimits path) {
        EffectiveCeiling concurrency = concurrencyCeiling(path);
        EffectiveCeiling messageRate = minimum(messageRateCandidates(path));

        // Only a declared max_message_rate that lost to another term is worth annotating.
        String declared = null;
        if (path.maxMessageRate() != null
                && messageRate != null
                && !(messageRate.source() instanceof CeilingSource.Primary)) {
            declared = path.maxMessageRate().toString();
        }

        EffectiveCeiling connectionRate = path.maxConnectionRate() == null
                ? null
                : EffectiveCeiling.ofRate(path.maxConnectionRate(), CeilingSource.primary());

        EffectiveCeiling selectionRate = minimum(
                rateCandidates(path.sourceSelectionRate(), path.additionalSourceSelectionRates()));

        return new EffectiveConstraints(concurrency, messageRate, declared, connectionRate, selectionRate);
    }

    /**
     * {@code compute_constraints(Some(additional))}: the path merged with another layer, as
     * {@code kcli resolve-egress-path} does with the queue config. {@code null} means none.
     */
    public static EffectiveConstraints compute(EgressPathLimits path, EffectiveConstraints additional) {
        EffectiveConstraints own = compute(path);
        return additional == null ? own : own.merge(additional);
    }

    /**
     * {@code QueueConfig::compute_constraints()}: concurrency {@code +∞} (so a merge never picks it)
     * and the scheduled queue's {@code max_message_rate}, if any.
     */
    public static EffectiveConstraints queueConstraints(ThrottleSpec queueMaxMessageRate) {
        EffectiveCeiling unbounded = new EffectiveCeiling(
                Double.POSITIVE_INFINITY, CeilingSource.other(QUEUE_CONFIG), INFINITY);
        EffectiveCeiling rate = queueMaxMessageRate == null
                ? null
                : EffectiveCeiling.ofRate(queueMaxMessageRate, CeilingSource.other(SCHEDULED_QUEUE_MAX_MESSAGE_RATE));
        return new EffectiveConstraints(unbounded, rate, null, null, null);
    }

    /**
     * Every message-rate candidate in KumoMTA's order: primary, additional entries in map
     * order, then reconnect cycling ({@code K × max_connection_rate}) when a connection rate is
     * set. The axis's ceiling is the first minimum of this list; exposed so callers can explain
     * the terms that lost.
     */
    public static List<EffectiveCeiling> messageRateCandidates(EgressPathLimits path) {
        List<EffectiveCeiling> candidates =
                rateCandidates(path.maxMessageRate(), path.additionalMessageRateThrottles());
        ThrottleSpec c = path.maxConnectionRate();
        if (c != null) {
            long k = path.maxDeliveriesPerConnection();
            // Same float operation order as KumoMTA: (limit / period) × K.
            double value = c.perSecond() * U64.toDouble(k);
            ThrottleSpec total = ThrottleSpec.of(U64.saturatingMul(k, c.limit()), c.periodSeconds());
            String display = U64.toString(k) + TIMES + c + " = " + total;
            candidates.add(new EffectiveCeiling(value, CeilingSource.reconnectCycling(), display));
        }
        return candidates;
    }

    /**
     * Per-axis strict minimum with {@code other} (KumoMTA's {@code merge}): on a tie this
     * side wins. The "declared but unreachable" annotation is then re-derived from this side's
     * declared {@code max_message_rate}; {@code other}'s annotation is ignored.
     */
    public EffectiveConstraints merge(EffectiveConstraints other) {
        Objects.requireNonNull(other, "other");
        // Taken before merging: once another layer wins, the primary's display is gone.
        String pathDeclared = maxMessageRate != null && maxMessageRate.source() instanceof CeilingSource.Primary
                ? maxMessageRate.display()
                : maxMessageRateDeclared;

        EffectiveCeiling concurrency = other.maxConcurrentDispatchers.isLessThan(maxConcurrentDispatchers)
                ? other.maxConcurrentDispatchers
                : maxConcurrentDispatchers;
        EffectiveCeiling messageRate = mergeOptional(maxMessageRate, other.maxMessageRate);
        EffectiveCeiling connectionRate = mergeOptional(maxConnectionRate, other.maxConnectionRate);
        EffectiveCeiling selectionRate = mergeOptional(maxSourceSelectionRate, other.maxSourceSelectionRate);

        String declared = maxMessageRateDeclared;
        if (messageRate != null
                && !(messageRate.source() instanceof CeilingSource.Primary)
                && pathDeclared != null) {
            declared = pathDeclared;
        }
        return new EffectiveConstraints(concurrency, messageRate, declared, connectionRate, selectionRate);
    }

    /**
     * KumoMTA's {@code render}/{@code to_human_string} text, ending in a newline. Callers add
     * their own framing (an empty line for inspect-ready-q, a header for resolve-egress-path).
     */
    public String render() {
        StringBuilder out = new StringBuilder("ceilings:\n");
        axis(out, "concurrent dispatchers:", maxConcurrentDispatchers, "connection_limit");
        if (maxMessageRate != null) {
            axis(out, "message rate:", maxMessageRate, "max_message_rate");
            if (maxMessageRateDeclared != null) {
                out.append("    declared: max_message_rate = ").append(maxMessageRateDeclared).append(ARROW).append('\n');
            }
        }
        if (maxConnectionRate != null) {
            axis(out, "connection rate:", maxConnectionRate, "max_connection_rate");
        }
        if (maxSourceSelectionRate != null) {
            axis(out, "source selection rate:", maxSourceSelectionRate, "source_selection_rate");
        }
        return out.toString();
    }

    /** The serde JSON shape of §3.1: all five keys, absent axes as {@code null}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("max_concurrent_dispatchers", maxConcurrentDispatchers.toJson());
        putCeiling(node, "max_message_rate", maxMessageRate);
        if (maxMessageRateDeclared == null) {
            node.putNull("max_message_rate_declared");
        } else {
            node.put("max_message_rate_declared", maxMessageRateDeclared);
        }
        putCeiling(node, "max_connection_rate", maxConnectionRate);
        putCeiling(node, "max_source_selection_rate", maxSourceSelectionRate);
        return node;
    }

    private static EffectiveCeiling concurrencyCeiling(EgressPathLimits path) {
        long primary = path.connectionLimit().limit();
        // The display is the bare count: KumoMTA drops "local:" on this axis.
        EffectiveCeiling best = new EffectiveCeiling(U64.toDouble(primary), CeilingSource.primary(), U64.toString(primary));
        for (Map.Entry<String, LimitSpec> e : path.additionalConnectionLimits().entrySet()) {
            long limit = e.getValue().limit();
            EffectiveCeiling candidate =
                    new EffectiveCeiling(U64.toDouble(limit), CeilingSource.additional(e.getKey()), U64.toString(limit));
            if (candidate.isLessThan(best)) { // strict: primary, then earlier entries, win ties
                best = candidate;
            }
        }
        return best;
    }

    private static List<EffectiveCeiling> rateCandidates(ThrottleSpec primary, Map<String, ThrottleSpec> additional) {
        List<EffectiveCeiling> candidates = new ArrayList<>();
        if (primary != null) {
            candidates.add(EffectiveCeiling.ofRate(primary, CeilingSource.primary()));
        }
        additional.forEach((name, spec) -> candidates.add(EffectiveCeiling.ofRate(spec, CeilingSource.additional(name))));
        return candidates;
    }

    /** Rust's {@code min_by(total_cmp)}: the first of several equal minima; {@code null} if empty. */
    private static EffectiveCeiling minimum(List<EffectiveCeiling> candidates) {
        EffectiveCeiling best = null;
        for (EffectiveCeiling c : candidates) {
            if (best == null || c.isLessThan(best)) {
                best = c;
            }
        }
        return best;
    }

    private static EffectiveCeiling mergeOptional(EffectiveCeiling mine, EffectiveCeiling theirs) {
        if (mine == null) {
            return theirs;
        }
        if (theirs != null && theirs.isLessThan(mine)) {
            return theirs;
        }
        return mine;
    }

    private static void axis(StringBuilder out, String label, EffectiveCeiling ceiling, String primaryField) {
        out.append("  ").append(String.format("%-24s", label)).append(ceiling.display()).append('\n');
        out.append("    source: ").append(ceiling.source().term(primaryField)).append('\n');
    }

    private static void putCeiling(ObjectNode node, String key, EffectiveCeiling ceiling) {
        if (ceiling == null) {
            node.putNull(key);
        } else {
            node.set(key, ceiling.toJson());
        }
    }
}
