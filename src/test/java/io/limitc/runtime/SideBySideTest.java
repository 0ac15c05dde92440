package io.limitc.runtime;

import org.junit.jupiter.api.RepeatedTest;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Every task runs once, whoever takes it; a failure reaches the caller; nothing waits for ever. */
class SideBySideTest {

    @RepeatedTest(20)
    void everyTaskRunsOnceAndTheHelpersEnd() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int threads = 1; threads <= 4; threads++) {
                AtomicIntegerArray ran = new AtomicIntegerArray(500);
                SideBySide<RuntimeException> run = SideBySide.start(threads, "test");
                for (int i = 0; i < 500; i++) {
                    int task = i;
                    run.add(() -> ran.incrementAndGet(task));
                    if (i % 100 == 0) Thread.yield(); // helpers take some while tasks are still being added
                }
                run.finish();
                for (int i = 0; i < 500; i++) assertEquals(1, ran.get(i), "task " + i + " with " + threads + " threads");
            }
        });
    }

    @RepeatedTest(20)
    void aFailureIsThrownAndNoMoreTasksRun() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            AtomicInteger after = new AtomicInteger();
            SideBySide<IOException> run = SideBySide.start(3, "test");
            run.add(() -> {
                throw new IOException("broken");
            });
            Thread.sleep(20);
            for (int i = 0; i < 100; i++) run.add(after::incrementAndGet);
            IOException e = assertThrows(IOException.class, run::finish);
            assertEquals("broken", e.getMessage());
            assertEquals(0, after.get());
        });
    }

    @RepeatedTest(20)
    void abandoningWaitsForTheHelpersAndDropsTheRest() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            AtomicInteger ran = new AtomicInteger();
            SideBySide<RuntimeException> run = SideBySide.start(2, "test");
            for (int i = 0; i < 1000; i++) run.add(ran::incrementAndGet);
            run.abandon();
            int seen = ran.get();
            Thread.sleep(10);
            assertEquals(seen, ran.get(), "nothing runs once abandoned");
        });
    }
}
