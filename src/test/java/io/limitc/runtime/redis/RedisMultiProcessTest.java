package io.limitc.runtime.redis;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three JVM processes × 8 threads contend on the same cluster limits for several seconds,
 * while an independent poller in this process reads the sorted sets straight from Redis:
 * no limit may ever hold more members than its cap.
 */
class RedisMultiProcessTest {

    static final String A_KEY = RedisStoreTest.A_KEY;
    static final String B_KEY = "limitc:lease:binding:b/cluster_max_outbound_connections:b\u0000shared.example\u0000";
    static final String SCOPE_KEY = "limitc:lease:domain:shared.example/cluster_scope_max_outbound_connections:";

    @Test
    void threeProcessesNeverExceedTheLimits() throws Exception {
        try (RedisServer redis = new RedisServer()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Contender.class.getName(),
                        RedisStoreTest.COMPILED.toString(), redis.uri(), "8", "4").redirectErrorStream(true).start());
            }
            AtomicReference<String> violation = new AtomicReference<>();
            AtomicLong polls = new AtomicLong();
            long[] max = new long[3];
            Thread poller = new Thread(() -> {
                while (processes.stream().anyMatch(Process::isAlive)) {
                    long a = redis.zcard(A_KEY);
                    long b = redis.zcard(B_KEY);
                    long scope = redis.zcard(SCOPE_KEY);
                    max[0] = Math.max(max[0], a);
                    max[1] = Math.max(max[1], b);
                    max[2] = Math.max(max[2], scope);
                    polls.incrementAndGet();
                    if (a > 5 || b > 5 || scope > 6) violation.compareAndSet(null, "a=" + a + " b=" + b + " scope=" + scope);
                }
            });
            poller.start();
            long granted = 0;
            for (Process p : processes) {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
                String line;
                String last = null;
                while ((line = out.readLine()) != null) last = line;
                assertEquals(0, p.waitFor(), "contender output: " + last);
                assertTrue(last != null && last.startsWith("GRANTED "), String.valueOf(last));
                granted += Long.parseLong(last.split(" ")[1]);
            }
            poller.join();
            assertNull(violation.get());
            assertTrue(polls.get() > 100, "the poller saw the run: " + polls.get());
            assertEquals(6, max[2], "the domain's cap was reached, and never passed");
            System.out.printf("3 processes x 8 threads, 4 s: %d acquisitions granted; %d polls; peaks a=%d b=%d scope=%d%n",
                    granted, polls.get(), max[0], max[1], max[2]);
            assertEquals(0, redis.zcard(SCOPE_KEY), "every lease was given back");
        }
    }
}
