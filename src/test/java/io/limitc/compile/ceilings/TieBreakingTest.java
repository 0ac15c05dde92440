package io.limitc.compile.ceilings;

import static io.limitc.compile.ceilings.Ceilings.assertCeiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Spec §3.5: every tie-breaking row, with limitc's insertion order standing in for map order. */
class TieBreakingTest {

    @Test
    void concurrencyPrimaryBeatsEqualAdditional() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .connectionLimit(10).additionalConnectionLimit("shared", 10).build());
        assertCeiling(c.maxConcurrentDispatchers(), 10.0, "primary", null, "10");
    }

    @Test
    void concurrencyEqualAdditionalsFirstInMapOrder() {
        EffectiveConstraints ab = EffectiveConstraints.compute(EgressPathLimits.builder()
                .additionalConnectionLimit("a", 5).additionalConnectionLimit("b", 5).build());
        assertCeiling(ab.maxConcurrentDispatchers(), 5.0, "additional", "a", "5");
        EffectiveConstraints ba = EffectiveConstraints.compute(EgressPathLimits.builder()
                .additionalConnectionLimit("b", 5).additionalConnectionLimit("a", 5).build());
        assertCeiling(ba.maxConcurrentDispatchers(), 5.0, "additional", "b", "5");
    }

    @Test
    void concurrencyDisplayDropsLocal() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .additionalConnectionLimit("node", LimitSpec.parse("local:3")).build());
        assertCeiling(c.maxConcurrentDispatchers(), 3.0, "additional", "node", "3");
    }

    @Test
    void messageRateThreeWayTiePrimaryWins() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("100/s")
                .additionalMessageRateThrottle("a", "100/s")
                .maxDeliveriesPerConnection(10)
                .maxConnectionRate("10/s")
                .build());
        assertCeiling(c.maxMessageRate(), 100.0, "primary", null, "100/s");
        assertNull(c.maxMessageRateDeclared());
    }

    @Test
    void messageRateTieWithoutPrimaryAdditionalBeatsReconnectCycling() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .additionalMessageRateThrottle("a", "100/s")
                .additionalMessageRateThrottle("b", "100/s")
                .maxDeliveriesPerConnection(10)
                .maxConnectionRate("10/s")
                .build());
        assertCeiling(c.maxMessageRate(), 100.0, "additional", "a", "100/s");
    }

    @Test
    void tiesCompareValuesNotDisplays() {
        // 3600/h and 1/s are both exactly 1.0/s: the primary keeps its own units.
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("3600/h").additionalMessageRateThrottle("per_sec", "1/s").build());
        assertCeiling(c.maxMessageRate(), 1.0, "primary", null, "3600/h");
    }

    @Test
    void sourceSelectionTiePrimaryThenMapOrder() {
        EffectiveConstraints withPrimary = EffectiveConstraints.compute(EgressPathLimits.builder()
                .sourceSelectionRate("60/m").additionalSourceSelectionRate("x", "1/s").build());
        assertCeiling(withPrimary.maxSourceSelectionRate(), 1.0, "primary", null, "60/m");
        EffectiveConstraints without = EffectiveConstraints.compute(EgressPathLimits.builder()
                .additionalSourceSelectionRate("y", "2/s").additionalSourceSelectionRate("x", "2/s").build());
        assertCeiling(without.maxSourceSelectionRate(), 2.0, "additional", "y", "2/s");
    }

    @Test
    void pathWinsTiesAgainstExternalLayer() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                EgressPathLimits.builder().maxMessageRate("100/s").build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("6000/m")));
        assertCeiling(c.maxMessageRate(), 100.0, "primary", null, "100/s");
        assertNull(c.maxMessageRateDeclared());
    }

    @Test
    void infiniteRateLosesToAnyFiniteValue() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("1/0s").additionalMessageRateThrottle("huge", "1000000/s").build());
        assertCeiling(c.maxMessageRate(), 1000000.0, "additional", "huge", "1000000/s");
        assertEquals("1/0s", c.maxMessageRateDeclared());
    }

    @Test
    void nanLosesToEverything() {
        // K = 0 with a period-0 connection rate gives (1/0) × 0 = NaN for reconnect cycling.
        EgressPathLimits p = EgressPathLimits.builder()
                .maxMessageRate("1/0s").maxDeliveriesPerConnection(0).maxConnectionRate("1/0s").build();
        EffectiveCeiling synthetic = EffectiveConstraints.messageRateCandidates(p).get(1);
        assertTrue(Double.isNaN(synthetic.value()));
        assertEquals("0 × 1/0s = 0/0s", synthetic.display());
        EffectiveConstraints c = EffectiveConstraints.compute(p);
        // NaN sorts above +∞, so the infinite primary still wins.
        assertCeiling(c.maxMessageRate(), Double.POSITIVE_INFINITY, "primary", null, "1/0s");
        assertNull(c.maxMessageRateDeclared());
    }

    @Test
    void zeroDeliveriesPerConnectionMakesReconnectCyclingZero() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxMessageRate("5/s").maxDeliveriesPerConnection(0).maxConnectionRate("10/s").build());
        assertCeiling(c.maxMessageRate(), 0.0, "reconnect_cycling", null, "0 × 10/s = 0/s");
        assertEquals("5/s", c.maxMessageRateDeclared());
    }

    @Test
    void reconnectCyclingTotalSaturatesAtU64Max() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxDeliveriesPerConnection(-1L) // usize::MAX as an unsigned bit pattern
                .maxConnectionRate("2/s")
                .build());
        assertEquals("18446744073709551615 × 2/s = 18446744073709551615/s", c.maxMessageRate().display());
    }

    @Test
    void reconnectCyclingDisplayKeepsConnectionRateLocalAndBurstButTotalDropsThem() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxDeliveriesPerConnection(4)
                .maxConnectionRate("local:3/2m,max_burst=1")
                .build());
        assertCeiling(c.maxMessageRate(), (3.0 / 120.0) * 4.0, "reconnect_cycling", null,
                "4 × local:3/120s,max_burst=1 = 12/120s");
    }
}
