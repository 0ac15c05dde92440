package io.limitc.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tasks run by a few helper threads as they are added, and by the calling thread once it has
 * added the last: a reading thread can hand over work as it finds it. Loading is a one-off
 * at startup, so the helpers are threads of their own (daemons, gone when done), not a pool
 * a service may have sized or filled for its own work. After a task fails no more are run,
 * and the failure is thrown to the caller.
 */
final class SideBySide<E extends Exception> {

    interface Task<E extends Exception> {
        void run() throws E;
    }

    /** After the last task: each helper takes it, puts it back for the next and ends. */
    private static final Task<?> END = () -> {};

    private final LinkedBlockingQueue<Task<? extends E>> tasks = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();
    private final List<Thread> helpers = new ArrayList<>();

    private SideBySide() {}

    /** Starts {@code threads - 1} helpers, waiting for tasks; {@link #finish()} ends them. */
    static <E extends Exception> SideBySide<E> start(int threads, String name) {
        SideBySide<E> run = new SideBySide<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(run::help, name + "-" + t);
            helper.setDaemon(true);
            helper.start();
            run.helpers.add(helper);
        }
        return run;
    }

    void add(Task<? extends E> task) {
        tasks.add(task);
    }

    private void help() {
        try {
            for (Task<? extends E> task = tasks.take(); task != END; task = tasks.take()) run(task);
        } catch (InterruptedException e) {
            // nobody interrupts these threads; if it happens, the caller runs what is left
        } finally {
            tasks.add(end());
        }
    }

    private void run(Task<? extends E> task) {
        if (failed.get() != null) return;
        try {
            task.run();
        } catch (Throwable e) {
            failed.compareAndSet(null, e);
        }
    }

    /** Runs the tasks no helper has taken, waits for the helpers, and throws the first failure. */
    @SuppressWarnings("unchecked") // a task throws only E or unchecked
    void finish() throws E {
        tasks.add(end());
        for (Task<? extends E> task = tasks.poll(); task != null && task != END; task = tasks.poll()) run(task);
        tasks.add(end()); // for the helpers, if this thread took it
        join();
        Throwable problem = failed.get();
        if (problem instanceof Error e) throw e;
        if (problem instanceof RuntimeException e) throw e;
        if (problem != null) throw (E) problem;
    }

    /** Drops the tasks not yet run and waits for the helpers: for a caller that gives up. */
    void abandon() {
        failed.compareAndSet(null, new IllegalStateException("abandoned"));
        tasks.clear();
        tasks.add(end());
        join();
    }

    @SuppressWarnings("unchecked")
    private Task<? extends E> end() {
        return (Task<? extends E>) END;
    }

    /** Waits for every helper even when interrupted: they write what the caller reads. */
    private void join() {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
