package io.limitc.model;

import java.util.List;

/**
 * A value as written. Neither dialect types values in its lexer, so the model keeps the
 * text and whether it was quoted; option schemas decide what it means.
 */
public sealed interface Value permits Value.Scalar, Value.ListValue, Value.DictValue {

    Origin origin();

    /**
     * A word or a quoted string; {@code text} has its quotes and escapes removed. A record in
     * all but layout: its span is held inline (no Origin object; {@link #origin()} makes one),
     * as a large configuration has hundreds of thousands of values.
     */
    final class Scalar implements Value {
        private final String text;
        private final boolean quoted;
        private final String file;
        private final int line;
        private final int column;
        private final int endLine;
        private final int endColumn;

        public Scalar(String text, boolean quoted, Origin origin) {
            this(text, quoted, origin.file(), origin.line(), origin.column(), origin.endLine(), origin.endColumn());
        }

        /** As {@link #Scalar(String, boolean, Origin)} with the span's parts: a parser need not make an Origin to drop. */
        public Scalar(String text, boolean quoted, String file, int line, int column, int endLine, int endColumn) {
            this.text = text;
            this.quoted = quoted;
            this.file = file;
            this.line = line;
            this.column = column;
            this.endLine = endLine;
            this.endColumn = endColumn;
        }

        public String text() {
            return text;
        }

        public boolean quoted() {
            return quoted;
        }

        @Override
        public Origin origin() {
            return new Origin(file, line, column, endLine, endColumn);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scalar s && quoted == s.quoted && line == s.line && column == s.column
                    && endLine == s.endLine && endColumn == s.endColumn && text.equals(s.text)
                    && java.util.Objects.equals(file, s.file);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(text, quoted, file, line, column, endLine, endColumn);
        }

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
