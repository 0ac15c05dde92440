package io.limitc.compile.explain;

import io.limitc.compile.CompiledLimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why a connection or request is limited: every limit that applies, connection limits in
 * lease-acquisition order (ascending by limit, stable on ties, so a larger allocation is
 * not taken only to trip over a smaller one; unlimited ones last, never acquired), and
 * the rate limits.
 *
 * @param subject       what was explained, in words
 * @param connection    concurrency limits with how each was found
 * @param rates         rate limits with how each was found
 * @param deliveriesPerConnection max_deliveries_per_connection on the path; 0 when unset or unlimited
 */
public record Explanation(String subject, List<Entry> connection, List<Entry> rates, long deliveriesPerConnection) {

    /** One applicable limit, and why it applies (the precedence step, or "scope-wide", or "inherited"). */
    public record Entry(CompiledLimit limit, String why, boolean dryRun) {}

    public Explanation {
        connection = acquisitionOrder(connection);
        rates = List.copyOf(rates);
    }

    static List<Entry> acquisitionOrder(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        // List.sort is stable: ties keep the order in which the limits were found
        sorted.sort(Comparator.comparingLong(e -> e.limit().unlimited() ? Long.MAX_VALUE : e.limit().limit()));
        return List.copyOf(sorted);
    }
}
