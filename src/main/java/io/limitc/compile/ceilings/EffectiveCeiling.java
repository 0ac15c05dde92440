package io.limitc.compile.ceilings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The ceiling on one axis (spec §3.1).
 *
 * @param value   events per second on rate axes, a count on the concurrency axis
 * @param source  which term produced it
 * @param display the operator's own units (ThrottleSpec display), or the bare count
 */
public record EffectiveCeiling(double value, CeilingSource source, String display) {

    public EffectiveCeiling {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(display, "display");
    }

    /** A rate ceiling: value from the spec, display is the spec's canonical text. */
    static EffectiveCeiling ofRate(ThrottleSpec spec, CeilingSource source) {
        return new EffectiveCeiling(spec.perSecond(), source, spec.toString());
    }

    /**
     * True when this value is strictly below {@code other}'s. {@link Double#compare} orders
     * like Rust's {@code f64::total_cmp} for every value KumoMTA's comment reasons about:
     * {@code +∞} above all finite values and NaN above {@code +∞}, so neither wins a tie-free min.
     */
    boolean isLessThan(EffectiveCeiling other) {
        return Double.compare(value, other.value) < 0;
    }

    /**
     * {@code {"value":…, "source":{…}, "display":"…"}}. A non-finite value is written as
     * {@code null}, which is what serde_json does with {@code +∞} and NaN.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (Double.isFinite(value)) {
            node.put("value", value);
        } else {
            node.putNull("value");
        }
        node.set("source", source.toJson());
        node.put("display", display);
        return node;
    }
}
