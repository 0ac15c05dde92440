package io.limitc.compile.ceilings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Which configuration term produced an {@link EffectiveCeiling} (KumoMTA's
 * {@code CeilingSource}, serde {@code tag="kind"}, snake_case; spec §3.1).
 */
public sealed interface CeilingSource {

    /** The serde tag: {@code primary}, {@code additional}, {@code reconnect_cycling} or {@code other}. */
    String kind();

    /**
     * The {@code source:} term of the rendered block (spec §3.4).
     *
     * @param primaryField the axis's primary field name, used only by {@link Primary}
     */
    String term(String primaryField);

    /** {@code {"kind":"…"}} plus {@code "name"} for the named kinds. */
    default ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind());
        return node;
    }

    static CeilingSource primary() {
        return Primary.INSTANCE;
    }

    static CeilingSource additional(String name) {
        return new Additional(name);
    }

    static CeilingSource reconnectCycling() {
        return ReconnectCycling.INSTANCE;
    }

    static CeilingSource other(String name) {
        return new Other(name);
    }

    /** The axis's own field: connection_limit, max_message_rate, max_connection_rate or source_selection_rate. */
    record Primary() implements CeilingSource {
        static final Primary INSTANCE = new Primary();

        @Override
        public String kind() {
            return "primary";
        }

        @Override
        public String term(String primaryField) {
            return primaryField;
        }
    }

    /** A named entry of the axis's {@code additional_*} map. */
    record Additional(String name) implements CeilingSource {
        public Additional {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kind() {
            return "additional";
        }

        @Override
        public String term(String primaryField) {
            return name;
        }

        @Override
        public ObjectNode toJson() {
            return CeilingSource.super.toJson().put("name", name);
        }
    }

    /** Synthetic {@code max_deliveries_per_connection × max_connection_rate}; message-rate axis only. */
    record ReconnectCycling() implements CeilingSource {
        static final ReconnectCycling INSTANCE = new ReconnectCycling();
        static final String TERM = "max_deliveries_per_connection \u00d7 max_connection_rate";

        @Override
        public String kind() {
            return "reconnect_cycling";
        }

        @Override
        public String term(String primaryField) {
            return TERM;
        }
    }

    /** A layer outside the egress path, e.g. {@code "scheduled queue max_message_rate"}. */
    record Other(String name) implements CeilingSource {
        public Other {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kind() {
            return "other";
        }

        @Override
        public String term(String primaryField) {
            return name;
        }

        @Override
        public ObjectNode toJson() {
            return CeilingSource.super.toJson().put("name", name);
        }
    }
}
