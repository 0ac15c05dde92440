package io.limitc.runtime.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.limitc.runtime.ClusterStore;

import java.time.Duration;
import java.util.List;

/**
 * Cluster-wide leases on Redis: one sorted set per limit and key (member = lease id, score =
 * expiry in milliseconds of the Redis server's clock, never the client's), taken with one
 * EVALSHA per acquisition for all the path's cluster limits, all or nothing. Every key gets
 * an expiry beyond its longest lease, so abandoned keys vanish. A release is one more EVALSHA,
 * sent without waiting for its answer (the same connection keeps this process's later calls
 * behind it). Lettuce's connection is thread-safe and reconnects on its own.
 *
 * <p>Key layout: {@code limitc:lease:<limit name>:<counter key>}, a ZSET of lease ids scored by
 * expiry (ms); {@code limitc:rate:<limit name>}, a string holding the GCRA theoretical arrival
 * time (ms). Inspect with {@code redis-cli ZRANGE limitc:lease:<name>:<key> 0 -1 WITHSCORES}.
 */
public final class RedisStore implements ClusterStore {

    /**
     * Takes one slot of each key (KEYS, ascending) if every one has room; else the first full
     * key's index. The sweep of expired leases comes first on purpose: over {@code maxmemory}
     * Redis refuses a script whose first write may grow memory, and lets one go on that has
     * written already (see RedisMaxmemoryTest). The key's expiry is only ever moved out
     * ({@code GT}, Redis 7), so it never falls below another process's longer lease; a key
     * that did not exist has no expiry to compare with. One PEXPIRE in place of PTTL and a
     * PEXPIRE: every {@code redis.call} costs Redis about 1.5 µs.
     */
    static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local ttl = tonumber(ARGV[2])
            local held = {}
            for i, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
              local n = redis.call('ZCARD', key)
              if n >= tonumber(ARGV[i + 2]) then
                local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                local wait = 0
                if first[2] then wait = tonumber(first[2]) - now end
                return {i, wait}
              end
              held[i] = n
            end
            for i, key in ipairs(KEYS) do
              redis.call('ZADD', key, now + ttl, ARGV[1])
              if held[i] == 0 then
                redis.call('PEXPIRE', key, ttl + 1000)
              else
                redis.call('PEXPIRE', key, ttl + 1000, 'GT')
              end
            end
            return {0, 0}
            """;

    /** Gives the slots back and tells waiting processes (channel {@value #RELEASED}). */
    static final String RELEASE = """
            local removed = 0
            for i, key in ipairs(KEYS) do removed = removed + redis.call('ZREM', key, ARGV[1]) end
            if removed > 0 then redis.call('PUBLISH', 'limitc:released', KEYS[1]) end
            return 0
            """;

    /** The channel a release is announced on, so waiters retry at once. */
    static final String RELEASED = "limitc:released";

    /** Moves the lease's expiry out on every key; 0 when it was gone from any (it expired). */
    static final String EXTEND = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local ttl = tonumber(ARGV[2])
            local ok = 1
            for i, key in ipairs(KEYS) do
              if redis.call('ZADD', key, 'XX', 'CH', now + ttl, ARGV[1]) == 0 and redis.call('ZSCORE', key, ARGV[1]) == false then ok = 0 end
              redis.call('PEXPIRE', key, ttl + 1000, 'GT')
            end
            return ok
            """;

    /**
     * GCRA for every bucket (KEYS) in one call, all or nothing, on the server's clock in
     * milliseconds (KumoMTA's script used whole seconds, and once set PX where EX was meant);
     * each bucket key expires when its theoretical arrival time has passed.
     */
    static final String THROTTLE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local next = {}
            for i, key in ipairs(KEYS) do
              local interval = tonumber(ARGV[2 * i - 1])
              local burst = tonumber(ARGV[2 * i])
              local tat = tonumber(redis.call('GET', key) or now)
              if tat < now then tat = now end
              local new_tat = tat + interval
              local diff = now - (new_tat - interval * burst)
              if diff < 0 then return {i, -diff} end
              next[i] = new_tat
            end
            for i, key in ipairs(KEYS) do
              redis.call('SET', key, next[i], 'PX', math.max(1, next[i] - now))
            end
            return {0, 0}
            """;

    private final io.lettuce.core.AbstractRedisClient client;
    private final io.lettuce.core.api.StatefulConnection<String, String> connection;
    private final io.lettuce.core.api.sync.RedisScriptingCommands<String, String> redis;
    private final io.lettuce.core.api.async.RedisScriptingAsyncCommands<String, String> async;
    /** Redis Cluster: keys of one call must share a slot, else each limit is its own call. */
    private final boolean cluster;
    private final Duration timeout;
    /** Releases sent and not yet answered: what {@link #close()} waits for. */
    private final java.util.concurrent.atomic.AtomicLong releasesInFlight = new java.util.concurrent.atomic.AtomicLong();

    private final Object released = new Object();
    private long releases;
    private volatile io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> subscription;

    private RedisStore(io.lettuce.core.AbstractRedisClient client, io.lettuce.core.api.StatefulConnection<String, String> connection,
                       io.lettuce.core.api.sync.RedisScriptingCommands<String, String> scripting,
                       io.lettuce.core.api.async.RedisScriptingAsyncCommands<String, String> async, boolean cluster, Duration timeout) {
        this.client = client;
        this.connection = connection;
        this.redis = scripting;
        this.async = async;
        this.cluster = cluster;
        this.timeout = timeout;
    }

    @Override
    public void awaitRelease(long maxMillis) throws InterruptedException {
        subscribe();
        synchronized (released) {
            long seen = releases;
            long deadline = System.nanoTime() + maxMillis * 1_000_000;
            while (releases == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return;
                released.wait(left);
            }
        }
    }

    /** One pub/sub connection per store, opened when someone first waits. */
    private void subscribe() {
        if (subscription != null) return;
        synchronized (this) {
            if (subscription != null) return;
            io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> pubsub = client instanceof RedisClient r
                    ? r.connectPubSub() : ((io.lettuce.core.cluster.RedisClusterClient) client).connectPubSub();
            pubsub.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    synchronized (released) {
                        releases++;
                        released.notifyAll();
                    }
                }
            });
            pubsub.sync().subscribe(RELEASED);
            subscription = pubsub;
        }
    }

    /**
     * Connects to {@code redis://host:port} (or {@code rediss://}), or to Redis Cluster when
     * given a comma-separated list of nodes; fails fast if Redis does not answer.
     */
    public static RedisStore connect(String uri, Duration timeout) throws StoreException {
        return connect(uri, timeout, null);
    }

    /**
     * As {@link #connect(String, Duration)}; over {@code rediss://} the server's certificate
     * must be signed by a CA in {@code trustedCa} (PEM; null: the JDK's trusted CAs), and must
     * name the host or address connected to.
     */
    public static RedisStore connect(String uri, Duration timeout, java.nio.file.Path trustedCa) throws StoreException {
        io.lettuce.core.SslOptions ssl = null;
        if (trustedCa != null) {
            if (!java.nio.file.Files.isReadable(trustedCa)) {
                throw new StoreException("cannot read the Redis CA certificate " + trustedCa, null);
            }
            ssl = io.lettuce.core.SslOptions.builder().jdkSslProvider().trustManager(trustedCa.toFile()).build();
        }
        List<RedisURI> nodes = new java.util.ArrayList<>();
        for (String u : uri.split(",")) {
            RedisURI r = RedisURI.create(u.strip());
            r.setTimeout(timeout);
            nodes.add(r);
        }
        // Lettuce's default timeout options give the unawaited releases the same timeout as the
        // awaited calls; a release that times out counts as a store failure
        if (nodes.size() == 1) {
            RedisClient client = RedisClient.create(nodes.get(0));
            if (ssl != null) client.setOptions(io.lettuce.core.ClientOptions.builder().sslOptions(ssl).build());
            try {
                StatefulRedisConnection<String, String> connection = client.connect();
                connection.setTimeout(timeout);
                RedisStore store = new RedisStore(client, connection, connection.sync(), connection.async(), false, timeout);
                store.loadScripts();
                return store;
            } catch (RedisException e) {
                client.shutdown();
                throw new StoreException("cannot reach Redis at " + uri + ": " + reason(e), e);
            }
        }
        io.lettuce.core.cluster.RedisClusterClient client = io.lettuce.core.cluster.RedisClusterClient.create(nodes);
        if (ssl != null) client.setOptions(io.lettuce.core.cluster.ClusterClientOptions.builder().sslOptions(ssl).build());
        try {
            var connection = client.connect();
            connection.setTimeout(timeout);
            RedisStore store = new RedisStore(client, connection, connection.sync(), connection.async(), true, timeout);
            store.loadScripts();
            return store;
        } catch (RedisException e) {
            client.shutdown();
            throw new StoreException("cannot reach Redis Cluster at " + uri + ": " + reason(e), e);
        }
    }

    /** Lettuce's message, and the first cause's when it differs (a refused certificate, a refused connection). */
    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = String.valueOf(e.getMessage());
        return root == e || root.getMessage() == null || message.contains(root.getMessage())
                ? message : message + " (" + root.getMessage() + ")";
    }

    /** True when every key hashes to the same cluster slot (always, on a single Redis). */
    private boolean oneSlot(List<String> keys) {
        if (!cluster) return true;
        int slot = io.lettuce.core.cluster.SlotHash.getSlot(keys.get(0));
        for (String k : keys) if (io.lettuce.core.cluster.SlotHash.getSlot(k) != slot) return false;
        return true;
    }

    @Override
    public Taken acquire(List<String> keys, long[] caps, String leaseId, long ttlMillis) throws StoreException {
        if (!oneSlot(keys)) {
            // keys on different cluster nodes: one call per limit, ascending, and give back on a refusal
            for (int i = 0; i < keys.size(); i++) {
                Taken t = acquire(List.of(keys.get(i)), new long[] {caps[i]}, leaseId, ttlMillis);
                if (t.full() >= 0) {
                    if (i > 0) abandon(keys.subList(0, i), leaseId); // expires with the lease if this fails
                    return new Taken(i, t.retryAfterMillis());
                }
            }
            return new Taken(-1, 0);
        }
        String[] args = new String[caps.length + 2];
        args[0] = leaseId;
        args[1] = Long.toString(ttlMillis);
        for (int i = 0; i < caps.length; i++) args[i + 2] = Long.toString(caps[i]);
        List<Object> reply = eval(Script.ACQUIRE, keys, args);
        int full = ((Long) reply.get(0)).intValue() - 1;
        return new Taken(full, (Long) reply.get(1));
    }

    @Override
    public void release(List<String> keys, String leaseId, java.util.function.Consumer<StoreException> onFailure) {
        if (!oneSlot(keys)) {
            for (String k : keys) release(List.of(k), leaseId, onFailure);
            return;
        }
        String[] k = keys.toArray(String[]::new);
        releasesInFlight.incrementAndGet();
        try {
            async.<Long>evalsha(Script.RELEASE.sha, ScriptOutputType.INTEGER, k, leaseId).whenComplete((ok, e) -> {
                if (unwrap(e) instanceof RedisNoScriptException) {
                    // Redis lost its scripts (a restart): EVAL sends the text and caches it again
                    async.<Long>eval(Script.RELEASE.text, ScriptOutputType.INTEGER, k, leaseId)
                            .whenComplete((again, e2) -> released(e2, onFailure));
                } else {
                    released(e, onFailure);
                }
            });
        } catch (RedisException e) {
            released(e, onFailure);
        }
    }

    private void released(Throwable failure, java.util.function.Consumer<StoreException> onFailure) {
        releasesInFlight.decrementAndGet();
        Throwable cause = unwrap(failure);
        if (cause != null) onFailure.accept(new StoreException("Redis: " + cause.getMessage(), cause));
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    @Override
    public boolean extend(List<String> keys, String leaseId, long ttlMillis) throws StoreException {
        if (!oneSlot(keys)) {
            boolean all = true;
            for (String k : keys) all &= extend(List.of(k), leaseId, ttlMillis);
            return all;
        }
        Object reply = eval(Script.EXTEND, keys, leaseId, Long.toString(ttlMillis));
        return Long.valueOf(1).equals(reply);
    }

    @Override
    public Taken throttle(List<String> buckets, long[] intervalsMillis, long[] bursts) throws StoreException {
        if (!oneSlot(buckets)) {
            // across cluster nodes a refusal cannot un-charge the buckets already checked
            for (int i = 0; i < buckets.size(); i++) {
                Taken t = throttle(List.of(buckets.get(i)), new long[] {intervalsMillis[i]}, new long[] {bursts[i]});
                if (t.full() >= 0) return new Taken(i, t.retryAfterMillis());
            }
            return new Taken(-1, 0);
        }
        String[] args = new String[buckets.size() * 2];
        for (int i = 0; i < buckets.size(); i++) {
            args[2 * i] = Long.toString(intervalsMillis[i]);
            args[2 * i + 1] = Long.toString(bursts[i]);
        }
        List<Object> reply = eval(Script.THROTTLE, buckets, args);
        return new Taken(((Long) reply.get(0)).intValue() - 1, (Long) reply.get(1));
    }

    /** The scripts with their SHA-1 digests, which are what {@code SCRIPT LOAD} would answer. */
    private enum Script {
        ACQUIRE(RedisStore.ACQUIRE, ScriptOutputType.MULTI),
        RELEASE(RedisStore.RELEASE, ScriptOutputType.INTEGER),
        EXTEND(RedisStore.EXTEND, ScriptOutputType.INTEGER),
        THROTTLE(RedisStore.THROTTLE, ScriptOutputType.MULTI);

        final String text;
        final String sha;
        final ScriptOutputType type;

        Script(String text, ScriptOutputType type) {
            this.text = text;
            this.type = type;
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                this.sha = java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-1", e);
            }
        }
    }

    /**
     * Puts every script in Redis's cache (on every node of a cluster). At connect, so that even
     * the first release, which nobody waits for, finds its script; again after a NOSCRIPT.
     */
    private void loadScripts() {
        for (Script script : Script.values()) redis.scriptLoad(script.text);
    }

    /**
     * EVALSHA; after NOSCRIPT (Redis restarted, or its scripts were flushed) all scripts are
     * loaded again and the call repeated once.
     */
    @SuppressWarnings("unchecked")
    private <T> T eval(Script script, List<String> keys, String... args) throws StoreException {
        String[] k = keys.toArray(String[]::new);
        try {
            try {
                return (T) redis.evalsha(script.sha, script.type, k, args);
            } catch (RedisNoScriptException e) {
                loadScripts();
                return (T) redis.evalsha(script.sha, script.type, k, args);
            }
        } catch (RedisException e) {
            throw new StoreException("Redis: " + e.getMessage(), e);
        }
    }

    /** Waits (at most the command timeout) for the releases already sent, then disconnects. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (releasesInFlight.get() > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        if (subscription != null) subscription.close();
        connection.close();
        client.shutdown();
    }
}
