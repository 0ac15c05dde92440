package io.limitc.runtime;

import java.util.List;
import java.util.Map;

/**
 * The compiled file exactly as {@code limitc compile} writes it (format limitc-compiled/2),
 * read strictly: every field is named here, and an unknown one is an error. Field names
 * follow the file. An origin is {@code "file:line:column"}, or null for a built-in default.
 */
record CompiledFile(String format, String dialect, List<Limit> concurrency_limits, List<Rate> rate_limits,
                    List<Setting> settings, List<Shadowed> shadowed, List<Source> sources, List<Pool> pools,
                    Rules rules) {

    record Limit(String name, long limit, List<String> key, String scope, boolean cluster, String option, String origin) {}

    record Rate(String name, long limit, long periodSeconds, String rate, List<String> key, String scope, boolean cluster,
                String option, String origin) {

        Limit asLimit() {
            return new Limit(name, limit, key, scope, cluster, option, origin);
        }
    }

    record Setting(String name, String option, String value, String scope, String origin) {}

    record Shadowed(String option, String scope, String value, String origin, String by) {}

    record Source(String name, String address, String ehlo, String origin) {}

    /** {@code ttl}: how long a pool definition is cached (KumoMTA duration; default 60 s). */
    record Pool(String name, List<Entry> entries, String ttl, String origin) {}

    /** A pool entry; a missing weight is 1, as in make_egress_pool. */
    record Entry(String source, Integer weight) {
        int weightOrDefault() {
            return weight == null ? 1 : weight;
        }
    }

    record Rules(Momentum momentum, Nginx nginx) {}

    /** {@code global}: the scope tree, read by {@link ScopeReader}. */
    record Momentum(MomentumRules.Tree global, Map<String, List<String>> chains, Map<String, Long> defaults) {}

    record Nginx(List<Zone> zones, List<Block> blocks) {}

    record Zone(String name, String key, long size, long states, boolean stream, String origin) {}

    record Block(String id, String context, String selector, String parent, List<String> limits, boolean inherited,
                 boolean dryRun, Integer status, String logLevel, String origin) {}
}
