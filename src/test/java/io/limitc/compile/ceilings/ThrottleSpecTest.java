package io.limitc.compile.ceilings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §1.2: ThrottleSpec grammar, canonical display and KumoMTA's error texts. */
class ThrottleSpecTest {

    private static String error(String input) {
        return assertThrows(IllegalArgumentException.class, () -> ThrottleSpec.parse(input)).getMessage();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // every unit spelling, period = unit seconds
        "10/s        | 10/s  | 1",
        "10/sec      | 10/s  | 1",
        "10/second   | 10/s  | 1",
        "10/m        | 10/m  | 60",
        "10/min      | 10/m  | 60",
        "10/minute   | 10/m  | 60",
        "10/h        | 10/h  | 3600",
        "10/hr       | 10/h  | 3600",
        "10/hour     | 10/h  | 3600",
        "10/d        | 10/d  | 86400",
        "10/day      | 10/d  | 86400",
        // pinned and derived examples of §1.2
        "100/hr      | 100/h | 3600",
        "10000/hr    | 10000/h | 3600",
        "20/30minute | 20/1800s | 1800",
        "20/30min    | 20/1800s | 1800",
        "10/60s      | 10/m  | 60",
        "1000/3600s  | 1000/h | 3600",
        "1000/h      | 1000/h | 3600",
        "5/86400s    | 5/d   | 86400",
        "7/1s        | 7/s   | 1",
        "7/2s        | 7/2s  | 2",
        "7/24h       | 7/d   | 86400",
    })
    void parsesAndDisplaysCanonically(String input, String display, long period) {
        ThrottleSpec spec = ThrottleSpec.parse(input);
        assertEquals(display, spec.toString());
        assertEquals(period, spec.periodSeconds());
        assertNull(spec.maxBurst());
        assertFalse(spec.local());
    }

    @Test
    void localPrefixAndOddPeriodKeepTheirDisplay() {
        ThrottleSpec spec = ThrottleSpec.parse("local:100/123m");
        assertEquals(new ThrottleSpec(100, 123 * 60, null, true), spec);
        assertEquals("local:100/7380s", spec.toString());
    }

    @Test
    void burstSuffixRoundTrips() {
        ThrottleSpec spec = ThrottleSpec.parse("50/day,max_burst=1");
        assertEquals(new ThrottleSpec(50, 86400, 1L, false), spec);
        assertEquals("50/d,max_burst=1", spec.toString());
    }

    @Test
    void localAndBurstTogetherRoundTrip() {
        ThrottleSpec spec = ThrottleSpec.parse("local:10/s,max_burst=5");
        assertEquals(new ThrottleSpec(10, 1, 5L, true), spec);
        assertEquals("local:10/s,max_burst=5", spec.toString());
        assertEquals(spec, ThrottleSpec.parse(spec.toString()));
    }

    @Test
    void zeroBurstIsAccepted() {
        assertEquals(0L, ThrottleSpec.parse("10/s,max_burst=0").maxBurst());
    }

    @Test
    void digitSeparatorsInLimitAndBurst() {
        assertEquals(100, ThrottleSpec.parse("1_0,0/hour").limit());
        assertEquals("1000/h,max_burst=1000", ThrottleSpec.parse("1,000/h,max_burst=1_000").toString());
    }

    @Test
    void scaleZeroIsAcceptedAndGivesInfiniteRate() {
        ThrottleSpec spec = ThrottleSpec.parse("1/0s");
        assertEquals(0, spec.periodSeconds());
        assertEquals("1/0s", spec.toString());
        assertEquals(Double.POSITIVE_INFINITY, spec.perSecond());
    }

    @Test
    void perSecondIsLimitOverPeriodAndIgnoresBurst() {
        assertEquals(1000.0, ThrottleSpec.parse("1000/s").perSecond());
        assertEquals(10000.0 / 3600.0, ThrottleSpec.parse("10000/hr").perSecond());
        assertEquals(0.1, ThrottleSpec.parse("6/m,max_burst=1").perSecond());
        assertEquals(100.0 / 60.0, ThrottleSpec.parse("100/min").perSecond());
    }

    @Test
    void momentumStyleBarePeriodIsRejected() {
        assertEquals("invalid period quantity 3600", error("1000/3600"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seconds", "secs", "mins", "minutes", "hours", "hrs", "days", "M", "S", "H", "w", "week", "Sec"})
    void pluralsOtherUnitsAndWrongCaseAreRejected(String unit) {
        assertEquals("unknown period quantity " + unit, error("10/" + unit));
    }

    @Test
    void unitIsWhatFollowsTheScale() {
        assertEquals("unknown period quantity seconds", error("10/5seconds"));
        assertEquals("unknown period quantity  s", error("10/ s"));
    }

    @Test
    void missingSlash() {
        assertEquals("expected 'limit/period', got 100", error("100"));
        assertEquals("expected 'limit/period', got 100", error("local:100,max_burst=3"));
    }

    @Test
    void emptyPeriod() {
        assertEquals("invalid period quantity ", error("10/"));
    }

    @Test
    void badLimitsQuoteTheRawText() {
        assertEquals("invalid limit 'three': invalid digit found in string", error("three/s"));
        assertEquals("invalid limit '10 ': invalid digit found in string", error("10 /s"));
        assertEquals("invalid limit '': cannot parse integer from empty string", error("/s"));
        assertEquals("invalid limit '-5': invalid digit found in string", error("-5/s"));
        assertEquals("invalid limit '99999999999999999999': number too large to fit in target type",
                error("99999999999999999999/s"));
    }

    @Test
    void zeroLimitIsRejected() {
        assertEquals("invalid ThrottleSpec `0/s`: limit must be greater than 0!", error("0/s"));
        assertEquals("invalid ThrottleSpec `0_0/h`: limit must be greater than 0!", error("local:0_0/h,max_burst=2"));
    }

    @Test
    void badBurstIsReportedFirst() {
        assertEquals("invalid limit 'x': invalid digit found in string", error("nope,max_burst=x"));
    }

    @Test
    void periodErrorsComeBeforeLimitErrors() {
        // KumoMTA parses the period before the limit.
        assertEquals("invalid period quantity 3600", error("0/3600"));
        assertEquals("unknown period quantity seconds", error("x/seconds"));
    }

    @Test
    void scaleOverflow() {
        assertEquals("number too big", error("1/99999999999999999999s"));
        // KumoMTA wraps SCALE × UNIT silently; limitc refuses instead.
        assertTrue(error("1/9999999999999999d").startsWith("period overflows u64"));
    }

    @Test
    void leadingPlusIsAcceptedLikeRustParse() {
        assertEquals(5, ThrottleSpec.parse("+5/s").limit());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ThrottleSpec.parse(null));
    }

    @Test
    void unsignedValuesAboveLongMaxDisplayAsU64() {
        ThrottleSpec spec = ThrottleSpec.parse("18446744073709551615/s");
        assertEquals("18446744073709551615/s", spec.toString());
        assertEquals(1.8446744073709552E19, spec.perSecond());
    }
}
