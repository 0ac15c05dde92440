package io.limitc.runtime;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits' key lists of one read, each held once: nearly every limit of a file has
 * {@code ["binding","domain"]} or {@code ["binding","host"]}. A string equal to the one at
 * the same place of the previous list is taken from it, so a repeated list costs no new
 * strings and no new list (400 000 strings and 200 000 lists in a 100 000-domain file).
 */
final class KeyLists {

    private final Map<List<String>, List<String>> held = new HashMap<>();
    private final List<String> reading = new ArrayList<>();
    private List<String> last = List.of();
    /** Every string of the list being read so far is the previous list's at its place. */
    private boolean repeating;

    /** Starts a list. */
    void start() {
        reading.clear();
        repeating = true;
    }

    /** Adds the string the parser stands on. */
    void add(JsonParser p) throws IOException {
        int i = reading.size();
        if (repeating && i < last.size() && sameText(p, last.get(i))) {
            reading.add(last.get(i));
        } else {
            repeating = false;
            reading.add(p.getText());
        }
    }

    /** The list just read, as an immutable list shared with every equal one. */
    List<String> end() {
        // the previous list again: known without comparing the lists
        if (!repeating || reading.size() != last.size()) {
            List<String> list = held.get(reading);
            if (list == null) {
                list = List.copyOf(reading);
                held.put(list, list);
            }
            last = list;
        }
        return last;
    }

    private static boolean sameText(JsonParser p, String s) throws IOException {
        int length = p.getTextLength();
        if (length != s.length()) return false;
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
