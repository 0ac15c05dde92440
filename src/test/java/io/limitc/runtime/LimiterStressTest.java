package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Many threads acquire and release random paths of the runtime-mail fixture. An independent
 * tally, kept by the test from the limits it knows the fixture declares, checks that no
 * limit is ever exceeded; at the end every counter is back to zero. A second run reloads
 * the configuration while threads work: nothing may fail and everything must be given back.
 */
class LimiterStressTest {

    private static final MailPath[] PATHS = {
            new MailPath("a", "slow.example", null), new MailPath("b", "slow.example", null),
            new MailPath("a", "other.example", null), new MailPath("c", "gmail.com", null),
            new MailPath("c", "other.example", null), new MailPath("default", "unlimited.example", null)};

    /** What the fixture says for each path: its own cap (per binding::domain). */
    private static final int[] OWN_CAP = {3, 3, 3, 2, 5, Integer.MAX_VALUE};

    @Test
    void noLimitIsEverExceededAndEveryCounterReturnsToZero() throws Exception {
        Limiter l = LimiterTest.mail();
        AtomicInteger[] own = new AtomicInteger[PATHS.length];
        for (int i = 0; i < own.length; i++) own[i] = new AtomicInteger();
        AtomicInteger slowPool = new AtomicInteger(); // scope_max 4 over pool bindings for slow.example
        AtomicInteger server = new AtomicInteger();   // server_max 50 over everything
        AtomicReference<String> violation = new AtomicReference<>();
        run(8, 20_000, (random) -> {
            int p = random.nextInt(PATHS.length);
            Acquisition a = l.acquire(PATHS[p]);
            if (!a.granted()) return;
            int o = own[p].incrementAndGet();
            int pool = p < 2 ? slowPool.incrementAndGet() : slowPool.get();
            int total = server.incrementAndGet();
            if (o > OWN_CAP[p] || pool > 4 || total > 50) {
                violation.compareAndSet(null, PATHS[p] + " own=" + o + " pool=" + pool + " total=" + total);
            }
            if (random.nextInt(4) == 0) Thread.yield();
            own[p].decrementAndGet();
            if (p < 2) slowPool.decrementAndGet();
            server.decrementAndGet();
            a.lease().close();
        });
        assertNull(violation.get());
        l.stats().forEach(s -> assertEquals(0, s.held(), s.name()));
    }

    @Test
    void reloadDuringTheRunLosesNoLease() throws Exception {
        Limiter l = LimiterTest.mail();
        Path file = Path.of("testdata/ecelerity/runtime-mail/expected-compiled.json");
        ConcurrentHashMap<Integer, Integer> granted = new ConcurrentHashMap<>();
        Thread reloader = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                try {
                    l.reload(Files.newInputStream(file));
                    Thread.sleep(2);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        reloader.start();
        run(4, 10_000, (random) -> {
            Acquisition a = l.acquire(PATHS[random.nextInt(PATHS.length)]);
            if (a.granted()) {
                granted.merge(0, 1, Integer::sum);
                a.lease().close();
            }
        });
        reloader.join();
        l.stats().forEach(s -> assertEquals(0, s.held(), s.name()));
        assertEquals(true, granted.getOrDefault(0, 0) > 0);
    }

    private interface Work {
        void step(Random random) throws Exception;
    }

    private static void run(int threads, int steps, Work work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            long seed = 42 + t;
            Thread thread = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    start.await();
                    for (int i = 0; i < steps; i++) work.step(random);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            all.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread t : all) t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
    }
}
