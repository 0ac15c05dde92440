package io.limitc.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Measures acquire+release on a loaded configuration: throughput over several threads and
 * latency percentiles (every 8th operation is timed), from threads that block on each acquisition
 * or from clients that don't. What `limitc bench` prints.
 */
public final class Bench {

    /** The figures of one run; {@code warmupOperations} ran before the measured window (a store counts them too). */
    public record Result(int threads, double seconds, long operations, long granted, long p50Nanos, long p99Nanos,
                         long warmupOperations) {
        public double perSecond() {
            return operations / seconds;
        }
    }

    private Bench() {}

    /** The default warm-up before the measured window: a quarter of it, at most one second. */
    public static double defaultWarmup(double seconds) {
        return Math.min(1.0, seconds / 4);
    }

    /** A Momentum run over the given paths (or one hot path), for {@code seconds} after {@code warmup} seconds. */
    public static Result mail(Limiter limiter, List<MailPath> paths, int threads, double warmup, double seconds)
            throws InterruptedException {
        MailPath[] all = paths.toArray(MailPath[]::new);
        return run(threads, warmup, seconds, random -> {
            Acquisition a = limiter.acquire(all[all.length == 1 ? 0 : random.nextInt(all.length)]);
            if (!a.granted()) return false;
            a.lease().close();
            return true;
        });
    }

    /**
     * A Momentum run through {@link Limiter#acquireAsync}: {@code clients} acquisitions in flight
     * at once and no thread of its own for any of them. Each client sends its next acquisition
     * from the thread that completed the last one (the store's), as a non-blocking service would.
     */
    public static Result mailAsync(Limiter limiter, List<MailPath> paths, int clients, double warmup, double seconds)
            throws InterruptedException {
        MailPath[] all = paths.toArray(MailPath[]::new);
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(clients);
        AsyncClient[] running = new AsyncClient[clients];
        for (int c = 0; c < clients; c++) running[c] = new AsyncClient(limiter, all, new SplittableRandom(42 + c), warmupEnd, end, done);
        for (AsyncClient c : running) c.next();
        if (!done.await((long) ((warmup + seconds) * 1000) + 60_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the asynchronous clients did not finish within a minute of the end");
        }
        long[] ops = new long[clients];
        long[] granted = new long[clients];
        long[] warm = new long[clients];
        long[][] samples = new long[clients][];
        int[] sampled = new int[clients];
        for (int c = 0; c < clients; c++) {
            AsyncClient a = running[c];
            if (a.failure != null) throw new IllegalStateException("an asynchronous acquisition failed", a.failure);
            ops[c] = a.operations;
            granted[c] = a.granted;
            warm[c] = a.warmupOperations;
            samples[c] = a.samples;
            sampled[c] = a.sampled;
        }
        return result(clients, seconds, ops, granted, warm, samples, sampled);
    }

    /** One client of {@link #mailAsync}; only one thread at a time runs it (the one completing its acquisition). */
    private static final class AsyncClient {
        private final Limiter limiter;
        private final MailPath[] paths;
        private final SplittableRandom random;
        private final long warmupEnd;
        private final long end;
        private final java.util.concurrent.CountDownLatch done;
        final long[] samples = new long[1 << 20];
        int sampled;
        long operations;
        long granted;
        long warmupOperations;
        Throwable failure;

        AsyncClient(Limiter limiter, MailPath[] paths, SplittableRandom random, long warmupEnd, long end,
                    java.util.concurrent.CountDownLatch done) {
            this.limiter = limiter;
            this.paths = paths;
            this.random = random;
            this.warmupEnd = warmupEnd;
            this.end = end;
            this.done = done;
        }

        /** Acquires until the run ends; an acquisition the store answers later continues on the store's thread. */
        void next() {
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= end) {
                    done.countDown();
                    return;
                }
                var answer = limiter.acquireAsync(paths[paths.length == 1 ? 0 : random.nextInt(paths.length)]);
                if (!answer.isDone()) {
                    answer.whenComplete((a, e) -> {
                        if (e != null) {
                            failure = e;
                            done.countDown();
                            return;
                        }
                        finish(a, t0);
                        next();
                    });
                    return;
                }
                finish(answer.join(), t0);
            }
        }

        private void finish(Acquisition a, long t0) {
            long t1 = System.nanoTime();
            boolean ok = a.granted();
            if (ok) a.lease().close();
            if (t0 < warmupEnd) {
                warmupOperations++;
                return;
            }
            operations++;
            if (ok) granted++;
            if ((operations & 7) == 0 && sampled < samples.length) samples[sampled++] = t1 - t0;
        }
    }

    /** An nginx run over the blocks that hold limits, with client keys drawn from {@code clients} addresses. */
    public static Result web(Limiter limiter, List<String> blocks, int clients, int threads, double warmup, double seconds)
            throws InterruptedException {
        String[] ids = blocks.toArray(String[]::new);
        String[] addresses = new String[clients];
        for (int i = 0; i < clients; i++) addresses[i] = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        return run(threads, warmup, seconds, random -> {
            String client = addresses[random.nextInt(addresses.length)];
            Function<String, String> keys = expr -> expr.contains("remote_addr") ? client : "bench.example";
            Acquisition a = limiter.acquire(ids[random.nextInt(ids.length)], keys);
            if (!a.granted()) return false;
            a.lease().close();
            return true;
        });
    }

    private interface Op {
        boolean run(SplittableRandom random);
    }

    private static Result run(int threads, double warmup, double seconds, Op op) throws InterruptedException {
        long[][] samples = new long[threads][];
        long[] ops = new long[threads];
        long[] warmupOps = new long[threads];
        long[] granted = new long[threads];
        int[] sampleCount = new int[threads];
        List<Thread> workers = new ArrayList<>();
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        for (int t = 0; t < threads; t++) {
            int me = t;
            samples[t] = new long[1 << 20];
            Thread w = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(42 + me);
                long warm = 0;
                for (; System.nanoTime() < warmupEnd; warm++) op.run(random); // let the JIT settle first
                warmupOps[me] = warm;
                long end = warmupEnd + (long) (seconds * 1e9);
                long n = 0;
                long ok = 0;
                while (true) {
                    for (int i = 0; i < 8; i++) {
                        if (op.run(random)) ok++;
                    }
                    long t0 = System.nanoTime();
                    if (op.run(random)) ok++;
                    long t1 = System.nanoTime();
                    n += 9;
                    if (sampleCount[me] < samples[me].length) samples[me][sampleCount[me]++] = t1 - t0;
                    if (t1 >= end) break;
                }
                ops[me] = n;
                granted[me] = ok;
            });
            workers.add(w);
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) w.join();
        return result(threads, seconds, ops, granted, warmupOps, samples, sampleCount);
    }

    private static Result result(int threads, double seconds, long[] ops, long[] granted, long[] warmupOps,
                                 long[][] samples, int[] sampleCount) {
        long total = Arrays.stream(ops).sum();
        long ok = Arrays.stream(granted).sum();
        int all = Arrays.stream(sampleCount).sum();
        long[] merged = new long[all];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples[t], 0, merged, at, sampleCount[t]);
            at += sampleCount[t];
        }
        Arrays.sort(merged);
        long p50 = merged.length == 0 ? 0 : merged[merged.length / 2];
        long p99 = merged.length == 0 ? 0 : merged[Math.min(merged.length - 1, (int) (merged.length * 0.99))];
        return new Result(threads, seconds, total, ok, p50, p99, Arrays.stream(warmupOps).sum());
    }
}
