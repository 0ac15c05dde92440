package io.limitc.syntax;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class WordCacheTest {

    @Test
    void aRepeatedWordIsTheSameString() {
        String text = "limit_conn perip 10; limit_conn perip 10;";
        WordCache words = new WordCache(text);
        String first = words.text(11, 15);
        assertEquals("perip", first);
        assertSame(first, words.text(32, 36));
    }

    @Test
    void everyWordReadsAsItsTextWhateverShareSlots() {
        // many more distinct words than slots: collisions must only replace, never answer wrongly
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder();
        int[][] spans = new int[50_000][];
        for (int i = 0; i < spans.length; i++) {
            int start = sb.length();
            int length = 1 + random.nextInt(30);
            for (int c = 0; c < length; c++) sb.append((char) ('a' + random.nextInt(3)));
            spans[i] = new int[] {start, sb.length() - 1};
            sb.append(' ');
        }
        String text = sb.toString();
        WordCache words = new WordCache(text);
        for (int round = 0; round < 2; round++) {
            for (int[] s : spans) assertEquals(text.substring(s[0], s[1] + 1), words.text(s[0], s[1]));
        }
    }
}
