package io.limitc.compile.ceilings;

import static io.limitc.compile.ceilings.Ceilings.assertAbsent;
import static io.limitc.compile.ceilings.Ceilings.assertCeiling;
import static io.limitc.compile.ceilings.Ceilings.assertDefaultConcurrency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 13 test vectors of spec §3.6, one test each, plus the two extra derived vectors. */
class ConstraintVectorsTest {

    private static EgressPathLimits.Builder path() {
        return EgressPathLimits.builder();
    }

    @Test
    void vector01Defaults() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.defaults());
        assertDefaultConcurrency(c);
        assertAbsent(c.maxMessageRate());
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector02AdditionalConnectionLimitBelowPrimary() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                path().additionalConnectionLimit("provider_shared", 10).build());
        assertCeiling(c.maxConcurrentDispatchers(), 10.0, "additional", "provider_shared", "10");
        assertAbsent(c.maxMessageRate());
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector03PrimaryBelowAdditional() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                path().connectionLimit(4).additionalConnectionLimit("large_pool", 100).build());
        assertCeiling(c.maxConcurrentDispatchers(), 4.0, "primary", null, "4");
        assertAbsent(c.maxMessageRate());
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector04MaxMessageRateOnly() {
        EffectiveConstraints c = EffectiveConstraints.compute(path().maxMessageRate("1000/s").build());
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 1000.0, "primary", null, "1000/s");
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector05AdditionalThrottleShadowsDeclaredRate() {
        EffectiveConstraints c = EffectiveConstraints.compute(path()
                .maxMessageRate("1000/s")
                .additionalMessageRateThrottle("provider_cap", "250/s")
                .build());
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 250.0, "additional", "provider_cap", "250/s");
        assertEquals("1000/s", c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector06SmallestRateWinsAcrossUnits() {
        EffectiveConstraints c = EffectiveConstraints.compute(path()
                .additionalMessageRateThrottle("per_hour", "10/hr")
                .additionalMessageRateThrottle("per_minute", "8/min")
                .additionalMessageRateThrottle("per_second", "5/s")
                .build());
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 10.0 / 3600.0, "additional", "per_hour", "10/h");
        assertEquals(0.00278, c.maxMessageRate().value(), 0.000005);
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector07DisplayKeepsOperatorUnits() {
        EffectiveConstraints c = EffectiveConstraints.compute(path().maxMessageRate("10000/hr").build());
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 10000.0 / 3600.0, "primary", null, "10000/h");
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector08ReconnectCyclingBinds() {
        EffectiveConstraints c = EffectiveConstraints.compute(path()
                .maxMessageRate("1000/s")
                .maxDeliveriesPerConnection(10)
                .maxConnectionRate("10/s")
                .build());
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 100.0, "reconnect_cycling", null, "10 × 10/s = 100/s");
        assertEquals("1000/s", c.maxMessageRateDeclared());
        assertCeiling(c.maxConnectionRate(), 10.0, "primary", null, "10/s");
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector09ReconnectCyclingDoesNotBindWithLargeK() {
        EgressPathLimits p = path().maxMessageRate("1000/s").maxConnectionRate("10/s").build();
        EffectiveConstraints c = EffectiveConstraints.compute(p);
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 1000.0, "primary", null, "1000/s");
        assertNull(c.maxMessageRateDeclared());
        assertCeiling(c.maxConnectionRate(), 10.0, "primary", null, "10/s");
        assertAbsent(c.maxSourceSelectionRate());
        // The synthetic 10240/s candidate exists and loses.
        List<EffectiveCeiling> candidates = EffectiveConstraints.messageRateCandidates(p);
        assertEquals(2, candidates.size());
        assertCeiling(candidates.get(1), 10240.0, "reconnect_cycling", null, "1024 × 10/s = 10240/s");
    }

    @Test
    void vector10ReconnectCyclingWithoutDeclaredRate() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                path().maxDeliveriesPerConnection(5).maxConnectionRate("2/s").build());
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 10.0, "reconnect_cycling", null, "5 × 2/s = 10/s");
        assertNull(c.maxMessageRateDeclared());
        assertCeiling(c.maxConnectionRate(), 2.0, "primary", null, "2/s");
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector11QueueRateBelowPathRate() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                path().maxMessageRate("1000/s").build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("100/s")));
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 100.0, "other", "scheduled queue max_message_rate", "100/s");
        assertEquals("1000/s", c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector12PathRateBelowQueueRate() {
        EffectiveConstraints c = EffectiveConstraints.compute(
                path().maxMessageRate("100/s").build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("1000/s")));
        assertDefaultConcurrency(c);
        assertCeiling(c.maxMessageRate(), 100.0, "primary", null, "100/s");
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void vector13SourceSelectionRate() {
        EffectiveConstraints c = EffectiveConstraints.compute(path().sourceSelectionRate("5/s").build());
        assertDefaultConcurrency(c);
        assertAbsent(c.maxMessageRate());
        assertNull(c.maxMessageRateDeclared());
        assertAbsent(c.maxConnectionRate());
        assertCeiling(c.maxSourceSelectionRate(), 5.0, "primary", null, "5/s");
    }

    @Test
    void derivedShippedShapingDefault() {
        EgressPathLimits p = path()
                .connectionLimit(10)
                .maxConnectionRate("100/min")
                .maxDeliveriesPerConnection(100)
                .maxMessageRate("100/s")
                .build();
        List<EffectiveCeiling> candidates = EffectiveConstraints.messageRateCandidates(p);
        assertEquals(2, candidates.size());
        assertCeiling(candidates.get(0), 100.0, "primary", null, "100/s");
        assertCeiling(candidates.get(1), (100.0 / 60.0) * 100.0, "reconnect_cycling", null, "100 × 100/m = 10000/m");
        assertEquals(166.7, candidates.get(1).value(), 0.05);

        EffectiveConstraints c = EffectiveConstraints.compute(p);
        assertCeiling(c.maxConcurrentDispatchers(), 10.0, "primary", null, "10");
        assertCeiling(c.maxMessageRate(), 100.0, "primary", null, "100/s");
        assertNull(c.maxMessageRateDeclared());
        assertCeiling(c.maxConnectionRate(), 100.0 / 60.0, "primary", null, "100/m");
        assertAbsent(c.maxSourceSelectionRate());
    }

    @Test
    void derivedDefaultKWithConnectionRatePerMinute() {
        EffectiveConstraints c = EffectiveConstraints.compute(path().maxConnectionRate("100/min").build());
        assertCeiling(c.maxMessageRate(), (100.0 / 60.0) * 1024.0, "reconnect_cycling", null,
                "1024 × 100/m = 102400/m");
        assertEquals(1706.67, c.maxMessageRate().value(), 0.005);
        assertNull(c.maxMessageRateDeclared());
        assertCeiling(c.maxConnectionRate(), 100.0 / 60.0, "primary", null, "100/m");
    }
}
