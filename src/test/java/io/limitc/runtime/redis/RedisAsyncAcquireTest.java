package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.Lease;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.limitc.runtime.redis.RedisStoreTest.A;
import static io.limitc.runtime.redis.RedisStoreTest.A_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Limiter#acquireAsync} against a real redis-server: the same caps, calls and failure
 * policy as the blocking acquire, without a thread waiting for Redis.
 */
class RedisAsyncAcquireTest {

    static RedisServer redis;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServer();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    @BeforeEach
    void empty() {
        redis.command("FLUSHALL");
    }

    private static Limiter process(LimiterOptions.FailurePolicy policy) throws Exception {
        RedisStore store = RedisStore.connect(redis.uri(), java.time.Duration.ofSeconds(1));
        try (var in = java.nio.file.Files.newInputStream(RedisStoreTest.COMPILED)) {
            return Limiter.load(in, new LimiterOptions(false, store, policy, 60_000));
        }
    }

    private static Acquisition await(CompletableFuture<Acquisition> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theCapHoldsAndEachAcquisitionIsOneCall() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY);
        await(l.acquireAsync(A)).lease().close(); // loads the scripts
        assertEquals(0, redis.awaitZcard(A_KEY, 0)); // and its release is counted before the count is read
        long before = redis.calls("evalsha");
        List<CompletableFuture<Acquisition>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) sent.add(l.acquireAsync(A));
        List<Lease> held = new ArrayList<>();
        int refused = 0;
        for (CompletableFuture<Acquisition> f : sent) {
            Acquisition a = await(f);
            if (a.granted()) {
                held.add(a.lease());
            } else {
                refused++;
                assertEquals("binding:a/cluster_max_outbound_connections", a.rejection().limit().name());
                assertFalse(a.rejection().unavailable());
            }
        }
        assertEquals(5, held.size(), "binding a's cluster cap");
        assertEquals(1, refused);
        assertEquals(5, redis.zcard(A_KEY));
        assertEquals(before + 6, redis.calls("evalsha"), "one EVALSHA per acquisition of the path's two cluster limits");
        held.forEach(Lease::close);
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
    }

    @Test
    void itReturnsBeforeRedisAnswers() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY);
        await(l.acquireAsync(A)).lease().close();
        redis.command("CLIENT PAUSE 600 ALL");
        long t0 = System.nanoTime();
        CompletableFuture<Acquisition> f = l.acquireAsync(A);
        long returned = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(returned < 300, "sent, not waited for, while Redis was paused: " + returned + " ms");
        assertFalse(f.isDone(), "Redis has not answered yet");
        Acquisition a = await(f);
        assertTrue(a.granted(), "answered once Redis went on: " + a.rejection());
        a.lease().close();
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
    }

    @Test
    void afterScriptFlushItReloadsWithoutBlocking() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY);
        await(l.acquireAsync(A)).lease().close();
        redis.command("SCRIPT FLUSH");
        Acquisition a = await(l.acquireAsync(A));
        assertTrue(a.granted(), "NOSCRIPT: scripts loaded again and the call sent once more: " + a.rejection());
        assertEquals(1, redis.zcard(A_KEY));
        a.lease().close();
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
        assertEquals(0, l.storeFailures());
    }

    @Test
    void aTimeoutFollowsThePolicyAndNeverCompletesExceptionally() throws Exception {
        Limiter deny = process(LimiterOptions.FailurePolicy.DENY); // 1 s command timeout
        Limiter local = process(LimiterOptions.FailurePolicy.LOCAL);
        await(deny.acquireAsync(A)).lease().close();
        await(local.acquireAsync(A)).lease().close();
        // those releases answered before the pause: only the acquisitions below may fail
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
        redis.command("CLIENT PAUSE 1600 ALL");
        CompletableFuture<Acquisition> refused = deny.acquireAsync(A);
        CompletableFuture<Acquisition> counted = local.acquireAsync(A);
        Acquisition r = await(refused);
        assertFalse(r.granted(), "policy deny: refused while Redis does not answer");
        assertTrue(r.rejection().unavailable());
        Acquisition c = await(counted);
        assertTrue(c.granted(), "policy local: counted in this process while Redis does not answer");
        assertEquals(1, deny.storeFailures());
        assertEquals(1, local.storeFailures());
        c.lease().close();
        Thread.sleep(800);
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "the late-running acquisitions were given back by their abandon calls");
        Acquisition back = await(deny.acquireAsync(A));
        assertTrue(back.granted(), "recovered: " + back.rejection());
        back.lease().close();
    }

    @Test
    void clientsChainedOnTheStoresThreadNeverHoldMoreThanTheCap() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY);
        int clients = 20; // against binding a's cap of 5, each holding its lease about a millisecond
        int rounds = 200;
        AtomicInteger held = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger mostInRedis = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        var later = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);
        for (int c = 0; c < clients; c++) {
            new Object() {
                int left = rounds;

                void next() {
                    if (left-- == 0) {
                        done.countDown();
                        return;
                    }
                    l.acquireAsync(A).whenComplete((a, e) -> {
                        if (e != null) {
                            failures.incrementAndGet();
                            next();
                        } else if (a.granted()) {
                            granted.incrementAndGet();
                            mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                            later.execute(() -> {
                                held.decrementAndGet(); // before the release can reach Redis
                                a.lease().close();
                                next();
                            });
                        } else {
                            refused.incrementAndGet();
                            next();
                        }
                    });
                }
            }.next();
        }
        // an independent observer of the sorted set while the clients run
        Thread poller = new Thread(() -> {
            try {
                while (done.getCount() > 0) {
                    mostInRedis.accumulateAndGet((int) redis.zcard(A_KEY), Math::max);
                    Thread.sleep(1); // a connection per read: keep clear of the ephemeral ports' limit
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        poller.start();
        assertTrue(done.await(60, TimeUnit.SECONDS), "every client finished its rounds");
        poller.join();
        assertEquals(0, failures.get());
        assertTrue(mostHeld.get() <= 5, "never more than the cap held at once: " + mostHeld.get());
        assertTrue(mostInRedis.get() <= 5, "never more than the cap in Redis: " + mostInRedis.get());
        assertTrue(granted.get() > 0 && refused.get() > 0, "the cap was met and freed again: " + granted + " granted, "
                + refused + " refused");
        assertEquals(clients * rounds, granted.get() + refused.get());
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "every granted lease was given back");
        assertEquals(0, l.storeFailures());
    }
}
