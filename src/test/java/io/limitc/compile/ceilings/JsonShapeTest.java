package io.limitc.compile.ceilings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Spec §3.1: the serde JSON shape, key order and null handling. */
class JsonShapeTest {

    @Test
    void defaultsHaveEveryKeyWithNulls() {
        assertEquals("{\"max_concurrent_dispatchers\":{\"value\":32.0,\"source\":{\"kind\":\"primary\"},\"display\":\"32\"},"
                        + "\"max_message_rate\":null,\"max_message_rate_declared\":null,"
                        + "\"max_connection_rate\":null,\"max_source_selection_rate\":null}",
                EffectiveConstraints.compute(EgressPathLimits.defaults()).toJson().toString());
    }

    @Test
    void reconnectCyclingExampleFromTheDocs() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("1000/s").maxDeliveriesPerConnection(10).maxConnectionRate("10/s").build());
        assertEquals("{\"max_concurrent_dispatchers\":{\"value\":32.0,\"source\":{\"kind\":\"primary\"},\"display\":\"32\"},"
                        + "\"max_message_rate\":{\"value\":100.0,\"source\":{\"kind\":\"reconnect_cycling\"},"
                        + "\"display\":\"10 × 10/s = 100/s\"},"
                        + "\"max_message_rate_declared\":\"1000/s\","
                        + "\"max_connection_rate\":{\"value\":10.0,\"source\":{\"kind\":\"primary\"},\"display\":\"10/s\"},"
                        + "\"max_source_selection_rate\":null}",
                c.toJson().toString());
    }

    @Test
    void namedSourcesCarryTheirName() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                EgressPathLimits.builder().additionalConnectionLimit("provider_shared", 10).build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("100/s")));
        assertEquals("{\"kind\":\"additional\",\"name\":\"provider_shared\"}",
                c.toJson().get("max_concurrent_dispatchers").get("source").toString());
        assertEquals("{\"kind\":\"other\",\"name\":\"scheduled queue max_message_rate\"}",
                c.toJson().get("max_message_rate").get("source").toString());
    }

    @Test
    void infiniteQueueConcurrencySerializesAsNullLikeSerdeJson() {
        var json = EffectiveConstraints.queueConstraints(null).toJson();
        assertTrue(json.get("max_concurrent_dispatchers").get("value").isNull());
        assertEquals("∞", json.get("max_concurrent_dispatchers").get("display").asText());
        assertEquals("{\"kind\":\"other\",\"name\":\"queue config\"}",
                json.get("max_concurrent_dispatchers").get("source").toString());
    }
}
