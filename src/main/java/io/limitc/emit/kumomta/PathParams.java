package io.limitc.emit.kumomta;

import io.limitc.compile.momentum.MomentumIndex.Setting;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * KumoMTA parameters from a set of Momentum assignments (one path's, or one layer's), each
 * with the assignment it came from so the report can say where every option went.
 */
final class PathParams {

    /** One parameter value; {@code from} is null for a Momentum built-in default. */
    record Entry(Object value, Setting from) {
        boolean sameValue(Entry other) {
            return other != null && Objects.equals(value, other.value);
        }
    }

    /**
     * What one chain-resolved option gives the paths that take it: a named throttle, a
     * per-path named limit, or nothing ({@code name == null}: Momentum's "no limit", or a
     * throttle the path owns and gets as max_message_rate). A slot hides broader ones.
     */
    record Slot(String name, Object value, boolean perPath, Setting from) {
        static Slot none(Setting from) {
            return new Slot(null, null, false, from);
        }
    }

    /** Plain {@code make_egress_path} fields: connection_limit, max_message_rate, timeouts... */
    final Map<String, Entry> plain = new TreeMap<>();
    /** Scope-wide connection caps: every path inside the scope shares one count. */
    final Map<String, Entry> caps = new TreeMap<>();
    /** Chain-resolved named limits, by Momentum option. */
    final Map<String, Slot> slots = new TreeMap<>();

    boolean hasNamed() {
        return !caps.isEmpty() || !slots.isEmpty();
    }
}
