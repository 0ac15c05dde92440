package io.limitc.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The option names already read in one {@code limits} or {@code settings} map, to report a
 * repeated one. A map holds a few options, so they are scanned; the parser's own detection
 * made a hash set for each of the 100 000 maps of a large file. Past a handful a set takes
 * over, so a hostile map of many options is not quadratic. Maps do not nest in one another,
 * so one instance serves every map of a read, cleared at the start of each.
 */
final class OptionNames {

    private static final int SCANNED = 8;

    private final List<String> few = new ArrayList<>(4);
    private Set<String> many;

    void clear() {
        few.clear();
        many = null;
    }

    /** False when the name was read before in this map. */
    boolean add(String name) {
        if (many != null) return many.add(name);
        for (int i = 0; i < few.size(); i++) {
            if (few.get(i).equals(name)) return false;
        }
        few.add(name);
        if (few.size() > SCANNED) many = new HashSet<>(few);
        return true;
    }
}
