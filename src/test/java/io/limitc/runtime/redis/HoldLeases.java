package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import io.limitc.runtime.MailPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process for the kill test: takes N cluster leases on (a, shared.example), prints
 * READY and waits to be killed. Args: compiled.json redis-uri N lease-millis.
 */
public final class HoldLeases {

    public static void main(String[] args) throws Exception {
        RedisStore store = RedisStore.connect(args[1], Duration.ofSeconds(2));
        Limiter limiter;
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            limiter = Limiter.load(in, LimiterOptions.defaults().withStore(store, LimiterOptions.FailurePolicy.DENY,
                    Long.parseLong(args[3])));
        }
        List<Acquisition> held = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            Acquisition a = limiter.acquire(new MailPath("a", "shared.example", null));
            if (!a.granted()) throw new IllegalStateException("could not take lease " + i + ": " + a.rejection());
            held.add(a);
        }
        System.out.println("READY " + held.size());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
