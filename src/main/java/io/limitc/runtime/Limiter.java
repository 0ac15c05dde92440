package io.limitc.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The runtime core: loads a compiled file once at startup and answers, before a connection
 * is opened or a request served, whether the limits allow it. Concurrency limits are
 * leases, acquired in ascending order of their limit (stable on ties) so a larger
 * allocation is never taken only to trip over a smaller one; a refusal part-way gives back
 * what was taken. Rate throttles are GCRA buckets. A reload replaces the configuration for
 * new acquisitions; leases already held give back to the counters they came from.
 *
 * <p>This package depends on Jackson only, never on limitc's parser or compiler; the Redis
 * store for cluster-wide limits ({@code io.limitc.runtime.redis}) adds Lettuce, an optional
 * dependency.
 */
public final class Limiter {

    private static final int MAX_KEY_BYTES = 255;

    private final AtomicReference<State> state = new AtomicReference<>();
    private final LongAdder leaked = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LimiterOptions options;
    private final boolean leakDetection;
    private volatile long lastWarning;
    /**
     * Made when first needed, not when the class is: a fresh JVM's first System.getLogger costs
     * about 25 ms of a service's start, and only a store failure logs.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.limitc.runtime");
    }

    private Limiter(State initial, LimiterOptions options) {
        state.set(initial);
        this.options = options;
        this.leakDetection = options.leakDetection();
    }

    public static Limiter load(Path file) throws ConfigException, IOException {
        // the size is known: one array of it, where readAllBytes of a stream gathers chunks and
        // copies them (twice the file: 55 MB allocated for the 25 MB of 100 000 domains)
        byte[] bytes = Files.readAllBytes(file);
        return load(() -> ConfigLoader.read(bytes), LimiterOptions.defaults());
    }

    /** Loads with leak detection: a lease never closed is given back when collected, and counted. */
    public static Limiter load(InputStream in) throws ConfigException {
        return load(in, true);
    }

    /**
     * {@code leakDetection = false} saves registering each lease with a cleaner (the
     * largest per-acquisition cost) for services that always close their leases.
     */
    public static Limiter load(InputStream in, boolean leakDetection) throws ConfigException {
        LimiterOptions d = LimiterOptions.defaults();
        return load(in, new LimiterOptions(leakDetection, d.store(), d.onStoreFailure(), d.leaseMillis()));
    }

    /** Loads with a cluster store for the limits compiled as cluster-wide, and its failure policy. */
    public static Limiter load(InputStream in, LimiterOptions options) throws ConfigException {
        return load(() -> ConfigLoader.read(in), options);
    }

    private interface Read {
        CompiledFile read() throws ConfigException;
    }

    private static Limiter load(Read file, LimiterOptions options) throws ConfigException {
        if (options.store() != null) {
            // the lease-id prefix is made while the file is read, not at the first cluster acquisition
            Thread ids = new Thread(() -> LeaseIds.PREFIX.length(), "limitc-lease-ids");
            ids.setDaemon(true);
            ids.start();
        }
        return new Limiter(new State(file.read(), options.store() != null), options);
    }

    /** Replaces the configuration; when the new one fails to load, the old one stays in force. */
    public void reload(InputStream in) throws ConfigException {
        state.set(new State(ConfigLoader.read(in), options.store() != null));
    }

    /** Acquires every connection limit of a Momentum delivery path. */
    public Acquisition acquire(MailPath path) {
        State s = state.get();
        if (s.momentum == null) throw new IllegalStateException("the loaded configuration is nginx's: acquire a block");
        Prepared p = prepared(s, path);
        return take(p.steps(), false, 503, "error");
    }

    /**
     * As {@link #acquire(MailPath)}, without blocking on the cluster store: in-process limits are
     * taken at once, and the future completes when the store answers, on the store's thread
     * (keep what runs there short and non-blocking). It never completes exceptionally for a store
     * failure: the failure policy applies, as in the blocking call.
     */
    public java.util.concurrent.CompletableFuture<Acquisition> acquireAsync(MailPath path) {
        State s = state.get();
        if (s.momentum == null) throw new IllegalStateException("the loaded configuration is nginx's: acquire a block");
        Prepared p = prepared(s, path);
        Step[] steps = p.steps();
        Acquisition local = takeLocal(steps, false, 503, "error");
        if (local != null) return java.util.concurrent.CompletableFuture.completedFuture(local);
        RemoteTake remote = new RemoteTake(steps, 503, "error");
        return options.store().acquireAsync(remote.keys, remote.caps, remote.leaseId, options.leaseMillis())
                .handle((taken, e) -> e == null ? remote.answered(taken) : remote.failed(storeException(e)));
    }

    private static ClusterStore.StoreException storeException(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof ClusterStore.StoreException s ? s : new ClusterStore.StoreException(String.valueOf(cause.getMessage()), cause);
    }

    private static final int MAX_PREPARED = 1 << 20;

    /**
     * Acquires, waiting up to {@code timeout} for room: a waiter is woken when a lease is
     * released (in this process, or anywhere in the cluster through the store) or when the
     * lease that blocks it expires, not by fixed polling.
     */
    public Acquisition acquire(MailPath path, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Acquisition a = acquire(path);
            if (a.granted() || a.rejection().unavailable()) return a;
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) return a;
            if (a.rejection().limit().cluster() && options.store() != null) {
                options.store().awaitRelease(Math.min(left, RETRY_CAP_MILLIS));
            } else {
                synchronized (localRelease) {
                    waiters++;
                    try {
                        localRelease.wait(Math.min(left, RETRY_CAP_MILLIS));
                    } finally {
                        waiters--;
                    }
                }
            }
        }
    }

    /** A waiter re-checks at least this often (a lease of a dead holder expires silently). */
    private static final long RETRY_CAP_MILLIS = 1_000;
    private final Object localRelease = new Object();
    private volatile int waiters;

    /** Wakes local waiters; cheap when nobody waits (the usual case). */
    void released() {
        if (waiters == 0) return;
        synchronized (localRelease) {
            localRelease.notifyAll();
        }
    }

    /** A path's limits resolved and sorted once: what acquire repeats. */
    private record Prepared(Step[] steps) {}

    private static Prepared prepared(State s, MailPath path) {
        Prepared p = s.prepared.get(path);
        if (p == null) {
            p = prepare(s, path);
            // resolution is the slow part; a path is resolved once (the cache is bounded)
            if (s.prepared.size() < MAX_PREPARED) s.prepared.putIfAbsent(path, p);
        }
        return p;
    }

    private static Prepared prepare(State s, MailPath path) {
        List<MomentumRules.Applied> applied = s.momentum.resolve(path, s.concurrencyOptions);
        if (applied == null) throw new IllegalArgumentException("binding \"" + path.binding() + "\" is not configured");
        List<Step> steps = new ArrayList<>();
        for (MomentumRules.Applied a : applied) {
            LimitDefinition def = a.limit();
            if (def.unlimited()) continue; // unlimited limits are never counted
            Counter counter = s.counter(def);
            String key = key(def, path);
            if (s.clusterStore && def.cluster()) {
                // counted in the cluster store; the in-process counter serves the "local" failure policy
                steps.add(new Step(counter, def, key, def.limit(), null, "limitc:lease:" + def.name() + ":" + key));
            } else {
                steps.add(new Step(counter, def, key, def.limit(), counter.unbounded() ? counter.cell(key) : null, null));
            }
        }
        steps.sort(Comparator.comparingLong(Step::cap)); // stable: ties keep their order
        // in-process limits first, then the cluster-wide ones, each part still ascending
        List<Step> ordered = new ArrayList<>(steps.stream().filter(st -> st.remoteKey() == null).toList());
        ordered.addAll(steps.stream().filter(st -> st.remoteKey() != null).toList());
        return new Prepared(ordered.toArray(Step[]::new));
    }

    /**
     * Acquires the limits in force in an nginx block. {@code keyValue} gives the value of a
     * zone's key expression for this request (e.g. the client address for
     * {@code $binary_remote_addr}); an empty value is not counted, as in nginx.
     */
    public Acquisition acquire(String blockId, Function<String, String> keyValue) {
        State s = state.get();
        CompiledFile.Block block = s.blocks.get(blockId);
        if (block == null) throw new IllegalArgumentException("no block " + blockId + " in the configuration");
        List<Step> steps = new ArrayList<>();
        for (String name : block.limits()) {
            LimitDefinition def = s.limits.get(name);
            Counter zone = s.counters.get(s.zoneOf.get(name));
            String value = def.key().isEmpty() ? "" : keyValue.apply(def.key().get(0));
            if (value == null || value.isEmpty()) {
                zone.skipped.increment(); // requests with an empty key are not accounted
                continue;
            }
            if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                zone.skipped.increment(); // nginx logs and skips a key over 255 bytes
                continue;
            }
            steps.add(new Step(zone, def, value, def.limit(), null, null));
        }
        int status = block.status() == null ? 503 : block.status();
        Step[] sorted = steps.toArray(Step[]::new);
        java.util.Arrays.sort(sorted, Comparator.comparingLong(Step::cap)); // stable: ties keep their order
        return take(sorted, block.dryRun(), status, block.logLevel());
    }

    /** One counter to take from; {@code cell} is set when the count cell could be resolved in advance. */
    private record Step(Counter counter, LimitDefinition limit, String key, long cap,
                        java.util.concurrent.atomic.AtomicLong cell, String remoteKey) {}

    private Acquisition take(Step[] steps, boolean dryRun, int status, String logLevel) {
        Acquisition local = takeLocal(steps, dryRun, status, logLevel);
        if (local != null) return local;
        RemoteTake remote = new RemoteTake(steps, status, logLevel);
        try {
            return remote.answered(options.store().acquire(remote.keys, remote.caps, remote.leaseId, options.leaseMillis()));
        } catch (ClusterStore.StoreException e) {
            return remote.failed(e);
        }
    }

    /**
     * Takes the in-process steps: the acquisition's outcome, or null when they were all taken
     * and the cluster-wide steps (which come last) remain.
     */
    private Acquisition takeLocal(Step[] steps, boolean dryRun, int status, String logLevel) {
        int n = 0;
        for (Step step : steps) {
            if (step.remoteKey() != null) return null;
            Counter c = step.counter();
            Counter.Take t = step.cell() != null ? c.take(step.cell(), step.cap()) : c.take(step.key(), step.cap());
            if (t == Counter.Take.TAKEN) {
                n++;
                continue;
            }
            giveBack(steps, n);
            if (t == Counter.Take.EXHAUSTED) c.exhausted.increment();
            if (dryRun) {
                // nginx in dry run: counts the would-be rejection, holds nothing, lets it through
                c.dryRunRejected.increment();
                return new Acquisition(new Lease(Outcome.REJECTED_DRY_RUN, steps, 0, this, null), null);
            }
            c.rejected.increment();
            return new Acquisition(null, new Rejection(step.limit(), t == Counter.Take.EXHAUSTED, false, status, logLevel));
        }
        return new Acquisition(new Lease(Outcome.PASSED, steps, n, this, null), null);
    }

    /** The cluster-wide steps of an acquisition whose in-process steps are taken: one store call for all, all or nothing. */
    private final class RemoteTake {
        private final Step[] steps;
        /** How many in-process steps were taken (they come first). */
        private final int n;
        private final List<Step> remote;
        private final int status;
        private final String logLevel;
        final List<String> keys;
        final long[] caps;
        final String leaseId;

        RemoteTake(Step[] steps, int status, String logLevel) {
            int n = 0;
            while (steps[n].remoteKey() == null) n++;
            this.steps = steps;
            this.n = n;
            this.remote = java.util.Arrays.asList(steps).subList(n, steps.length);
            this.status = status;
            this.logLevel = logLevel;
            keys = new ArrayList<>(remote.size());
            caps = new long[remote.size()];
            for (int i = 0; i < remote.size(); i++) {
                keys.add(remote.get(i).remoteKey());
                caps[i] = remote.get(i).cap();
            }
            // unique across processes: a random per-process prefix and a counter (UUID.randomUUID
            // would serialize every thread on SecureRandom)
            leaseId = LeaseIds.PREFIX + LEASE_SEQUENCE.incrementAndGet();
        }

        Acquisition answered(ClusterStore.Taken taken) {
            if (taken.full() >= 0) {
                giveBack(steps, n);
                Step full = remote.get(taken.full());
                full.counter().rejected.increment();
                return new Acquisition(null, new Rejection(full.limit(), false, false, status, logLevel));
            }
            return new Acquisition(new Lease(Outcome.PASSED, steps, n, Limiter.this,
                    new Lease.Remote(options.store(), keys, caps, leaseId, options.leaseMillis())), null);
        }

        Acquisition failed(ClusterStore.StoreException e) {
            storeFailure(e);
            options.store().abandon(keys, caps, leaseId); // the call may still run after the client gave up
            if (options.onStoreFailure() == LimiterOptions.FailurePolicy.DENY) {
                giveBack(steps, n);
                return new Acquisition(null, new Rejection(remote.get(0).limit(), false, true, status, logLevel));
            }
            // policy local: the same limits, counted in this process until the store is back
            Step[] local = new Step[n + remote.size()];
            System.arraycopy(steps, 0, local, 0, n);
            int m = n;
            for (Step r : remote) {
                if (r.counter().take(r.key(), r.cap()) != Counter.Take.TAKEN) {
                    giveBack(local, m);
                    r.counter().rejected.increment();
                    return new Acquisition(null, new Rejection(r.limit(), false, false, status, logLevel));
                }
                local[m++] = new Step(r.counter(), r.limit(), r.key(), r.cap(), null, null);
            }
            return new Acquisition(new Lease(Outcome.PASSED, local, m, Limiter.this, null), null);
        }
    }

    /**
     * The per-process prefix of cluster lease ids, made when first needed: UUID.randomUUID sets
     * up SecureRandom, about 20 ms of a fresh JVM, which a Limiter without a cluster store never
     * needs (one with a store starts it aside at load, see {@link #load(InputStream, LimiterOptions)}).
     */
    private static final class LeaseIds {
        static final String PREFIX = java.util.UUID.randomUUID().toString().substring(0, 13) + "-";
    }
    /** Shared by every Limiter of the process, so two limiters never hand out the same id. */
    private static final java.util.concurrent.atomic.AtomicLong LEASE_SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    /** Store failures are counted and logged at most every ten seconds: loud, not flooding. */
    void storeFailure(Exception e) {
        storeFailures.increment();
        long now = System.nanoTime();
        if (now - lastWarning > 10_000_000_000L) {
            lastWarning = now;
            Log.LOG.log(System.Logger.Level.WARNING, "cluster store unreachable (" + e.getMessage() + "); policy "
                    + options.onStoreFailure() + (options.onStoreFailure() == LimiterOptions.FailurePolicy.DENY
                    ? ": cluster-wide limits refuse" : ": cluster-wide limits are counted in this process only"));
        }
    }

    /** How many times the cluster store could not be reached. */
    public long storeFailures() {
        return storeFailures.sum();
    }

    /** Gives back the first {@code n} steps' units, last taken first. */
    static void giveBack(Object[] steps, int n) {
        for (int i = n - 1; i >= 0; i--) {
            Step step = (Step) steps[i];
            if (step.cell() != null) step.counter().give(step.cell());
            else step.counter().give(step.key());
        }
    }

    void leakedOne() {
        leaked.increment();
    }

    boolean leakDetection() {
        return leakDetection;
    }

    private static String key(LimitDefinition def, MailPath path) {
        if (def.key().isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (String attribute : def.key()) sb.append(path.attribute(attribute)).append('\u0000');
        return sb.toString();
    }

    /** The result of a rate check: allowed, or the throttle that refused and when to retry. */
    public record Throttled(boolean allowed, LimitDefinition limit, long retryAfterNanos) {}

    /**
     * Takes one event of {@code kind} ("messages" or "connections") from every throttle of the
     * path: the chain's, the host's and the cluster one. All must allow it, or none is charged.
     */
    public Throttled throttle(MailPath path, String kind, long nowNanos) {
        State s = state.get();
        Set<String> throttles = Set.of("outbound_throttle_" + kind, "cluster_outbound_throttle_" + kind);
        List<MomentumRules.Applied> applied = s.momentum.resolve(path, new LinkedHashSet<>(throttles));
        List<LimitDefinition> taken = new ArrayList<>();
        List<LimitDefinition> remote = new ArrayList<>();
        for (MomentumRules.Applied a : applied) {
            LimitDefinition rate = a.limit();
            if (rate.unlimited()) continue;
            if (s.clusterStore && rate.cluster()) {
                remote.add(rate); // one store call for all of them, after the in-process ones
                continue;
            }
            Gcra.Result r = s.gcra.take(rate.name(), rate, nowNanos);
            if (!r.allowed()) {
                for (LimitDefinition t : taken) s.gcra.undo(t.name(), t);
                return new Throttled(false, rate, r.retryAfterNanos());
            }
            taken.add(rate);
        }
        if (remote.isEmpty()) return new Throttled(true, null, 0);
        List<String> buckets = new ArrayList<>();
        long[] intervals = new long[remote.size()];
        long[] bursts = new long[remote.size()];
        for (int i = 0; i < remote.size(); i++) {
            LimitDefinition r = remote.get(i);
            buckets.add("limitc:rate:" + r.name());
            intervals[i] = Math.max(1, r.periodSeconds() * 1000 / r.limit());
            bursts[i] = r.limit();
        }
        try {
            ClusterStore.Taken t = options.store().throttle(buckets, intervals, bursts);
            if (t.full() < 0) return new Throttled(true, null, 0);
            for (LimitDefinition l : taken) s.gcra.undo(l.name(), l);
            return new Throttled(false, remote.get(t.full()), t.retryAfterMillis() * 1_000_000);
        } catch (ClusterStore.StoreException e) {
            storeFailure(e);
            if (options.onStoreFailure() == LimiterOptions.FailurePolicy.DENY) {
                for (LimitDefinition l : taken) s.gcra.undo(l.name(), l);
                return new Throttled(false, remote.get(0), 0);
            }
            for (LimitDefinition r : remote) {
                Gcra.Result g = s.gcra.take(r.name(), r, nowNanos);
                if (!g.allowed()) {
                    for (LimitDefinition l : taken) s.gcra.undo(l.name(), l);
                    return new Throttled(false, r, g.retryAfterNanos());
                }
                taken.add(r);
            }
            return new Throttled(true, null, 0);
        }
    }

    /**
     * The pool's selector. A pool definition is cached for its ttl (default 60 s), as KumoMTA
     * caches make_egress_pool: after that it is read again from the configuration in force,
     * and a new selector starts its sequence afresh.
     */
    public WeightedRoundRobin pool(String name, long nowNanos) {
        State s = state.get();
        CompiledFile.Pool def = s.poolDefinitions.get(name);
        if (def == null) throw new IllegalArgumentException("no pool " + name);
        CachedPool cached = s.pools.compute(name, (k, c) -> {
            if (c != null && nowNanos - c.loadedAt() < c.ttlNanos()) return c;
            long ttl = def.ttl() == null ? DEFAULT_POOL_TTL : Durations.parse(def.ttl());
            return new CachedPool(new WeightedRoundRobin(def.entries().stream().map(CompiledFile.Entry::source).toList(),
                    def.entries().stream().map(CompiledFile.Entry::weightOrDefault).toList()), nowNanos, ttl);
        });
        return cached.selector();
    }

    private static final long DEFAULT_POOL_TTL = 60_000_000_000L;

    private record CachedPool(WeightedRoundRobin selector, long loadedAt, long ttlNanos) {}

    public List<LimitStats> stats() {
        List<LimitStats> out = new ArrayList<>();
        State s = state.get();
        if (s.momentum == null) {
            for (Counter c : s.counters.values()) out.add(c.stats());
            return out;
        }
        for (LimitDefinition def : s.connectionLimits) {
            Counter c = s.counters.get(def.name());
            out.add(c != null ? c.stats() : new LimitStats(def.name(), 0, 0, 0, 0, 0, 0));
        }
        return out;
    }

    /** Leases that were never closed and were given back by the garbage collector. */
    public long leaked() {
        return leaked.sum();
    }

    /** The concurrency limits that apply to a path, in acquisition order (for explanations and bench). */
    public List<LimitDefinition> limitsFor(MailPath path) {
        State s = state.get();
        List<LimitDefinition> out = new ArrayList<>();
        for (MomentumRules.Applied a : s.momentum.resolve(path, s.concurrencyOptions)) out.add(a.limit());
        out.sort(Comparator.comparingLong(d -> d.unlimited() ? Long.MAX_VALUE : d.limit()));
        return Collections.unmodifiableList(out);
    }

    /** One loaded configuration with its counters. */
    private static final class State {
        /** The limits listed at the top of the file (nginx's; Momentum's inbound ones): Momentum's scopes hold theirs. */
        final Map<String, LimitDefinition> limits = new HashMap<>();
        /** Momentum: every connection limit, in the order stats lists them. */
        final List<LimitDefinition> connectionLimits = new ArrayList<>();
        /** nginx: one per zone, made at load; Momentum: one per connection limit, made when a path first takes it. */
        final Map<String, Counter> counters;
        final Map<String, String> zoneOf = new HashMap<>();
        final Map<String, CompiledFile.Block> blocks = new HashMap<>();
        final Map<String, CompiledFile.Pool> poolDefinitions = new HashMap<>();
        final Map<String, CachedPool> pools = new java.util.concurrent.ConcurrentHashMap<>();
        final Gcra gcra = new Gcra();
        final MomentumRules momentum;
        final Set<String> concurrencyOptions = new LinkedHashSet<>();
        final java.util.concurrent.ConcurrentHashMap<MailPath, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();

        final boolean clusterStore;

        State(CompiledFile f, boolean clusterStore) throws ConfigException {
            this.clusterStore = clusterStore;
            for (CompiledFile.Limit l : f.concurrency_limits()) limits.put(l.name(), definition(l, 0));
            for (CompiledFile.Rate r : f.rate_limits()) limits.put(r.name(), definition(r.asLimit(), r.periodSeconds()));
            for (CompiledFile.Pool p : f.pools()) poolDefinitions.put(p.name(), p);
            if (f.rules().momentum() != null) {
                momentum = new MomentumRules(f.rules().momentum());
                for (LimitDefinition def : limits.values()) if (def.periodSeconds() == 0) connectionLimits.add(def);
                // ties are acquired in the order the options first appear among the limits sorted by name
                // (the scopes' least names are gathered as the tree is built)
                Map<String, String> first = new HashMap<>(momentum.leastNames());
                for (LimitDefinition def : connectionLimits) {
                    first.merge(def.option(), def.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
                for (LimitDefinition def : momentum.limits()) if (def.periodSeconds() == 0) connectionLimits.add(def);
                first.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> concurrencyOptions.add(e.getKey()));
                concurrencyOptions.addAll(momentum.defaults().keySet());
                connectionLimits.addAll(momentum.defaults().values());
                // 100 000 limits, of which one process may use a few: a counter is made on first use
                counters = new java.util.concurrent.ConcurrentHashMap<>();
            } else {
                momentum = null;
                counters = new LinkedHashMap<>();
                for (CompiledFile.Zone z : f.rules().nginx().zones()) {
                    counters.put(z.name(), new Counter(z.name(), z.states() > 0 ? z.states() : Long.MAX_VALUE));
                }
                for (CompiledFile.Limit l : f.concurrency_limits()) {
                    String zone = l.scope().startsWith("zone ") ? l.scope().substring(5) : l.name();
                    counters.computeIfAbsent(zone, z -> new Counter(z, Long.MAX_VALUE));
                    zoneOf.put(l.name(), zone);
                }
                for (CompiledFile.Block b : f.rules().nginx().blocks()) blocks.put(b.id(), b);
            }
        }

        /** A Momentum limit's counter. */
        Counter counter(LimitDefinition def) {
            return counters.computeIfAbsent(def.name(), name -> new Counter(name, Long.MAX_VALUE));
        }

        private static LimitDefinition definition(CompiledFile.Limit l, long period) {
            return new LimitDefinition(l.name(), l.limit(), period, l.key(), l.cluster(), l.option(),
                    l.origin() == null ? "default" : l.origin());
        }
    }
}
