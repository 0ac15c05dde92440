package io.limitc.syntax;

/**
 * The text of short tokens, the same {@code String} each time a word repeats ({@code perip},
 * {@code 10m}, {@code /}): a large configuration then holds one copy of each, and a repeated
 * word is not even allocated. Direct-mapped, so it costs a fixed 16 KB and no bookkeeping; a
 * collision only replaces the slot. For Latin-1 text, where token indexes are string indexes.
 */
public final class WordCache {

    private static final int SLOTS = 4096;
    /** Longer words are rarely repeated (host names, paths, URLs). */
    private static final int LONGEST = 24;

    private final String text;
    private final String[] slots = new String[SLOTS];

    public WordCache(String text) {
        this.text = text;
    }

    /** {@code text.substring(start, stop + 1)}, shared with earlier equal words where it can be. */
    public String text(int start, int stop) {
        int length = stop - start + 1;
        if (length > LONGEST) return text.substring(start, stop + 1);
        int h = 0;
        for (int i = start; i <= stop; i++) h = 31 * h + text.charAt(i);
        int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.length() == length && text.regionMatches(start, cached, 0, length)) return cached;
        cached = text.substring(start, stop + 1);
        slots[slot] = cached;
        return cached;
    }
}
