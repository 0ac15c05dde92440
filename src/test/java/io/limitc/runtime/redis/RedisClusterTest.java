package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.Lease;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same limits on a real three-node Redis Cluster: a path's limits live on different
 * nodes, so each is its own call, and a refusal gives back what was taken.
 */
class RedisClusterTest {

    @Test
    void clusterLimitsHoldAcrossNodesAndProcesses() throws Exception {
        List<RedisServer> nodes = new ArrayList<>();
        Path dir = Files.createTempDirectory("limitc-cluster");
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(new RedisServer("--cluster-enabled", "yes", "--cluster-config-file",
                        dir.resolve("nodes-" + i + ".conf").toString()));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            for (RedisServer n : nodes) create.add("127.0.0.1:" + n.port);
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (nodes.stream().anyMatch(n -> !String.valueOf(n.bulk("CLUSTER INFO")).contains("cluster_state:ok"))) {
                assertTrue(System.nanoTime() < deadline, "cluster did not become ok");
                Thread.sleep(100);
            }
            String uris = String.join(",", nodes.stream().map(RedisServer::uri).toList());
            Limiter one = limiter(uris);
            Limiter two = limiter(uris);
            List<Lease> leases = new ArrayList<>();
            for (int i = 0; i < 3; i++) leases.add(granted(one.acquire(RedisStoreTest.A)));
            for (int i = 0; i < 2; i++) leases.add(granted(two.acquire(RedisStoreTest.A)));
            Acquisition sixth = two.acquire(RedisStoreTest.A);
            assertFalse(sixth.granted());
            assertEquals("binding:a/cluster_max_outbound_connections", sixth.rejection().limit().name());
            leases.add(granted(one.acquire(RedisStoreTest.B)));
            // binding b's own limit is taken first, then the domain cap (6) refuses: b's slot must be given back
            Acquisition overScope = two.acquire(RedisStoreTest.B);
            assertFalse(overScope.granted());
            assertEquals("domain:shared.example/cluster_scope_max_outbound_connections", overScope.rejection().limit().name());
            leases.forEach(Lease::close);
            List<Lease> bOnly = new ArrayList<>();
            for (int i = 0; i < 5; i++) bOnly.add(granted(two.acquire(RedisStoreTest.B)));
            assertFalse(two.acquire(RedisStoreTest.B).granted(), "b's limit of 5, with nothing left over from the refusal");
            bOnly.forEach(Lease::close);
            // the same through acquireAsync, whose keys on different nodes are taken one call after
            // another without blocking (one limiter: its releases reach each node before its next call)
            List<Lease> async = new ArrayList<>();
            for (int i = 0; i < 5; i++) async.add(granted(two.acquireAsync(RedisStoreTest.A).get(5, TimeUnit.SECONDS)));
            Acquisition sixthAsync = two.acquireAsync(RedisStoreTest.A).get(5, TimeUnit.SECONDS);
            assertFalse(sixthAsync.granted());
            assertEquals("binding:a/cluster_max_outbound_connections", sixthAsync.rejection().limit().name());
            async.add(granted(two.acquireAsync(RedisStoreTest.B).get(5, TimeUnit.SECONDS)));
            Acquisition overScopeAsync = two.acquireAsync(RedisStoreTest.B).get(5, TimeUnit.SECONDS);
            assertFalse(overScopeAsync.granted());
            assertEquals("domain:shared.example/cluster_scope_max_outbound_connections", overScopeAsync.rejection().limit().name());
            async.forEach(Lease::close);
            List<Lease> bAgain = new ArrayList<>();
            for (int i = 0; i < 5; i++) bAgain.add(granted(two.acquireAsync(RedisStoreTest.B).get(5, TimeUnit.SECONDS)));
            assertFalse(two.acquireAsync(RedisStoreTest.B).get(5, TimeUnit.SECONDS).granted(),
                    "b's limit of 5, with nothing left over from the asynchronous refusals");
            bAgain.forEach(Lease::close);
        } finally {
            for (RedisServer n : nodes) n.close();
        }
    }

    private static Lease granted(Acquisition a) {
        assertTrue(a.granted(), String.valueOf(a.rejection()));
        return a.lease();
    }

    private static Limiter limiter(String uris) throws Exception {
        RedisStore store = RedisStore.connect(uris, Duration.ofSeconds(2));
        try (var in = Files.newInputStream(RedisStoreTest.COMPILED)) {
            return Limiter.load(in, new LimiterOptions(false, store, LimiterOptions.FailurePolicy.DENY, 60_000));
        }
    }
}
