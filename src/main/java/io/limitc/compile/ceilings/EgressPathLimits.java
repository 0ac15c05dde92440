package io.limitc.compile.ceilings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limit-related slice of KumoMTA's {@code EgressPathConfig} that the effective-ceiling
 * computation reads (spec §1.1, §3.2). Defaults are KumoMTA's.
 *
 * <p>The three maps keep insertion order: KumoMTA's map order is whatever Lua handed it, so
 * limitc fixes it to declaration order to make ties deterministic (spec §3.5).
 *
 * @param maxDeliveriesPerConnection K, a Rust {@code usize} carried as an unsigned long
 */
public record EgressPathLimits(
        LimitSpec connectionLimit,
        Map<String, LimitSpec> additionalConnectionLimits,
        ThrottleSpec maxMessageRate,
        Map<String, ThrottleSpec> additionalMessageRateThrottles,
        ThrottleSpec maxConnectionRate,
        long maxDeliveriesPerConnection,
        ThrottleSpec sourceSelectionRate,
        Map<String, ThrottleSpec> additionalSourceSelectionRates) {

    public static final long DEFAULT_CONNECTION_LIMIT = 32;
    public static final long DEFAULT_MAX_DELIVERIES_PER_CONNECTION = 1024;

    public EgressPathLimits {
        Objects.requireNonNull(connectionLimit, "connectionLimit");
        additionalConnectionLimits = frozen(additionalConnectionLimits);
        additionalMessageRateThrottles = frozen(additionalMessageRateThrottles);
        additionalSourceSelectionRates = frozen(additionalSourceSelectionRates);
    }

    /** Every field at KumoMTA's default: {@code connection_limit=32}, K=1024, no throttles. */
    public static EgressPathLimits defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // Map.copyOf would lose the order the tie-breaking depends on.
    private static <V> Map<String, V> frozen(Map<String, V> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, V> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
        return Collections.unmodifiableMap(copy);
    }

    /** Mutable builder; string overloads parse with KumoMTA's grammar. */
    public static final class Builder {
        private LimitSpec connectionLimit = LimitSpec.of(DEFAULT_CONNECTION_LIMIT);
        private final LinkedHashMap<String, LimitSpec> additionalConnectionLimits = new LinkedHashMap<>();
        private ThrottleSpec maxMessageRate;
        private final LinkedHashMap<String, ThrottleSpec> additionalMessageRateThrottles = new LinkedHashMap<>();
        private ThrottleSpec maxConnectionRate;
        private long maxDeliveriesPerConnection = DEFAULT_MAX_DELIVERIES_PER_CONNECTION;
        private ThrottleSpec sourceSelectionRate;
        private final LinkedHashMap<String, ThrottleSpec> additionalSourceSelectionRates = new LinkedHashMap<>();

        private Builder() {}

        public Builder connectionLimit(LimitSpec spec) {
            this.connectionLimit = Objects.requireNonNull(spec);
            return this;
        }

        public Builder connectionLimit(long limit) {
            return connectionLimit(LimitSpec.of(limit));
        }

        public Builder additionalConnectionLimit(String name, LimitSpec spec) {
            additionalConnectionLimits.put(name, spec);
            return this;
        }

        public Builder additionalConnectionLimit(String name, long limit) {
            return additionalConnectionLimit(name, LimitSpec.of(limit));
        }

        public Builder maxMessageRate(ThrottleSpec spec) {
            this.maxMessageRate = spec;
            return this;
        }

        public Builder maxMessageRate(String spec) {
            return maxMessageRate(ThrottleSpec.parse(spec));
        }

        public Builder additionalMessageRateThrottle(String name, ThrottleSpec spec) {
            additionalMessageRateThrottles.put(name, spec);
            return this;
        }

        public Builder additionalMessageRateThrottle(String name, String spec) {
            return additionalMessageRateThrottle(name, ThrottleSpec.parse(spec));
        }

        public Builder maxConnectionRate(ThrottleSpec spec) {
            this.maxConnectionRate = spec;
            return this;
        }

        public Builder maxConnectionRate(String spec) {
            return maxConnectionRate(ThrottleSpec.parse(spec));
        }

        public Builder maxDeliveriesPerConnection(long k) {
            this.maxDeliveriesPerConnection = k;
            return this;
        }

        public Builder sourceSelectionRate(ThrottleSpec spec) {
            this.sourceSelectionRate = spec;
            return this;
        }

        public Builder sourceSelectionRate(String spec) {
            return sourceSelectionRate(ThrottleSpec.parse(spec));
        }

        public Builder additionalSourceSelectionRate(String name, ThrottleSpec spec) {
            additionalSourceSelectionRates.put(name, spec);
            return this;
        }

        public Builder additionalSourceSelectionRate(String name, String spec) {
            return additionalSourceSelectionRate(name, ThrottleSpec.parse(spec));
        }

        public EgressPathLimits build() {
            return new EgressPathLimits(
                    connectionLimit,
                    additionalConnectionLimits,
                    maxMessageRate,
                    additionalMessageRateThrottles,
                    maxConnectionRate,
                    maxDeliveriesPerConnection,
                    sourceSelectionRate,
                    additionalSourceSelectionRates);
        }
    }
}
