package io.limitc.compile.ceilings;

import static io.limitc.compile.ceilings.Ceilings.assertCeiling;
import static io.limitc.compile.ceilings.Ceilings.assertDefaultConcurrency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Spec §3.3: queue-config layer and the per-axis strict-minimum merge. */
class MergeTest {

    private static EffectiveCeiling other(double value, String name, String display) {
        return new EffectiveCeiling(value, CeilingSource.other(name), display);
    }

    @Test
    void queueConstraintsShape() {
        EffectiveConstraints q = EffectiveConstraints.queueConstraints(ThrottleSpec.parse("100/s"));
        assertCeiling(q.maxConcurrentDispatchers(), Double.POSITIVE_INFINITY, "other", "queue config", "∞");
        assertCeiling(q.maxMessageRate(), 100.0, "other", "scheduled queue max_message_rate", "100/s");
        assertNull(q.maxMessageRateDeclared());
        assertNull(q.maxConnectionRate());
        assertNull(q.maxSourceSelectionRate());
    }

    @Test
    void queueConstraintsWithoutRate() {
        EffectiveConstraints q = EffectiveConstraints.queueConstraints(null);
        assertNull(q.maxMessageRate());
        EffectiveConstraints merged = EffectiveConstraints.compute(EgressPathLimits.defaults(), q);
        assertEquals(EffectiveConstraints.compute(EgressPathLimits.defaults()), merged);
    }

    @Test
    void pathConcurrencyAlwaysBeatsQueueInfinity() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.defaults(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("1/s")));
        assertDefaultConcurrency(c);
    }

    @Test
    void smallerExternalConcurrencyReplaces() {
        EffectiveConstraints ext = new EffectiveConstraints(other(8, "cluster cap", "8"), null, null, null, null);
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.defaults()).merge(ext);
        assertCeiling(c.maxConcurrentDispatchers(), 8.0, "other", "cluster cap", "8");
    }

    @Test
    void equalExternalConcurrencyKeepsPath() {
        EffectiveConstraints ext = new EffectiveConstraints(other(32, "cluster cap", "32"), null, null, null, null);
        assertDefaultConcurrency(EffectiveConstraints.compute(EgressPathLimits.defaults()).merge(ext));
    }

    @Test
    void queueRateFillsAnAbsentPathRateWithoutDeclared() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.defaults(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("100/s")));
        assertCeiling(c.maxMessageRate(), 100.0, "other", "scheduled queue max_message_rate", "100/s");
        assertNull(c.maxMessageRateDeclared());
    }

    @Test
    void declaredSurvivesWhenReconnectCyclingThenQueueWins() {
        // Path: reconnect cycling (100/s) already shadows the declared 1000/s; queue 50/s then wins.
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                        .maxMessageRate("1000/s").maxDeliveriesPerConnection(10).maxConnectionRate("10/s").build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("50/s")));
        assertCeiling(c.maxMessageRate(), 50.0, "other", "scheduled queue max_message_rate", "50/s");
        assertEquals("1000/s", c.maxMessageRateDeclared());
        assertCeiling(c.maxConnectionRate(), 10.0, "primary", null, "10/s");
    }

    @Test
    void largerQueueRateLeavesReconnectCyclingAndDeclared() {
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.builder()
                        .maxMessageRate("1000/s").maxDeliveriesPerConnection(10).maxConnectionRate("10/s").build(),
                EffectiveConstraints.queueConstraints(ThrottleSpec.parse("500/s")));
        assertCeiling(c.maxMessageRate(), 100.0, "reconnect_cycling", null, "10 × 10/s = 100/s");
        assertEquals("1000/s", c.maxMessageRateDeclared());
    }

    @Test
    void otherSidesDeclaredIsIgnored() {
        EffectiveConstraints ext = new EffectiveConstraints(
                other(Double.POSITIVE_INFINITY, "x", "∞"), other(1, "ext", "1/s"), "999/s", null, null);
        EffectiveConstraints c = EffectiveConstraints.compute(EgressPathLimits.defaults()).merge(ext);
        assertCeiling(c.maxMessageRate(), 1.0, "other", "ext", "1/s");
        assertNull(c.maxMessageRateDeclared());
    }

    @Test
    void optionalAxesStrictMinimumNoneSomeAndSomeNone() {
        EffectiveConstraints path = EffectiveConstraints.compute(EgressPathLimits.builder()
                .maxConnectionRate("10/s").sourceSelectionRate("5/s").build());
        EffectiveConstraints ext = new EffectiveConstraints(
                other(Double.POSITIVE_INFINITY, "x", "∞"), null, null,
                other(10, "ext conn", "600/m"), other(4, "ext sel", "4/s"));
        EffectiveConstraints c = path.merge(ext);
        assertCeiling(c.maxConnectionRate(), 10.0, "primary", null, "10/s"); // tie: path wins
        assertCeiling(c.maxSourceSelectionRate(), 4.0, "other", "ext sel", "4/s");
        // Some/None keeps the path's message rate (reconnect cycling, K=1024 × 10/s).
        assertCeiling(c.maxMessageRate(), 10240.0, "reconnect_cycling", null, "1024 × 10/s = 10240/s");

        EffectiveConstraints reversed = EffectiveConstraints.compute(EgressPathLimits.defaults()).merge(ext);
        assertCeiling(reversed.maxConnectionRate(), 10.0, "other", "ext conn", "600/m"); // None/Some takes other
    }

    @Test
    void computeWithNullAdditionalIsThePathAlone() {
        EgressPathLimits p = EgressPathLimits.builder().maxMessageRate("1000/s").build();
        assertEquals(EffectiveConstraints.compute(p), EffectiveConstraints.compute(p, null));
    }
}
