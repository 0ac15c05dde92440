package io.limitc.compile.ceilings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Shared assertions: one ceiling's value, source kind, source name and display. */
final class Ceilings {

    private Ceilings() {}

    /** {@code name} is the additional/other name, or null for primary and reconnect_cycling. */
    static void assertCeiling(EffectiveCeiling c, double value, String kind, String name, String display) {
        assertNotNull(c, "ceiling expected, got none");
        if (Double.isFinite(value)) {
            assertEquals(value, c.value(), Math.ulp(value) * 4, "value");
        } else {
            assertEquals(value, c.value(), "value"); // an infinite delta would accept anything
        }
        assertEquals(kind, c.source().kind(), "source kind");
        String actualName = null;
        if (c.source() instanceof CeilingSource.Additional a) {
            actualName = a.name();
        } else if (c.source() instanceof CeilingSource.Other o) {
            actualName = o.name();
        }
        assertEquals(name, actualName, "source name");
        assertEquals(display, c.display(), "display");
    }

    static void assertDefaultConcurrency(EffectiveConstraints c) {
        assertCeiling(c.maxConcurrentDispatchers(), 32.0, "primary", null, "32");
    }

    static void assertAbsent(EffectiveCeiling c) {
        assertNull(c);
    }
}
