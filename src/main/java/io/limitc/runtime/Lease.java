package io.limitc.runtime;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The units an acquisition took. Closing gives them back to the counters they came from
 * (also after a reload); closing twice does nothing. A lease that is never closed is given
 * back when it is garbage-collected, and counted as leaked.
 */
public final class Lease implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Outcome outcome;
    private final Held held;
    private final Cleaner.Cleanable cleanable;

    /** Slots held in the cluster store: given back on close, and expiring on their own otherwise. */
    record Remote(ClusterStore store, java.util.List<String> keys, long[] caps, String leaseId, long millis) {}

    /** What to give back; kept apart from the Lease so the cleaner does not keep the lease alive. */
    private static final class Held extends AtomicBoolean implements Runnable {
        /** The acquisition's steps (shared, never modified); the first {@code count} were taken. */
        private final Object[] steps;
        private final int count;
        private final Limiter owner;
        private final Remote remote;

        Held(Object[] steps, int count, Limiter owner, Remote remote) {
            this.steps = steps;
            this.count = count;
            this.owner = owner;
            this.remote = remote;
        }

        /** Runs when a lease is collected without having been closed. */
        @Override
        public void run() {
            if (compareAndSet(false, true)) {
                owner.leakedOne();
                give();
            }
        }

        void give() {
            Limiter.giveBack(steps, count);
            owner.released();
            if (remote != null) {
                // not waited for; on a failure the slots expire with the lease
                remote.store().release(remote.keys(), remote.caps(), remote.leaseId(), owner::storeFailure);
            }
        }
    }

    Lease(Outcome outcome, Object[] steps, int count, Limiter owner, Remote remote) {
        this.outcome = outcome;
        this.held = new Held(steps, count, owner, remote);
        this.cleanable = (count > 0 || remote != null) && owner.leakDetection() ? CLEANER.register(this, held) : null;
    }

    /**
     * Keeps the cluster slots for another lease period (call it before each message on a long
     * connection, as KumoMTA does); false when they were lost (expired), and the connection should close.
     */
    public boolean extend() {
        Remote remote = held.remote;
        if (remote == null || held.get()) return !held.get();
        try {
            return remote.store().extend(remote.keys(), remote.leaseId(), remote.millis());
        } catch (ClusterStore.StoreException e) {
            held.owner.storeFailure(e);
            return false;
        }
    }

    /** PASSED, or REJECTED_DRY_RUN when a dry-run limit would have refused (nothing is then held). */
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void close() {
        if (held.compareAndSet(false, true)) {
            held.give();
            if (cleanable != null) cleanable.clean();
        }
    }
}
