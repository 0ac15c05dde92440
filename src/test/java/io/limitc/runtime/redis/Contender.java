package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import io.limitc.runtime.MailPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One contending process: THREADS threads acquire (a|b, shared.example) for SECONDS, hold
 * each lease a moment and close it, then print "GRANTED n REFUSED m".
 * Args: compiled.json redis-uri threads seconds.
 */
public final class Contender {

    public static void main(String[] args) throws Exception {
        RedisStore store = RedisStore.connect(args[1], Duration.ofSeconds(2));
        Limiter limiter;
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            limiter = Limiter.load(in, new LimiterOptions(false, store, LimiterOptions.FailurePolicy.DENY, 30_000));
        }
        int threads = Integer.parseInt(args[2]);
        long end = System.nanoTime() + (long) (Double.parseDouble(args[3]) * 1e9);
        LongAdder granted = new LongAdder();
        LongAdder refused = new LongAdder();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = ProcessHandle.current().pid() * 31 + t;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (System.nanoTime() < end) {
                    Acquisition a = limiter.acquire(new MailPath(random.nextBoolean() ? "a" : "b", "shared.example", null));
                    if (!a.granted()) {
                        refused.increment();
                        continue;
                    }
                    granted.increment();
                    try {
                        Thread.sleep(random.nextInt(3));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    a.lease().close();
                }
            });
            all.add(thread);
            thread.start();
        }
        for (Thread t : all) t.join();
        System.out.println("GRANTED " + granted.sum() + " REFUSED " + refused.sum());
        store.close();
    }
}
