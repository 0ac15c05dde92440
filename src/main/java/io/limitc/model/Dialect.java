package io.limitc.model;

/** The configuration families limitc reads. */
public enum Dialect {
    ECELERITY("Momentum/Ecelerity"),
    NGINX("nginx");

    private final String title;

    Dialect(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
