package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.Lease;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import io.limitc.runtime.MailPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cluster-wide leases against a real redis-server (no mocks): shared across processes, one
 * EVALSHA per acquisition, expiry of a dead holder's leases, outages under both policies.
 */
class RedisStoreTest {

    static final Path COMPILED = Path.of("testdata/ecelerity/runtime-cluster/expected-compiled.json");
    static final MailPath A = new MailPath("a", "shared.example", null);
    static final MailPath B = new MailPath("b", "shared.example", null);
    static final String A_KEY = "limitc:lease:binding:a/cluster_max_outbound_connections:a\u0000shared.example\u0000";

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

    static Limiter process(LimiterOptions.FailurePolicy policy, long leaseMillis) throws Exception {
        RedisStore store = RedisStore.connect(redis.uri(), Duration.ofSeconds(1));
        try (var in = Files.newInputStream(COMPILED)) {
            return Limiter.load(in, new LimiterOptions(false, store, policy, leaseMillis));
        }
    }

    private static List<Lease> take(Limiter l, MailPath p, int n) {
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Acquisition a = l.acquire(p);
            assertTrue(a.granted(), "lease " + (i + 1) + ": " + a.rejection());
            leases.add(a.lease());
        }
        return leases;
    }

    @Test
    void aClusterLimitHoldsAcrossProcesses() throws Exception {
        Limiter one = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        Limiter two = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        List<Lease> leases = new ArrayList<>(take(one, A, 3));
        leases.addAll(take(two, A, 2));
        Acquisition sixth = two.acquire(A);
        assertFalse(sixth.granted());
        assertEquals("binding:a/cluster_max_outbound_connections", sixth.rejection().limit().name());
        // the domain's scope cap (6) is shared by bindings a and b across both processes
        leases.addAll(take(one, B, 1));
        Acquisition overScope = two.acquire(B);
        assertFalse(overScope.granted());
        assertEquals("domain:shared.example/cluster_scope_max_outbound_connections", overScope.rejection().limit().name());
        assertEquals(5, redis.zcard(A_KEY), "the sorted set holds one member per live lease");
        leases.forEach(Lease::close);
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "closing removes the members");
        take(two, A, 5).forEach(Lease::close);
    }

    @Test
    void clusterThrottlesAreOneBucketForEveryProcess() throws Exception {
        Limiter one = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        Limiter two = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        MailPath c = new MailPath("c", "any.example", null);
        // 4/60 is one GCRA bucket in Redis, whichever process asks
        assertTrue(one.throttle(c, "messages", 0).allowed());
        assertTrue(two.throttle(c, "messages", 0).allowed());
        assertTrue(one.throttle(c, "messages", 0).allowed());
        assertTrue(two.throttle(c, "messages", 0).allowed());
        var fifth = one.throttle(c, "messages", 0);
        assertFalse(fifth.allowed());
        assertEquals("binding_group:g/cluster_outbound_throttle_messages", fifth.limit().name());
        assertTrue(fifth.retryAfterNanos() > 14_000_000_000L && fifth.retryAfterNanos() <= 15_000_000_000L,
                "one event every 15 s: " + fifth.retryAfterNanos());
    }

    @Test
    void aWaiterIsWokenByAReleaseInAnotherProcessNotByPolling() throws Exception {
        Limiter holder = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        Limiter waiter = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        List<Lease> leases = take(holder, A, 5);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            leases.get(0).close();
        });
        long t0 = System.nanoTime();
        releaser.start();
        Acquisition a = waiter.acquire(A, Duration.ofSeconds(5));
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(a.granted(), String.valueOf(a.rejection()));
        assertTrue(waited >= 280 && waited < 900, "woken by the release after ~300 ms, not a 1 s or 3 s poll: " + waited);
        a.lease().close();
        leases.forEach(Lease::close);
        Acquisition timedOut = waiter.acquire(A, Duration.ofMillis(200));
        assertTrue(timedOut.granted(), "a free slot is taken at once");
        timedOut.lease().close();
    }

    @Test
    void redisFaultsFollowThePolicyAndRecover() throws Exception {
        // connection refused at startup: a clear error, not a hang
        var refused = org.junit.jupiter.api.Assertions.assertThrows(io.limitc.runtime.ClusterStore.StoreException.class,
                () -> RedisStore.connect("redis://127.0.0.1:1", Duration.ofMillis(500)));
        assertTrue(refused.getMessage().startsWith("cannot reach Redis at redis://127.0.0.1:1"), refused.getMessage());

        RedisStore store = RedisStore.connect(redis.uri(), Duration.ofMillis(500));
        Limiter l;
        try (var in = Files.newInputStream(COMPILED)) {
            l = Limiter.load(in, new LimiterOptions(false, store, LimiterOptions.FailurePolicy.DENY, 60_000));
        }
        l.acquire(A).lease().close();
        // scripts flushed: NOSCRIPT, reload, go on
        redis.command("SCRIPT FLUSH");
        Acquisition afterFlush = l.acquire(A);
        assertTrue(afterFlush.granted(), String.valueOf(afterFlush.rejection()));
        afterFlush.lease().close();
        // paused past the client timeout: refused as unavailable within the timeout, no thread left blocked
        redis.command("CLIENT PAUSE 1500 ALL");
        long t0 = System.nanoTime();
        Acquisition paused = l.acquire(A);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(paused.granted());
        assertTrue(paused.rejection().unavailable());
        assertTrue(took < 1_400, "gave up at the 500 ms timeout, not after the pause: " + took);
        Thread.sleep(1_700);
        assertEquals(0, redis.zcard(A_KEY), "the late-running acquisition was given back by the abandon call");
        long deadline = System.nanoTime() + 5_000_000_000L;
        Acquisition back;
        while (!(back = l.acquire(A)).granted()) {
            assertTrue(System.nanoTime() < deadline, "recovered: " + back.rejection());
            Thread.sleep(50);
        }
        back.lease().close();
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "no slot left held by the failed attempts");
    }

    @Test
    void oneRoundTripPerAcquisition() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        l.acquire(A).lease().close(); // loads the scripts
        Lease settled = l.acquire(A).lease(); // answered after the release before it, on the same connection
        long before = redis.calls("evalsha");
        List<Lease> leases = take(l, A, 4);
        assertEquals(before + 4, redis.calls("evalsha"), "one EVALSHA per acquisition of the path's two cluster limits");
        leases.forEach(Lease::close);
        settled.close();
    }

    @Test
    void releasesRideAlongWithAcquisitionsAndNeverLetOneOvertakeThem() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        l.acquire(A).lease().close(); // loads the scripts
        long before = redis.calls("evalsha");
        int threads = 5; // binding a's cluster cap: a release that arrived after its thread's next acquisition shows as a refusal
        int rounds = 2_000;
        List<Thread> workers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    Acquisition a = l.acquire(A);
                    if (a.granted()) a.lease().close();
                    else refused.incrementAndGet();
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) w.join();
        assertEquals(0, refused.get(), "each thread's release reached Redis before its next acquisition");
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
        long calls = redis.calls("evalsha") - before;
        int operations = threads * rounds;
        assertTrue(calls >= operations && calls < 2L * operations,
                "one call per acquisition, and releases batched or carried along: " + calls + " calls for " + operations + " acquire+release");
        assertEquals(0, l.storeFailures());
    }

    @Test
    void onlyAReleaseFromAFullLimitWakesWaiters() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        List<Lease> four = take(l, A, 4);
        long before = redis.calls("publish");
        four.get(0).close();
        assertEquals(3, redis.awaitZcard(A_KEY, 3));
        assertEquals(before, redis.calls("publish"), "binding a had room: nobody can be waiting for it");
        List<Lease> full = take(l, A, 2); // 5 of 5
        full.get(0).close();
        assertEquals(4, redis.awaitZcard(A_KEY, 4));
        assertEquals(before + 1, redis.calls("publish"), "a release from a full limit is announced once");
        four.subList(1, 4).forEach(Lease::close);
        full.get(1).close();
        assertEquals(0, redis.awaitZcard(A_KEY, 0));
    }

    @Test
    void aShortLeaseNeverShortensTheKeyBelowALongerOne() throws Exception {
        Limiter longer = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        Limiter shorter = process(LimiterOptions.FailurePolicy.DENY, 2_000);
        Lease held = take(longer, A, 1).get(0);
        long first = redis.pttl(A_KEY);
        assertTrue(first > 59_000 && first <= 61_000, "a new key expires a second after its lease: " + first);
        Lease brief = take(shorter, A, 1).get(0);
        assertTrue(redis.pttl(A_KEY) > 58_000, "still outlives the 60 s lease: " + redis.pttl(A_KEY));
        brief.close();
        held.close();
    }

    @Test
    void closingALeaseDoesNotWaitForRedis() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        List<Lease> leases = take(l, A, 5);
        redis.command("CLIENT PAUSE 800 ALL");
        long t0 = System.nanoTime();
        leases.forEach(Lease::close);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took < 400, "the releases were sent, not waited for, while Redis was paused: " + took + " ms");
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "and ran once Redis went on");
        assertEquals(0, l.storeFailures());
        assertTrue(l.acquire(A).granted(), "this process's next call comes after its releases");
    }

    @Test
    void aReleaseThatTimesOutIsCountedNotThrown() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 60_000); // 1 s command timeout
        Lease lease = take(l, A, 1).get(0);
        redis.command("CLIENT PAUSE 1600 ALL");
        lease.close();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (l.storeFailures() == 0) {
            assertTrue(System.nanoTime() < deadline, "the unanswered release was reported as a store failure");
            Thread.sleep(20);
        }
        assertEquals(1, l.storeFailures());
        assertEquals(0, redis.awaitZcard(A_KEY, 0), "Redis ran the late release after the pause");
    }

    @Test
    void aHolderThatStopsLosesItsSlotsWhenTheLeaseExpiresNotBefore() throws Exception {
        Limiter holder = process(LimiterOptions.FailurePolicy.DENY, 1_500);
        Limiter other = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        take(holder, A, 5); // never closed: as if the holder died
        long t0 = System.nanoTime();
        assertFalse(other.acquire(A).granted(), "the slots are still held");
        Thread.sleep(800);
        assertFalse(other.acquire(A).granted(), "not before the lease expires");
        long waited = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(Math.max(0, 1_700 - waited));
        take(other, A, 5).forEach(Lease::close);
    }

    @Test
    void extendKeepsTheSlots() throws Exception {
        Limiter l = process(LimiterOptions.FailurePolicy.DENY, 1_000);
        List<Lease> leases = take(l, A, 5);
        Thread.sleep(600);
        for (Lease lease : leases) assertTrue(lease.extend());
        Thread.sleep(600);
        assertFalse(l.acquire(A).granted(), "extended leases still hold the slots after the first period");
        leases.forEach(Lease::close);
        assertTrue(l.acquire(A).granted());
    }

    @Test
    void outagesFollowTheFailurePolicyAndRecoverAfterARestart() throws Exception {
        Limiter deny = process(LimiterOptions.FailurePolicy.DENY, 60_000);
        Limiter local = process(LimiterOptions.FailurePolicy.LOCAL, 60_000);
        deny.acquire(A).lease().close();
        redis.stop();
        try {
            Acquisition refused = deny.acquire(A);
            assertFalse(refused.granted());
            assertTrue(refused.rejection().unavailable());
            assertTrue(deny.storeFailures() > 0);
            List<Lease> counted = take(local, A, 5);
            assertFalse(local.acquire(A).granted(), "counted in-process: the same limit still applies");
            counted.forEach(Lease::close);
        } finally {
            redis.start();
        }
        // a restarted Redis has lost the scripts: NOSCRIPT makes the store load them again
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!deny.acquire(A).granted()) {
            assertTrue(System.nanoTime() < deadline, "recovered after the restart");
            Thread.sleep(100);
        }
    }

    @Test
    void aKilledProcessKeepsItsSlotsUntilTheLeasesExpire() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldLeases.class.getName(), COMPILED.toString(), redis.uri(), "5", "3000")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY"));
            assertEquals("READY 5", line);
            Limiter other = process(LimiterOptions.FailurePolicy.DENY, 60_000);
            child.destroyForcibly().waitFor(); // SIGKILL: no chance to release
            assertFalse(other.acquire(A).granted(), "the killed holder's slots stay taken");
            long deadline = System.nanoTime() + 6_000_000_000L;
            Acquisition a;
            while (!(a = other.acquire(A)).granted()) {
                assertTrue(System.nanoTime() < deadline, "free after the 3 s lease expiry");
                Thread.sleep(100);
            }
            a.lease().close();
        } finally {
            child.destroyForcibly();
        }
    }
}
