package io.limitc.model;

import java.util.Comparator;

/**
 * One finding. {@code help} (may be null) says how to fix it; the message itself only
 * says what is wrong.
 */
public record Diagnostic(String rule, Severity severity, Origin origin, String message, String help)
        implements Comparable<Diagnostic> {

    public static Diagnostic of(RuleInfo rule, Origin origin, String message) {
        return new Diagnostic(rule.id(), rule.severity(), origin, message, null);
    }

    public static Diagnostic of(RuleInfo rule, Origin origin, String message, String help) {
        return new Diagnostic(rule.id(), rule.severity(), origin, message, help);
    }

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::origin)
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::message);

    @Override
    public int compareTo(Diagnostic o) {
        return ORDER.compare(this, o);
    }
}
