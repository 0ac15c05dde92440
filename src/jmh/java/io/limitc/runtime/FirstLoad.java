package io.limitc.runtime;

import java.nio.file.Path;

/**
 * One {@link Limiter#load(Path)} as the first thing a fresh JVM does, as at a service's start:
 * prints how long the load took. Run by {@code bench/jmh.sh first-load}, one fresh JVM a time,
 * with the JVM's default flags (a service's own, not bin/limitc's).
 */
public final class FirstLoad {

    private FirstLoad() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Limiter limiter = Limiter.load(Path.of(args[0]));
        long took = System.nanoTime() - start;
        if (limiter.stats().isEmpty()) throw new IllegalStateException("nothing loaded from " + args[0]);
        System.out.println("load " + took / 1_000_000 + " ms");
    }
}
