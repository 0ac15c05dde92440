package io.limitc.model;

import java.util.List;

/**
 * A value as written. Neither dialect types values in its lexer, so the model keeps the
 * text and whether it was quoted; option schemas decide what it means.
 */
public sealed interface Value permits Value.Scalar, Value.ListValue, Value.DictValue {

    Origin origin();

    /** A word or a quoted string; {@code text} has its quotes and escapes removed. */
    record Scalar(String text, boolean quoted, Origin origin) implements Value {
        @Override
        public String toString() {
            return quoted ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text;
        }
    }

    /** {@code ( a "b" c )}: items separated by spaces or commas. */
    record ListValue(List<Value> items, Origin origin) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (Value v : items) sb.append(' ').append(v);
            return sb.append(" )").toString();
        }
    }

    /** {@code [ key = value ... ]}. */
    record DictValue(List<Entry> entries, Origin origin) implements Value {
        public DictValue {
            entries = List.copyOf(entries);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (Entry e : entries) sb.append(' ').append(e.key()).append(" = ").append(e.value());
            return sb.append(" ]").toString();
        }
    }

    record Entry(Scalar key, Value value) {}
}
