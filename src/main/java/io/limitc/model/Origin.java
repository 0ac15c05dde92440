package io.limitc.model;

/**
 * Where something was written: a display path and a 1-based span. {@code endColumn} is
 * exclusive (the column after the last character), as in SARIF regions.
 */
public record Origin(String file, int line, int column, int endLine, int endColumn)
        implements Comparable<Origin> {

    /** A zero-width position, for problems that sit between tokens (end of file). */
    public static Origin at(String file, int line, int column) {
        return new Origin(file, line, column, line, column);
    }

    /** The span from the start of {@code this} to the end of {@code last}. */
    public Origin through(Origin last) {
        return new Origin(file, line, column, last.endLine, last.endColumn);
    }

    /** {@code file:line:column}, the form used in messages that point elsewhere. */
    public String position() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Origin o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        if (c != 0) return c;
        c = Integer.compare(column, o.column);
        if (c != 0) return c;
        c = Integer.compare(endLine, o.endLine);
        return c != 0 ? c : Integer.compare(endColumn, o.endColumn);
    }
}
