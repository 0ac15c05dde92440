package io.limitc.runtime;

/**
 * Heap used per tracked key: fills an nginx-style zone counter (bounded, so each key has its
 * own state, as nginx's 64-byte states) with one million distinct client addresses (as text,
 * 8 to 11 characters) and divides the heap growth. Run with bench/jmh.sh memory.
 */
public final class MemoryPerKey {

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = used();
        Counter zone = new Counter("perip", keys);
        // the key text is kept by the counter, as nginx keeps the key in its state: count it
        for (int i = 0; i < keys; i++) zone.take("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 10);
        long after = used();
        System.out.printf("%,d keys: %.1f bytes per key, key text included (held %d)%n",
                keys, (after - before) / (double) keys, zone.stats().held());
    }

    private static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
