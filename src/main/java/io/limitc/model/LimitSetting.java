package io.limitc.model;

import java.util.List;

/**
 * The typed view of one limit a configuration declares, the same for every dialect:
 * which limit (its canonical name), which value as written, the scope path it sits in
 * (outermost first; empty for global), and the statement that wrote it.
 */
public record LimitSetting(String limit, Value value, List<ScopeStep> scope, Directive written) {

    public LimitSetting {
        scope = List.copyOf(scope);
    }

    public Origin origin() {
        return written.nameAt();
    }

    /** One step of a scope path: a stanza or block kind, its instance name (or null), where it opened. */
    public record ScopeStep(String kind, String name, Origin origin) {
        @Override
        public String toString() {
            return name == null ? kind : kind + " \"" + name + "\"";
        }
    }

    /** {@code binding_group "g" > binding "b" > domain "x"}, or {@code global}. */
    public String scopePath() {
        if (scope.isEmpty()) return "global";
        StringBuilder sb = new StringBuilder();
        for (ScopeStep s : scope) sb.append(sb.length() == 0 ? "" : " > ").append(s);
        return sb.toString();
    }
}
