package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** humantime as KumoMTA reads durations (kumomta.md §1.3). */
class DurationsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theDocumentedExamples() {
        assertEquals(300 * S, Durations.parse("5 mins"));
        assertEquals(60 * S, Durations.parse("60 seconds"));
        assertEquals(60 * S, Durations.parse("60s"));
        assertEquals(5400 * S, Durations.parse("90m"));
        assertEquals(7200 * S, Durations.parse("2 hours"));
        assertEquals(3 * 86400 * S, Durations.parse("3 days"));
        assertEquals(3600 * S, Durations.parse("1hr"));
        assertEquals(5400 * S, Durations.parse("1h 30m"));
        assertEquals(5400 * S, Durations.parse("1h30m"));
        assertEquals(5400 * S, Durations.parse("1.5h"));
        assertEquals(0, Durations.parse("0"));
        assertEquals(2_630_016 * S, Durations.parse("1M"), "M is months");
    }

    @Test
    void errorsAreHumantimes() {
        assertEquals("time unit needed, for example 60sec or 60ms",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("60")).getMessage());
        assertEquals("unknown time unit \"parsecs\", supported units: ns, us/µs, ms, sec, min, hours, days, weeks, months,"
                + " years (and few variations)", assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 parsecs")).getMessage());
        assertEquals("value was empty", assertThrows(IllegalArgumentException.class, () -> Durations.parse("")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 Mins"), "units are case-sensitive");
        assertEquals("value was empty", assertThrows(IllegalArgumentException.class, () -> Durations.parse("  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1\u0663s"), "only ASCII digits are numbers");
        for (String malformed : new String[] {".5s", "1.s", "1..5s"}) {
            assertEquals("expected number at 0", assertThrows(IllegalArgumentException.class,
                    () -> Durations.parse(malformed), malformed).getMessage(), malformed);
        }
        assertEquals("number is too large", assertThrows(IllegalArgumentException.class,
                () -> Durations.parse("100000000000000000000s")).getMessage());
    }
}
