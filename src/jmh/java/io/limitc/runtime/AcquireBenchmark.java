package io.limitc.runtime;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Acquire+release of one Momentum path (example site, binding mkt2: four limits) on one
 * thread and on eight threads sharing the hot key. Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AcquireBenchmark {

    @Param({"true", "false"})
    public boolean leakDetection;

    Limiter limiter;
    final MailPath path = new MailPath("mkt2", "bench.example", null);

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path compiled = Path.of(System.getProperty("limitc.compiled", "target/bench-site.json"));
        try (var in = Files.newInputStream(compiled)) {
            limiter = Limiter.load(in, leakDetection);
        }
    }

    @Benchmark
    @Threads(1)
    public boolean oneThread() {
        return acquireRelease();
    }

    @Benchmark
    @Threads(8)
    public boolean eightThreadsHotKey() {
        return acquireRelease();
    }

    private boolean acquireRelease() {
        Acquisition a = limiter.acquire(path);
        if (!a.granted()) return false;
        a.lease().close();
        return true;
    }
}
