package io.limitc.compile;

import io.limitc.model.Origin;

import java.util.List;

/**
 * One limit of the compiled configuration, in the vocabulary both dialects share.
 *
 * @param name    stable, readable, derived from where it is defined (never {@code kumomta.}-prefixed)
 * @param type    {@code concurrency} or {@code rate}
 * @param limit   the count (concurrent connections, or events per period); -1 = unlimited, never acquired
 * @param periodSeconds rate limits: the period of {@code limit}; 0 for concurrency
 * @param key     what one counter is kept per: attribute names such as {@code binding}, {@code domain},
 *                or the nginx key expression; empty = one counter shared by every path the limit applies to
 * @param scope   the scope that defines it, as a path
 * @param cluster counted cluster-wide (Redis) rather than per process
 * @param option  the option or directive that declared it
 * @param origin  where it was written (file relative to the first input); null for built-in defaults
 */
public record CompiledLimit(String name, String type, long limit, long periodSeconds, List<String> key, String scope,
                            boolean cluster, String option, Origin origin) {

    public CompiledLimit {
        key = List.copyOf(key);
    }

    public boolean unlimited() {
        return limit < 0;
    }

    /** {@code 60/20s}, {@code 10/m}: the rate in the operator's units (KumoMTA's canonical periods). */
    public String rate() {
        if (!type.equals("rate")) return null;
        if (limit < 0) return "unlimited";
        String unit = switch ((int) Math.min(periodSeconds, Integer.MAX_VALUE)) {
            case 1 -> "s";
            case 60 -> "m";
            case 3600 -> "h";
            case 86400 -> "d";
            default -> periodSeconds + "s";
        };
        return limit + "/" + unit;
    }
}
