package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionNamesTest {

    /** A repeat is found among a few names (scanned) and among many (a set), and after a clear nothing is remembered. */
    @Test
    void repeatsAreFoundBeforeAndAfterTheSetTakesOver() {
        OptionNames names = new OptionNames();
        for (int i = 0; i < 20; i++) {
            assertTrue(names.add("option" + i));
            assertFalse(names.add("option" + i));
            assertFalse(names.add("option0"));
        }
        names.clear();
        assertTrue(names.add("option0"));
        assertTrue(names.add("option19"));
        assertFalse(names.add("option19"));
    }
}
