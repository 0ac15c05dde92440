package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sequences of kumomta.md §4.3, measured against KumoMTA's own selector. */
class WeightedRoundRobinTest {

    private static List<Integer> picks(List<Integer> weights, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) names.add(String.valueOf(i));
        WeightedRoundRobin wrr = new WeightedRoundRobin(names, weights);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Integer.parseInt(wrr.next()));
        return out;
    }

    @Test
    void weights532StartWithTheFirstPassOverEntriesOneToNMinusOne() {
        assertEquals(List.of(1, 2, 0, 0, 0, 2, 0, 1, 2, 0, 1, 2, 0), picks(List.of(5, 2, 3), 13));
    }

    @Test
    void weights31() {
        assertEquals(List.of(1, 0, 0, 0, 1, 0, 0, 0), picks(List.of(3, 1), 8));
    }

    @Test
    void hundredPicksOver532Give50And20And30() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : picks(List.of(5, 2, 3), 100)) counts.merge(p, 1, Integer::sum);
        assertEquals(Map.of(0, 50, 1, 20, 2, 30), counts);
    }

    @Test
    void weightZeroNeverChosenSingleEntryAlwaysEmptyPoolNone() {
        WeightedRoundRobin wrr = new WeightedRoundRobin(List.of("a", "off", "b"), List.of(1, 0, 1));
        for (int i = 0; i < 10; i++) assertEquals(i % 2 == 0 ? "b" : "a", wrr.next());
        WeightedRoundRobin single = new WeightedRoundRobin(List.of("only"), List.of(7));
        assertEquals("only", single.next());
        assertEquals("only", single.next());
        assertNull(new WeightedRoundRobin(List.of(), List.of()).next());
        assertNull(new WeightedRoundRobin(List.of("off"), List.of(0)).next());
    }

    @Test
    void equalWeightsArePlainRoundRobin() {
        assertEquals(List.of(1, 2, 0, 1, 2, 0), picks(List.of(4, 4, 4), 6));
    }
}
