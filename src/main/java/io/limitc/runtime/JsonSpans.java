package io.limitc.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the fields of a JSON object and the elements of an array lie in a UTF-8 text, found
 * by matching brackets and quotes, not by parsing: to hand the parts of a large file to
 * parsers side by side. Each value found is then parsed on its own, and a span that does not
 * hold exactly one value fails that parse, so this only needs to be exact about what lies
 * between the values: JSON's four whitespace characters, a colon after a name, one comma
 * between two. Anything else there, and a name with an escape, gives null: the caller reads
 * the text the ordinary way, which reports the problem.
 */
final class JsonSpans {

    /**
     * A field of an object: its name as written (no escapes), where its value lies, and
     * whether its elements were given to the caller (a list it asked for, holding an array).
     */
    record Field(String name, int from, int to, boolean listed) {}

    /** Takes each element of the lists asked for, as it is found: {@code [from, to)}. */
    interface Elements {
        void element(String list, int index, int from, int to);
    }

    /** The fields of an object, and just past its closing brace. */
    record Fields(List<Field> list, int end) {}

    private JsonSpans() {}

    /**
     * The fields of the object starting at {@code from} (at its '{'), looking no further than
     * {@code limit}, or null; the elements of those {@code lists} picks that hold arrays go
     * to {@code elements} on the way (one pass over the text, so the caller can start on
     * them before it ends).
     */
    static Fields fields(byte[] b, int from, int limit, Predicate<String> lists, Elements elements) {
        if (from >= limit || b[from] != '{') return null;
        List<Field> fields = new ArrayList<>();
        int i = whitespace(b, from + 1, limit);
        if (i < limit && b[i] == '}') return new Fields(fields, i + 1);
        while (i < limit) {
            if (b[i] != '"') return null;
            int close = i + 1;
            while (close < limit && b[close] != '"' && b[close] != '\\') close++;
            if (close == limit || b[close] != '"') return null;
            String name = new String(b, i + 1, close - i - 1, StandardCharsets.UTF_8);
            i = whitespace(b, close + 1, limit);
            if (i == limit || b[i] != ':') return null;
            int value = whitespace(b, i + 1, limit);
            boolean listed = value < limit && b[value] == '[' && lists.test(name);
            int valueEnd = listed ? elements(b, value, limit, name, elements) : valueEnd(b, value, limit);
            if (valueEnd < 0) return null;
            fields.add(new Field(name, value, valueEnd, listed));
            i = whitespace(b, valueEnd, limit);
            if (i < limit && b[i] == '}') return new Fields(fields, i + 1);
            if (i == limit || b[i] != ',') return null;
            i = whitespace(b, i + 1, limit);
        }
        return null;
    }

    /** Gives the elements of the array at {@code from} (at its '['); just past it, or -1. */
    private static int elements(byte[] b, int from, int limit, String list, Elements elements) {
        int i = whitespace(b, from + 1, limit);
        if (i < limit && b[i] == ']') return i + 1;
        for (int index = 0; i < limit; index++) {
            int valueEnd = valueEnd(b, i, limit);
            if (valueEnd < 0) return -1;
            elements.element(list, index, i, valueEnd);
            i = whitespace(b, valueEnd, limit);
            if (i < limit && b[i] == ']') return i + 1;
            if (i == limit || b[i] != ',') return -1;
            i = whitespace(b, i + 1, limit);
        }
        return -1;
    }

    /**
     * Just past the value starting at {@code from}, looking no further than {@code end}, or
     * -1. An object, array or string ends at its closing character; any other value at the
     * next whitespace, comma or closing bracket (its parse judges what it holds).
     */
    static int valueEnd(byte[] b, int from, int end) {
        if (from >= end) return -1;
        byte first = b[from];
        if (first != '{' && first != '[' && first != '"') {
            int i = from;
            while (i < end && !isWhitespace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']') i++;
            return i == from ? -1 : i;
        }
        int depth = 0;
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                // a string: skip to its closing quote; bytes of a multi-byte character are never ASCII
                for (i++; i < end && b[i] != '"'; i++) {
                    if (b[i] == '\\') i++;
                }
                if (i >= end) return -1;
                if (depth == 0) return i + 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) return i + 1;
                if (depth < 0) return -1;
            }
        }
        return -1;
    }

    private static int whitespace(byte[] b, int i, int end) {
        while (i < end && isWhitespace(b[i])) i++;
        return i;
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
