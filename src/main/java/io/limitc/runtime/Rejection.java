package io.limitc.runtime;

/**
 * Why an acquisition was refused: the limit, its configured value and where it was written,
 * and what nginx would answer (status and log level; 503 and error for Momentum paths).
 */
public record Rejection(LimitDefinition limit, boolean exhausted, int status, String logLevel) {

    @Override
    public String toString() {
        return (exhausted ? "zone of " : "") + "limit " + limit + (exhausted ? " has no room for another key" : " reached");
    }
}
