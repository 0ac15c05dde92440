package io.limitc.compile.ceilings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The four exact render snapshots of spec §3.6, plus the remaining axes and the queue layer. */
class RenderSnapshotTest {

    @Test
    void snapshotDefaults() {
        assertEquals("""
                ceilings:
                  concurrent dispatchers: 32
                    source: connection_limit
                """, EffectiveConstraints.compute(EgressPathLimits.defaults()).render());
    }

    @Test
    void snapshotReconnectCycling() {
        EgressPathLimits p = EgressPathLimits.builder()
                .maxMessageRate("1000/s")
                .maxDeliveriesPerConnection(10)
                .maxConnectionRate("10/s")
                .build();
        assertEquals("""
                ceilings:
                  concurrent dispatchers: 32
                    source: connection_limit
                  message rate:           10 × 10/s = 100/s
                    source: max_deliveries_per_connection × max_connection_rate
                    declared: max_message_rate = 1000/s ← effectively unreachable
                  connection rate:        10/s
                    source: max_connection_rate
                """, EffectiveConstraints.compute(p).render());
    }

    @Test
    void snapshotScheduledQueueRate() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                EgressPathLimits.builder().maxMessageRate("1000/s").build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("100/s")));
        assertEquals("""
                ceilings:
                  concurrent dispatchers: 32
                    source: connection_limit
                  message rate:           100/s
                    source: scheduled queue max_message_rate
                    declared: max_message_rate = 1000/s ← effectively unreachable
                """, c.render());
    }

    @Test
    void snapshotAdditionalThrottle() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("1000/s")
                .additionalMessageRateThrottle("provider_cap", "250/s")
                .build());
        assertEquals("""
                ceilings:
                  concurrent dispatchers: 32
                    source: connection_limit
                  message rate:           250/s
                    source: provider_cap
                    declared: max_message_rate = 1000/s ← effectively unreachable
                """, c.render());
    }

    @Test
    void specialCharactersAreTheSpecifiedCodePoints() {
        String text = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("1000/s").maxDeliveriesPerConnection(10).maxConnectionRate("10/s").build()).render();
        assertEquals(2, text.chars().filter(ch -> ch == 0x00D7).count()); // the display and the source term
        assertEquals(1, text.chars().filter(ch -> ch == 0x2190).count());
    }

    @Test
    void everyAxisAndPrimaryTermsInOrder() {
        // Derived from §3.4's format rules: axis order, labels padded to 24, primary field names.
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .connectionLimit(LimitSpec.parse("local:8"))
                .maxMessageRate("50/m")
                .maxConnectionRate("local:3/s,max_burst=1")
                .sourceSelectionRate("20/30min")
                .additionalSourceSelectionRate("warmup", "500/d")
                .build());
        assertEquals("""
                ceilings:
                  concurrent dispatchers: 8
                    source: connection_limit
                  message rate:           50/m
                    source: max_message_rate
                  connection rate:        local:3/s,max_burst=1
                    source: max_connection_rate
                  source selection rate:  500/d
                    source: warmup
                """, c.render());
    }

    @Test
    void queueConstraintsAlone() {
        assertEquals("""
                ceilings:
                  concurrent dispatchers: ∞
                    source: queue config
                  message rate:           100/s
                    source: scheduled queue max_message_rate
                """, EffectiveConstraints.queueConstraints(ThrottleSpec.parse("100/s")).render());
    }
}
