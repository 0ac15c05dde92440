package io.limitc.runtime;

import java.util.List;

/**
 * Where cluster-wide limits are counted, shared by every process (Redis: {@code
 * io.limitc.runtime.redis.RedisStore}). Leases there expire on their own, so a process that
 * dies loses its slots when its leases expire, never earlier.
 */
public interface ClusterStore extends AutoCloseable {

    /** What an acquisition found: {@code full} is the index of the first full limit, or -1 when all were taken. */
    record Taken(int full, long retryAfterMillis) {}

    /**
     * Takes one slot of every limit, in the order given (ascending by cap), all or nothing,
     * for {@code ttlMillis}.
     *
     * @throws StoreException when the store cannot be reached or answers with an error
     */
    Taken acquire(List<String> keys, long[] caps, String leaseId, long ttlMillis) throws StoreException;

    /**
     * As {@link #acquire}, without blocking the caller: the future completes on a thread of the
     * store's (which must not be blocked either), exceptionally with a {@link StoreException}
     * when the store cannot be reached or answers with an error.
     */
    java.util.concurrent.CompletableFuture<Taken> acquireAsync(List<String> keys, long[] caps, String leaseId, long ttlMillis);

    /**
     * Gives the slots back (an unknown lease is ignored) without waiting for the store's answer:
     * a holder should not pay a round trip to let go. The release goes out at once, or with the
     * next call this process makes when one is already on its way, and what this process asks
     * the store afterwards reaches it after the release. A failure goes to {@code onFailure}, on
     * a thread of the store's; those slots then expire with the lease.
     *
     * @param caps the caps the slots were taken under (as in {@link #acquire}): only a release
     *             from a full limit wakes the processes waiting for one
     */
    void release(List<String> keys, long[] caps, String leaseId, java.util.function.Consumer<StoreException> onFailure);

    /**
     * After an acquisition failed (a timeout, say), gives back whatever the store may still have
     * taken for that lease: the call can reach Redis after the client gave up. A release whose
     * failure nobody needs to hear of.
     */
    default void abandon(List<String> keys, long[] caps, String leaseId) {
        release(keys, caps, leaseId, e -> {});
    }

    /** Pushes the lease's expiry out again; false when the lease was already gone (expired). */
    boolean extend(List<String> keys, String leaseId, long ttlMillis) throws StoreException;

    /**
     * Takes one event from every bucket (GCRA, clock of the store), all or nothing: the index
     * of the first bucket that refused and how long until it allows one, or -1 when allowed.
     *
     * @param intervalsMillis period/limit of each bucket
     * @param bursts          how many events each bucket admits at once (its limit)
     */
    Taken throttle(List<String> buckets, long[] intervalsMillis, long[] bursts) throws StoreException;

    /**
     * Waits until some lease is released anywhere in the cluster, or {@code maxMillis} pass:
     * how a waiting acquisition is woken promptly instead of polling. It may return sooner (the
     * first time, once it listens): the caller tries again either way.
     */
    void awaitRelease(long maxMillis) throws InterruptedException;

    @Override
    void close();

    /** The store failed: unreachable, timed out, or answered with an error. */
    final class StoreException extends Exception {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
