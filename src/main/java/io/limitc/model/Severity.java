package io.limitc.model;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case word used in every output format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
