package io.limitc.runtime;

import java.lang.ref.Cleaner;
import java.util.List;
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
    private record Held(List<Counter> counters, List<String> keys, AtomicBoolean closed, Runnable onLeak)
            implements Runnable {
        @Override
        public void run() {
            if (closed.compareAndSet(false, true)) {
                onLeak.run();
                give();
            }
        }

        void give() {
            for (int i = counters.size() - 1; i >= 0; i--) counters.get(i).give(keys.get(i));
        }
    }

    Lease(Outcome outcome, List<Counter> counters, List<String> keys, Runnable onLeak) {
        this.outcome = outcome;
        this.held = new Held(List.copyOf(counters), List.copyOf(keys), new AtomicBoolean(), onLeak);
        this.cleanable = counters.isEmpty() ? null : CLEANER.register(this, held);
    }

    /** PASSED, or REJECTED_DRY_RUN when a dry-run limit would have refused (nothing is then held). */
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void close() {
        if (held.closed().compareAndSet(false, true)) {
            held.give();
            if (cleanable != null) cleanable.clean();
        }
    }
}
