package io.limitc.cli;

import io.limitc.runtime.Bench;
import io.limitc.runtime.ConfigException;
import io.limitc.runtime.LimitStats;
import io.limitc.runtime.ClusterStore;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import io.limitc.runtime.MailPath;
import io.limitc.runtime.redis.RedisStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure acquire+release throughput and latency of a compiled configuration in this process.")
final class BenchCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(paramLabel = "OUT.json", description = "the file limitc compile wrote")
    Path file;

    @Option(names = {"--threads", "--clients"}, defaultValue = "1", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--redis", paramLabel = "URL",
            description = "count the cluster-wide limits on this Redis (redis://host:port, rediss:// for TLS) instead of in-process")
    String redis;

    @Option(names = "--redis-ca", paramLabel = "FILE",
            description = "with rediss://: trust the server certificate signed by this CA (PEM) instead of the JDK's CAs")
    Path redisCa;

    @Option(names = "--duration", defaultValue = "5", description = "seconds to measure, after a warm-up (default: ${DEFAULT-VALUE})")
    double duration;

    @Option(names = "--warmup", paramLabel = "S",
            description = "seconds of unmeasured operations first, for the JIT (default: a quarter of --duration, at most 1)")
    Double warmup;

    @Option(names = "--path", paramLabel = "BINDING,DOMAIN[,HOST]",
            description = "Momentum: one hot path for every thread (default: every binding with every declared domain)")
    String path;

    @Option(names = "--async", description = "Momentum: acquire through Limiter.acquireAsync, --clients acquisitions in flight"
            + " at once and no thread blocked on any (a non-blocking service's way)")
    boolean async;

    @Option(names = "--no-leak-detection", description = "do not register leases with the leak-detecting cleaner")
    boolean noLeakDetection;

    BenchCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Path target = io.workingDirectory().resolve(file);
        Limiter limiter;
        try (InputStream in = Files.newInputStream(target)) {
            LimiterOptions options = new LimiterOptions(!noLeakDetection, null, LimiterOptions.FailurePolicy.DENY, 60_000);
            if (redis != null) {
                try {
                    options = options.withStore(RedisStore.connect(redis, java.time.Duration.ofSeconds(2),
                                    redisCa == null ? null : io.workingDirectory().resolve(redisCa)),
                            LimiterOptions.FailurePolicy.DENY, 60_000);
                } catch (ClusterStore.StoreException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            limiter = Limiter.load(in, options);
        } catch (ConfigException e) {
            io.err().println("limitc: " + file + ": " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        var compiled = new com.fasterxml.jackson.databind.ObjectMapper().readTree(target.toFile());
        Bench.Result r;
        if (compiled.path("dialect").asText().equals("nginx")) {
            List<String> blocks = new ArrayList<>();
            compiled.path("rules").path("nginx").path("blocks").forEach(b -> {
                if (b.path("limits").size() > 0) blocks.add(b.path("id").asText());
            });
            if (blocks.isEmpty()) throw new UsageException("no block of " + file + " holds a limit");
            if (async) throw new UsageException("--async measures Momentum configurations (nginx zones are in-process only)");
            r = Bench.web(limiter, blocks, 10_000, threads, warmup(), duration);
        } else if (async) {
            r = Bench.mailAsync(limiter, paths(compiled), threads, warmup(), duration);
        } else {
            r = Bench.mail(limiter, paths(compiled), threads, warmup(), duration);
        }
        io.out().printf("%s %d, %.1f s: %,d acquire+release per second (%,d operations, %,d granted)%n",
                async ? "async clients" : "threads", r.threads(), r.seconds(), (long) r.perSecond(), r.operations(), r.granted());
        // a store counts the warm-up's calls too: with this, calls per operation are exact
        io.out().printf("warm-up: %,d operations in %.1f s before the measured window%n", r.warmupOperations(), warmup());
        io.out().printf("latency of one acquire+release: p50 %d ns, p99 %d ns%n", r.p50Nanos(), r.p99Nanos());
        io.out().printf("%-60s %8s %12s %10s %10s %8s %9s%n", "counter", "held", "acquired", "rejected", "dry-run", "skipped", "exhausted");
        for (LimitStats s : limiter.stats()) {
            if (s.acquired() + s.rejected() + s.skipped() == 0) continue;
            io.out().printf("%-60s %8d %12d %10d %10d %8d %9d%n", s.name(), s.held(), s.acquired(), s.rejected(),
                    s.dryRunRejected(), s.skipped(), s.exhausted());
        }
        return ExitCodes.OK;
    }

    private double warmup() {
        if (warmup != null && (warmup < 0 || warmup.isNaN())) throw new UsageException("--warmup takes seconds >= 0");
        return warmup != null ? warmup : Bench.defaultWarmup(duration);
    }

    private List<MailPath> paths(com.fasterxml.jackson.databind.JsonNode compiled) {
        if (path != null) {
            String[] p = path.split(",");
            if (p.length < 2) throw new UsageException("--path takes BINDING,DOMAIN[,HOST]");
            return List.of(new MailPath(p[0], p[1], p.length > 2 ? p[2] : null));
        }
        List<String> bindings = new ArrayList<>(List.of("default"));
        compiled.path("sources").forEach(s -> bindings.add(s.path("name").asText()));
        List<String> domains = new ArrayList<>(List.of("bench.example"));
        // domain scopes at every level of the scope tree; a regex one (with a pattern) names no domain
        for (var list : compiled.path("rules").path("momentum").findValues("domains")) {
            list.forEach(s -> {
                if (!s.has("pattern") && domains.size() < 1000) domains.add(s.path("name").asText());
            });
        }
        List<MailPath> out = new ArrayList<>();
        for (String b : bindings) for (String d : domains) if (out.size() < 100_000) out.add(new MailPath(b, d, null));
        return out;
    }
}
