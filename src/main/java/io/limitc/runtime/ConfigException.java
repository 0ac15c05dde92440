package io.limitc.runtime;

/** A compiled file that cannot be loaded: the message names the JSON path and, where known, the limit's origin. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
