package io.limitc.runtime;

/**
 * How a {@link Limiter} runs.
 *
 * @param leakDetection  give back (and count) leases that are garbage-collected unclosed
 * @param store          where cluster-wide limits are counted, or null to count them in-process
 * @param onStoreFailure what happens while the store cannot be reached
 * @param leaseMillis    how long a cluster lease lives unless extended: a holder that dies
 *                       loses its slots after this (KumoMTA uses the sum of its SMTP
 *                       timeouts, 1690 s with defaults)
 */
public record LimiterOptions(boolean leakDetection, ClusterStore store, FailurePolicy onStoreFailure, long leaseMillis) {

    /** deny: refuse while the store is unreachable (fail closed, as KumoMTA); local: count in-process meanwhile. */
    public enum FailurePolicy { DENY, LOCAL }

    public static LimiterOptions defaults() {
        return new LimiterOptions(true, null, FailurePolicy.DENY, 1_690_000);
    }

    public LimiterOptions withStore(ClusterStore s, FailurePolicy policy, long millis) {
        return new LimiterOptions(leakDetection, s, policy, millis);
    }
}
