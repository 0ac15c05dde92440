package io.limitc.runtime;

import java.util.List;

/**
 * One limit the runtime enforces.
 *
 * @param name          the compiled name
 * @param limit         connections, or events per period; -1 = unlimited (never counted)
 * @param periodSeconds rate limits: the period; 0 for concurrency limits
 * @param key           the attributes one counter is kept per (empty: one shared counter)
 * @param origin        where the configuration wrote it ({@code file:line:column}), or "default"
 */
public record LimitDefinition(String name, long limit, long periodSeconds, List<String> key, boolean cluster,
                              String option, String origin) {

    public boolean unlimited() {
        return limit < 0;
    }

    @Override
    public String toString() {
        return name + " (" + (unlimited() ? "unlimited" : limit + (periodSeconds > 0 ? "/" + periodSeconds + "s" : ""))
                + ", " + origin + ")";
    }
}
