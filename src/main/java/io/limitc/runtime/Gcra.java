package io.limitc.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate throttles as KumoMTA's GCRA (kumomta.md §2.6): each bucket keeps a theoretical
 * arrival time; an event is allowed when it is no more than the burst ahead of now.
 * interval = period/limit, burst = limit events. One bucket per key: throttles are by
 * reference, so every path that falls back to a scope draws from that scope's bucket.
 */
final class Gcra {

    /** What a check found; {@code retryAfterNanos} is 0 when allowed. */
    record Result(boolean allowed, long retryAfterNanos) {}

    private final ConcurrentHashMap<String, long[]> tat = new ConcurrentHashMap<>();

    /** Takes one event from the bucket, or reports how long until one is available. */
    Result take(String bucket, LimitDefinition rate, long nowNanos) {
        long interval = rate.periodSeconds() * 1_000_000_000L / rate.limit();
        long burstOffset = interval * rate.limit();
        Result[] out = new Result[1];
        tat.compute(bucket, (k, state) -> {
            long t = state == null ? nowNanos : Math.max(state[0], nowNanos);
            long next = t + interval;
            long diff = nowNanos - (next - burstOffset);
            if (diff < 0) {
                out[0] = new Result(false, -diff);
                return state;
            }
            out[0] = new Result(true, 0);
            return new long[] {next};
        });
        return out[0];
    }

    /** Gives back an event taken by a check whose siblings refused (all throttles must pass). */
    void undo(String bucket, LimitDefinition rate) {
        long interval = rate.periodSeconds() * 1_000_000_000L / rate.limit();
        tat.computeIfPresent(bucket, (k, state) -> new long[] {state[0] - interval});
    }
}
