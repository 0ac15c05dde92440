package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.ClusterStore;
import io.limitc.runtime.Lease;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import io.limitc.runtime.MailPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.limitc.runtime.redis.RedisStoreTest.A;
import static io.limitc.runtime.redis.RedisStoreTest.A_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real redis-server at {@code maxmemory} with {@code noeviction} (no mocks). While Redis is
 * over its limit it refuses a script's first write that may grow memory (deny-oom commands:
 * ZADD, SET), but lets a script go on once it has written anything. So the acquire script,
 * which starts with ZREMRANGEBYSCORE, still takes leases (counted exactly, in Redis); the
 * extend script (ZADD XX first) and the throttle script (SET) fail with OOM, and the failure
 * policy answers. Releases (ZREM) go through. Once memory is freed everything works again.
 */
class RedisMaxmemoryTest {

    static final MailPath C = new MailPath("c", "any.example", null);
    static final String FILLER = "limitc-test:filler:";

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
        redis.command("CONFIG SET maxmemory 0");
        redis.command("FLUSHALL");
    }

    static Limiter process(LimiterOptions.FailurePolicy policy, long leaseMillis) throws Exception {
        RedisStore store = RedisStore.connect(redis.uri(), Duration.ofSeconds(1));
        try (var in = java.nio.file.Files.newInputStream(RedisStoreTest.COMPILED)) {
            return Limiter.load(in, new LimiterOptions(false, store, policy, leaseMillis));
        }
    }

    /**
     * Sets maxmemory 2 MB above what Redis uses and writes 64 KB strings until one is refused
     * with OOM; then lowers maxmemory 1 MB below the usage, since Redis is only just over the
     * limit at that point and a closing connection's buffers would bring it back under.
     */
    static int fillUntilOom() {
        assertEquals("+OK", redis.command("CONFIG SET maxmemory-policy noeviction"));
        assertEquals("+OK", redis.command("CONFIG SET maxmemory " + (usedMemory() + 2 * 1024 * 1024)));
        for (int i = 0; i < 10_000; i++) {
            String reply = redis.command("SETRANGE " + FILLER + i + " 65535 x");
            if (reply.startsWith("-OOM")) {
                assertEquals("+OK", redis.command("CONFIG SET maxmemory " + (usedMemory() - 1024 * 1024)));
                return i;
            }
            assertEquals(":65536", reply);
        }
        return fail("Redis never ran out of memory");
    }

    static void assertOutOfMemory() {
        assertTrue(redis.command("SET limitc-test:probe 1").startsWith("-OOM"), "Redis is still out of memory");
    }

    /** Deletes the filler keys (maxmemory stays set): writes are accepted again. */
    static void freeMemory(int fillers) {
        StringBuilder del = new StringBuilder("DEL");
        for (int i = 0; i < fillers; i++) del.append(' ').append(FILLER).append(i);
        assertEquals(":" + fillers, redis.command(del.toString()));
        assertEquals("+OK", redis.command("SET limitc-test:probe 1"), "writes are accepted again");
    }

    static long usedMemory() {
        for (String line : redis.bulk("INFO memory").split("\r\n")) {
            if (line.startsWith("used_memory:")) return Long.parseLong(line.substring("used_memory:".length()));
        }
        throw new IllegalStateException("no used_memory in INFO memory");
    }

    private static List<Lease> take(Limiter l, int n) {
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Acquisition a = l.acquire(A);
            assertTrue(a.granted(), "lease " + (i + 1) + ": " + a.rejection());
            leases.add(a.lease());
        }
        return leases;
    }

    @Test
    void leasesUnderOomAreStillCountedExactlyInRedisAndGivenBack() throws Exception {
        Limiter deny = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        deny.acquire(A).lease().close(); // loads the scripts before memory runs out
        assertTrue(fillUntilOom() > 0);
        Limiter local = process(LimiterOptions.FailurePolicy.LOCAL, 60_000); // starting up under OOM works
        List<Lease> leases = new ArrayList<>(take(deny, 3));
        leases.addAll(take(local, 2));
        assertEquals(5, redis.zcard(A_KEY), "both processes counted in Redis, none fell back to local counting");
        for (Limiter l : List.of(deny, local)) {
            Acquisition sixth = l.acquire(A);
            assertFalse(sixth.granted(), "the cluster limit of 5 holds under OOM");
            assertFalse(sixth.rejection().unavailable(), "refused because the limit is reached, not as a store failure");
            assertEquals(0, l.storeFailures());
        }
        // a waiter blocked on the full limit is woken by a release (ZREM and PUBLISH pass under OOM)
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Acquisition> waiter = pool.submit(() -> local.acquire(A, Duration.ofSeconds(5)));
            Thread.sleep(200);
            leases.remove(0).close();
            Acquisition woken = waiter.get(10, TimeUnit.SECONDS); // fails the test if the thread stays blocked
            assertTrue(woken.granted(), String.valueOf(woken.rejection()));
            leases.add(woken.lease());
            Acquisition timedOut = pool.submit(() -> deny.acquire(A, Duration.ofMillis(300))).get(10, TimeUnit.SECONDS);
            assertFalse(timedOut.granted(), "returned at its deadline, refused");
        } finally {
            pool.shutdownNow();
        }
        assertOutOfMemory();
        leases.forEach(Lease::close);
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "closing gives every slot back, under OOM too");
    }

    @Test
    void extendFailsUnderOomAndTheSlotsExpireWithTheirLease() throws Exception {
        Limiter holder = process(LimiterOptions.FailurePolicy.DENY, 4_000);
        List<Lease> leases = take(holder, 5);
        long taken = System.nanoTime();
        int fillers = fillUntilOom();
        for (Lease lease : leases) assertFalse(lease.extend(), "not extended: the caller is told to stop");
        assertTrue(holder.storeFailures() >= 5, "each failed extension is counted: " + holder.storeFailures());
        RedisStore store = RedisStore.connect(redis.uri(), Duration.ofSeconds(1));
        try {
            var oom = assertThrows(ClusterStore.StoreException.class, () -> store.extend(List.of(A_KEY), "any", 1_000));
            assertTrue(oom.getMessage().startsWith("Redis: OOM command not allowed"), oom.getMessage());
        } finally {
            store.close();
        }
        // never extended, never closed: the slots go when the lease expires, not later
        Limiter other = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        assertFalse(other.acquire(A).granted(), "still held before the expiry");
        Thread.sleep(Math.max(0, 4_200 - (System.nanoTime() - taken) / 1_000_000));
        assertOutOfMemory();
        List<Lease> after = take(other, 5);
        assertEquals(5, redis.zcard(A_KEY), "the expired members were swept, the limit still holds");
        freeMemory(fillers);
        for (Lease lease : after) assertTrue(lease.extend(), "extending works again once memory is freed");
        after.forEach(Lease::close);
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
    }

    @Test
    void throttlesUnderOomFollowTheFailurePolicyAndRecover() throws Exception {
        Limiter deny = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        Limiter local = process(LimiterOptions.FailurePolicy.LOCAL, 60_000);
        int fillers = fillUntilOom();
        Limiter.Throttled refused = deny.throttle(C, "messages", 0);
        assertFalse(refused.allowed(), "deny: refused while Redis cannot record the event");
        assertEquals("binding_group:g/cluster_outbound_throttle_messages", refused.limit().name());
        assertTrue(deny.storeFailures() > 0);
        // local: the same 4 per minute, counted in this process
        for (int i = 0; i < 4; i++) assertTrue(local.throttle(C, "messages", 0).allowed(), "event " + (i + 1));
        Limiter.Throttled fifth = local.throttle(C, "messages", 0);
        assertFalse(fifth.allowed(), "the local count still enforces the limit");
        assertTrue(fifth.retryAfterNanos() > 0);
        assertTrue(local.storeFailures() >= 5);
        assertEquals(":0", redis.command("EXISTS limitc:rate:binding_group:g/cluster_outbound_throttle_messages"),
                "nothing was written to Redis");
        freeMemory(fillers);
        for (int i = 0; i < 4; i++) assertTrue(deny.throttle(C, "messages", 0).allowed(), "recovered, event " + (i + 1));
        assertFalse(deny.throttle(C, "messages", 0).allowed(), "the bucket in Redis holds 4 per minute again");
        assertEquals(":1", redis.command("EXISTS limitc:rate:binding_group:g/cluster_outbound_throttle_messages"));
    }

    @Test
    void afterMemoryIsFreedTheLimitIsExactAgain() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        int fillers = fillUntilOom();
        take(l, 5).forEach(Lease::close);
        freeMemory(fillers);
        List<Lease> leases = take(l, 5);
        assertFalse(l.acquire(A).granted());
        assertEquals(5, redis.zcard(A_KEY), "never more members than the limit");
        leases.forEach(Lease::close);
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
    }
}
