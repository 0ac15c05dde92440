package io.limitc.runtime.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.limitc.runtime.ClusterStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cluster-wide leases on Redis: one sorted set per limit and key (member = lease id, score =
 * expiry in milliseconds of the Redis server's clock, never the client's), taken with one
 * EVALSHA per acquisition for all the path's cluster limits, all or nothing. Every key gets
 * an expiry beyond its longest lease, so abandoned keys vanish. A release is not waited for: it
 * goes out at once, or, while other releases are on their way, with the next batch or inside the
 * next acquisition (the same script, so no acquisition overtakes a release it did not carry).
 * Lettuce's connection is thread-safe and reconnects on its own.
 *
 * <p>Key layout: {@code limitc:lease:<limit name>:<counter key>}, a ZSET of lease ids scored by
 * expiry (ms); {@code limitc:rate:<limit name>}, a string holding the GCRA theoretical arrival
 * time (ms). Inspect with {@code redis-cli ZRANGE limitc:lease:<name>:<key> 0 -1 WITHSCORES}.
 */
public final class RedisStore implements ClusterStore {

    /**
     * Gives back the leases listed after the first {@code n} keys, then takes one slot of each
     * of the first {@code n} keys (ascending) if every one has room, else answers the first full
     * key's index. With {@code n = 0} it is the release script, so releases and acquisitions
     * share one text and a release can ride along with an acquisition.
     *
     * <p>KEYS: the n keys to take, then one key per lease given back. ARGV: lease id, ttl (ms),
     * n, the n caps, then (lease id, cap) per key given back.
     *
     * <p>Expired leases are swept only from a key that looks full (its count includes them), so
     * a key never holds more members than its cap and the usual acquisition is TIME, ZCARD,
     * ZADD, PEXPIRE: every {@code redis.call} costs Redis about 1.5 µs. {@code allow-oom}: over
     * {@code maxmemory} the leases are still counted in Redis (see RedisMaxmemoryTest). The
     * key's expiry is only ever moved out ({@code GT}, Redis 7), so it never falls below another
     * process's longer lease; a key that did not exist has no expiry to compare with. Only a
     * release from a full key is announced: no one waits on a key with room.
     */
    static final String ACQUIRE = """
            #!lua flags=allow-oom
            local n = tonumber(ARGV[3])
            local wake = false
            for i = n + 1, #KEYS do
              local at = n + 2 * (i - n) + 2
              if redis.call('ZREM', KEYS[i], ARGV[at]) == 1
                  and redis.call('ZCARD', KEYS[i]) + 1 >= tonumber(ARGV[at + 1]) then
                wake = true
              end
            end
            if wake then redis.call('PUBLISH', 'limitc:released', '') end
            if n == 0 then return {0, 0} end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local ttl = tonumber(ARGV[2])
            local held = {}
            for i = 1, n do
              local key = KEYS[i]
              local cap = tonumber(ARGV[i + 3])
              local count = redis.call('ZCARD', key)
              if count >= cap then
                redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
                count = redis.call('ZCARD', key)
                if count >= cap then
                  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                  local wait = 0
                  if first[2] then wait = tonumber(first[2]) - now end
                  return {i, wait}
                end
              end
              held[i] = count
            end
            for i = 1, n do
              redis.call('ZADD', KEYS[i], now + ttl, ARGV[1])
              if held[i] == 0 then
                redis.call('PEXPIRE', KEYS[i], ttl + 1000)
              else
                redis.call('PEXPIRE', KEYS[i], ttl + 1000, 'GT')
              end
            end
            return {0, 0}
            """;

    /** The channel a release from a full key is announced on, so waiters retry at once. */
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
    /** Releases not yet answered (pending or sent): what {@link #close()} waits for. */
    private final java.util.concurrent.atomic.AtomicLong releasesInFlight = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Releases waiting to go out (one Redis): with the next acquisition, or as the next batch
     * once the batch in flight is answered. Non-empty only while a batch is in flight.
     */
    private final Object pendingLock = new Object();
    private GiveBacks pending = new GiveBacks();
    private boolean batchInFlight;

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
        // a release announced while the subscription was being opened was not heard: the
        // caller tries again at once, and from now on hears every one
        if (subscribe()) return;
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

    /** One pub/sub connection per store, opened when someone first waits; true when this call opened it. */
    private boolean subscribe() {
        if (subscription != null) return false;
        synchronized (this) {
            if (subscription != null) return false;
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
            return true;
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

    /** Waits for {@link #acquireAsync}: every call it makes has Lettuce's command timeout, this bound is a backstop. */
    @Override
    public Taken acquire(List<String> keys, long[] caps, String leaseId, long ttlMillis) throws StoreException {
        CompletableFuture<Taken> answer = acquireAsync(keys, caps, leaseId, ttlMillis);
        try {
            // at most: the call, the scripts reloaded after NOSCRIPT, the call again
            return answer.get(3 * timeout.toNanos() + 100_000_000L, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw storeException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(false);
            throw new StoreException("Redis: no answer within " + 3 * timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            answer.cancel(false);
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for Redis", e);
        }
    }

    /**
     * Sends the acquisition and returns at once; the answer completes on Lettuce's event-loop
     * thread (a failure as a {@link StoreException}), so nothing there may block. After NOSCRIPT
     * the scripts are loaded again and the call is sent once more, still without blocking.
     */
    @Override
    public CompletableFuture<Taken> acquireAsync(List<String> keys, long[] caps, String leaseId, long ttlMillis) {
        if (!oneSlot(keys)) return acquireEach(keys, caps, leaseId, ttlMillis, 0);
        List<String> allKeys = new ArrayList<>(keys);
        List<String> args = new ArrayList<>(caps.length + 3);
        args.add(leaseId);
        args.add(Long.toString(ttlMillis));
        args.add(Integer.toString(keys.size()));
        for (long cap : caps) args.add(Long.toString(cap));
        GiveBacks carried = null;
        RedisFuture<List<Object>> reply;
        // taken and dispatched under one lock, so no call overtakes a release it did not carry
        synchronized (pendingLock) {
            if (!cluster && !pending.isEmpty()) {
                carried = pending;
                pending = new GiveBacks();
                carried.appendTo(allKeys, args);
            }
            try {
                reply = dispatch(allKeys, args);
            } catch (RedisException e) { // refused before it was sent (the connection is closed)
                StoreException failure = new StoreException("Redis: " + e.getMessage(), e);
                if (carried != null) carried.done(failure);
                return CompletableFuture.failedFuture(failure);
            }
        }
        GiveBacks given = carried;
        return reply.toCompletableFuture()
                .exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
                        // the releases carried are given back again: ZREM of a lease gone does nothing
                        ? reloadScripts().thenCompose(loaded -> dispatch(allKeys, args).toCompletableFuture())
                        : CompletableFuture.failedFuture(e))
                .handle((answer, e) -> {
                    StoreException failure = e == null ? null : storeException(e);
                    if (given != null) given.done(failure);
                    if (failure != null) throw new java.util.concurrent.CompletionException(failure);
                    return new Taken(((Long) answer.get(0)).intValue() - 1, (Long) answer.get(1));
                });
    }

    /** Keys on different cluster nodes: one call per limit, ascending, and give back on a refusal. */
    private CompletableFuture<Taken> acquireEach(List<String> keys, long[] caps, String leaseId, long ttlMillis, int i) {
        if (i == keys.size()) return CompletableFuture.completedFuture(new Taken(-1, 0));
        return acquireAsync(List.of(keys.get(i)), new long[] {caps[i]}, leaseId, ttlMillis).thenCompose(t -> {
            if (t.full() < 0) return acquireEach(keys, caps, leaseId, ttlMillis, i + 1);
            // expires with the lease if this fails
            if (i > 0) abandon(keys.subList(0, i), Arrays.copyOf(caps, i), leaseId);
            return CompletableFuture.completedFuture(new Taken(i, t.retryAfterMillis()));
        });
    }

    private RedisFuture<List<Object>> dispatch(List<String> keys, List<String> args) {
        return async.evalsha(Script.ACQUIRE.sha, ScriptOutputType.MULTI, keys.toArray(String[]::new), args.toArray(String[]::new));
    }

    /** {@link #loadScripts()} without blocking (a cluster loads them on every node). */
    private CompletableFuture<Void> reloadScripts() {
        return CompletableFuture.allOf(java.util.stream.Stream.of(Script.values())
                .map(script -> async.scriptLoad(script.text).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    private static StoreException storeException(Throwable e) {
        Throwable cause = unwrap(e);
        return cause instanceof StoreException s ? s : new StoreException("Redis: " + cause.getMessage(), cause);
    }

    /**
     * On one Redis a release waits while a batch of releases is on its way, and then goes with
     * the next batch, or with an acquisition sent before that: under load releases cost no call
     * of their own. On Redis Cluster, where leases of one batch could live on different nodes,
     * each release is its own call.
     */
    @Override
    public void release(List<String> keys, long[] caps, String leaseId, Consumer<StoreException> onFailure) {
        if (cluster) {
            if (!oneSlot(keys)) {
                for (int i = 0; i < keys.size(); i++) release(List.of(keys.get(i)), new long[] {caps[i]}, leaseId, onFailure);
                return;
            }
            GiveBacks one = new GiveBacks();
            one.add(keys, caps, leaseId, onFailure);
            send(one, false);
            return;
        }
        synchronized (pendingLock) {
            pending.add(keys, caps, leaseId, onFailure);
            if (batchInFlight) return;
            batchInFlight = true;
            sendPending();
        }
    }

    /** Under the lock: dispatched in the order taken, so no acquisition overtakes them. */
    private void sendPending() {
        GiveBacks batch = pending;
        pending = new GiveBacks();
        send(batch, true);
    }

    /** Sends releases without waiting; a batch's answer sends the releases that came meanwhile. */
    private void send(GiveBacks batch, boolean batched) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("", "0", "0"));
        batch.appendTo(keys, args);
        String[] k = keys.toArray(String[]::new);
        String[] a = args.toArray(String[]::new);
        try {
            async.<List<Object>>evalsha(Script.ACQUIRE.sha, ScriptOutputType.MULTI, k, a).whenComplete((ok, e) -> {
                if (unwrap(e) instanceof RedisNoScriptException) {
                    // Redis lost its scripts (a restart): EVAL sends the text and caches it again
                    async.<List<Object>>eval(Script.ACQUIRE.text, ScriptOutputType.MULTI, k, a)
                            .whenComplete((again, e2) -> sent(batch, batched, e2));
                } else {
                    sent(batch, batched, e);
                }
            });
        } catch (RedisException e) {
            sent(batch, batched, e);
        }
    }

    private void sent(GiveBacks batch, boolean batched, Throwable failure) {
        Throwable cause = unwrap(failure);
        batch.done(cause == null ? null : new StoreException("Redis: " + cause.getMessage(), cause));
        if (!batched) return;
        synchronized (pendingLock) {
            if (pending.isEmpty()) {
                batchInFlight = false;
            } else {
                sendPending();
            }
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Releases gathered to go out in one call: per key, the lease id and the cap it was taken under. */
    private final class GiveBacks {
        private final List<String> keys = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final List<Consumer<StoreException>> onFailure = new ArrayList<>();

        void add(List<String> leaseKeys, long[] caps, String leaseId, Consumer<StoreException> failure) {
            for (int i = 0; i < leaseKeys.size(); i++) {
                keys.add(leaseKeys.get(i));
                args.add(leaseId);
                args.add(Long.toString(caps[i]));
            }
            onFailure.add(failure);
            releasesInFlight.incrementAndGet();
        }

        boolean isEmpty() {
            return onFailure.isEmpty();
        }

        void appendTo(List<String> callKeys, List<String> callArgs) {
            callKeys.addAll(keys);
            callArgs.addAll(args);
        }

        /** Answered: each release's failure (null: given back) goes to its holder. */
        void done(StoreException failure) {
            releasesInFlight.addAndGet(-onFailure.size());
            if (failure != null) for (Consumer<StoreException> c : onFailure) c.accept(failure);
        }
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
