package io.limitc.runtime;

/**
 * Why an acquisition was refused: the limit, its configured value and where it was written,
 * and what nginx would answer (status and log level; 503 and error for Momentum paths).
 * {@code unavailable}: a cluster-wide limit could not be checked (store unreachable, policy deny).
 */
public record Rejection(LimitDefinition limit, boolean exhausted, boolean unavailable, int status, String logLevel) {

    @Override
    public String toString() {
        if (unavailable) return "limit " + limit + " is counted cluster-wide and the cluster store is unreachable";
        return (exhausted ? "zone of " : "") + "limit " + limit + (exhausted ? " has no room for another key" : " reached");
    }
}
