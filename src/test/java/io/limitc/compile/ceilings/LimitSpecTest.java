package io.limitc.compile.ceilings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Spec §1.2: LimitSpec string and integer forms. */
class LimitSpecTest {

    private static String error(String input) {
        return assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse(input)).getMessage();
    }

    @Test
    void plainAndLocalForms() {
        assertEquals(new LimitSpec(10, false), LimitSpec.parse("10"));
        assertEquals(new LimitSpec(10, true), LimitSpec.parse("local:10"));
        assertEquals("10", LimitSpec.parse("10").toString());
        assertEquals("local:10", LimitSpec.parse("local:10").toString());
    }

    @Test
    void digitSeparators() {
        assertEquals(1000, LimitSpec.parse("1_000").limit());
        assertEquals(1000, LimitSpec.parse("1,000").limit());
    }

    @Test
    void zeroIsRejectedQuotingTheTextAfterLocal() {
        assertEquals("invalid LimitSpec `0`: limit must be greater than 0!", error("local:0"));
        assertEquals("invalid LimitSpec `0_0`: limit must be greater than 0!", error("0_0"));
    }

    @Test
    void nonNumericIsRejectedQuotingTheStrippedText() {
        assertEquals("invalid limit 'ten': invalid digit found in string", error("ten"));
        assertEquals("invalid limit '12a': invalid digit found in string", error("1_2a"));
        assertEquals("invalid limit '': cannot parse integer from empty string", error("local:"));
    }

    @Test
    void integerFormMustBeAtLeastOne() {
        assertEquals(new LimitSpec(1, false), LimitSpec.of(1));
        assertEquals("limit must be 1 or larger",
                assertThrows(IllegalArgumentException.class, () -> LimitSpec.of(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LimitSpec.of(-3));
    }
}
