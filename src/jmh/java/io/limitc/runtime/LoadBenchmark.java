package io.limitc.runtime;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Limiter.load of a compiled 100 000-domain Momentum configuration (the file is read into
 * memory first, so the disk is not measured). {@code cold}: the first load in a fresh JVM,
 * as at service startup (one shot per fork); {@code warm}: after the JIT has settled.
 * Compile the file first: bench/gen-momentum.py 100000 target/bench-momentum.conf, then
 * limitc compile target/bench-momentum.conf -o target/bench-momentum.json.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    byte[] compiled;

    @Setup
    public void read() throws Exception {
        compiled = Files.readAllBytes(Path.of(System.getProperty("limitc.compiled.large", "target/bench-momentum.json")));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Limiter cold() throws Exception {
        return Limiter.load(new ByteArrayInputStream(compiled));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public Limiter warm() throws Exception {
        return Limiter.load(new ByteArrayInputStream(compiled));
    }
}
