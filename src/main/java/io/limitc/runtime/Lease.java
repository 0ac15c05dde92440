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

    /** What to give back; kept apart from the Lease so the cleaner does not keep the lease alive. */
    private static final class Held extends AtomicBoolean implements Runnable {
        /** The acquisition's steps (shared, never modified); the first {@code count} were taken. */
        private final Object[] steps;
        private final int count;
        private final Limiter owner;

        Held(Object[] steps, int count, Limiter owner) {
            this.steps = steps;
            this.count = count;
            this.owner = owner;
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
        }
    }

    Lease(Outcome outcome, Object[] steps, int count, Limiter owner) {
        this.outcome = outcome;
        this.held = new Held(steps, count, owner);
        this.cleanable = count > 0 && owner.leakDetection() ? CLEANER.register(this, held) : null;
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
