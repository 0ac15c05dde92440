package io.limitc.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live connection counts, one per key value: a Momentum limit's, or an nginx zone's (every
 * limit_conn on a zone counts in the same place; each compares with its own cap). A key
 * whose count returns to zero is removed, so a zone's size bounds the keys it tracks at once
 * (nginx's states).
 */
final class Counter {

    final String name;
    /**
     * How many 64-byte state units the keys may use at once (an nginx zone's states);
     * MAX_VALUE when unbounded. nginx's slab rounds a state up to a power of two: 64 bytes
     * for keys up to 28 bytes, 128 up to 92, 256 up to 220, 512 beyond (nginx.md §2.7).
     */
    private final long capacity;
    private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    final LongAdder held = new LongAdder();
    final LongAdder acquired = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder dryRunRejected = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder exhausted = new LongAdder();

    Counter(String name, long capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    enum Take { TAKEN, FULL, EXHAUSTED }

    /** True when no zone size bounds the keys: cells are then kept and can be resolved once per path. */
    boolean unbounded() {
        return capacity == Long.MAX_VALUE;
    }

    /** The count cell of a key of an unbounded counter; a prepared path keeps it. */
    AtomicLong cell(String key) {
        return counts.computeIfAbsent(key, k -> new AtomicLong());
    }

    /** The hot path: one compare-and-set on a cell resolved in advance. */
    Take take(AtomicLong cell, long cap) {
        long v;
        do {
            v = cell.get();
            if (v >= cap) return Take.FULL;
        } while (!cell.compareAndSet(v, v + 1));
        held.increment();
        acquired.increment();
        return Take.TAKEN;
    }

    void give(AtomicLong cell) {
        cell.decrementAndGet();
        held.decrement();
    }

    /** Takes one unit for the key unless {@code cap} (or the zone's room for keys) is reached. */
    Take take(String key, long cap) {
        Take[] result = {Take.TAKEN};
        counts.compute(key, (k, count) -> {
            if (count == null) {
                // a new key needs a state: the zone may be full (nginx rejects then)
                long units = units(k);
                if (keys.addAndGet(units) > capacity) {
                    keys.addAndGet(-units);
                    result[0] = Take.EXHAUSTED;
                    return null;
                }
                count = new AtomicLong();
            } else if (count.get() >= cap) {
                result[0] = Take.FULL;
                return count;
            }
            count.incrementAndGet();
            return count;
        });
        if (result[0] == Take.TAKEN) {
            held.increment();
            acquired.increment();
        }
        return result[0];
    }

    void give(String key) {
        counts.compute(key, (k, count) -> {
            if (count == null || count.decrementAndGet() > 0) return count;
            keys.addAndGet(-units(k)); // the key's state is freed
            return null;
        });
        held.decrement();
    }

    /** 64-byte units of one state: 32 + 4 bytes of node and count, plus the key, rounded up to a power of two. */
    static long units(String key) {
        int bytes = 36 + key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes <= 64 ? 1 : bytes <= 128 ? 2 : bytes <= 256 ? 4 : 8;
    }

    /** Held count of one key (for tests and bench output). */
    long held(String key) {
        AtomicLong c = counts.get(key);
        return c == null ? 0 : c.get();
    }

    LimitStats stats() {
        return new LimitStats(name, held.sum(), acquired.sum(), rejected.sum(), dryRunRejected.sum(),
                skipped.sum(), exhausted.sum());
    }
}
