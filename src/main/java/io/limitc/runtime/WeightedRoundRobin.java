package io.limitc.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * KumoMTA's egress-pool selection (kumomta.md §4.3): classic LVS weighted round-robin,
 * including its first pass over entries 1..n-1 (the state starts at index 0, weight 0).
 * Weight-0 entries never take part. Thread-safe; one selector per pool (KumoMTA keeps one
 * per scheduled queue).
 */
public final class WeightedRoundRobin {

    private final List<String> names;
    private final int[] weights;
    private final int gcd;
    private final int max;
    private int index;
    private int current;

    public WeightedRoundRobin(List<String> names, List<Integer> weights) {
        List<String> kept = new ArrayList<>();
        List<Integer> kw = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (weights.get(i) > 0) {
                kept.add(names.get(i));
                kw.add(weights.get(i));
            }
        }
        this.names = List.copyOf(kept);
        this.weights = kw.stream().mapToInt(Integer::intValue).toArray();
        int g = 0;
        int m = 0;
        for (int w : this.weights) {
            g = gcd(g, w);
            m = Math.max(m, w);
        }
        this.gcd = g;
        this.max = m;
    }

    /** The next source, or null for an empty pool. */
    public synchronized String next() {
        int n = names.size();
        if (n == 0) return null;
        if (n == 1) return names.get(0);
        while (true) {
            index = (index + 1) % n;
            if (index == 0) {
                current = Math.max(0, current - gcd);
                if (current == 0) current = max;
            }
            if (weights[index] >= current) return names.get(index);
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
