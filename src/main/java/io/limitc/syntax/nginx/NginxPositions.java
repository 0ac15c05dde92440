package io.limitc.syntax.nginx;

import io.limitc.model.Directive;
import io.limitc.model.Origin;

/**
 * nginx reports a directive's problems at the line its lexer is on: the line of the ";"
 * or "{" that ends the directive (nginx.md §1.8). limitc keeps that line and, when the
 * offending word is on it, that word's column and span.
 */
public final class NginxPositions {

    private NginxPositions() {}

    /** The position to report a problem with {@code word} (or the directive) at. */
    public static Origin reported(Directive d, Origin word) {
        Origin end = terminator(d);
        if (word != null && word.line() == end.line() && word.endLine() == end.line()) return word;
        if (word == null && d.nameAt().line() == end.line()) return d.nameAt();
        return end;
    }

    /** Where the ";" or "{" ending the directive is. */
    public static Origin terminator(Directive d) {
        if (d.opening() != null) return d.opening();
        Origin o = d.origin();
        return new Origin(o.file(), o.endLine(), Math.max(1, o.endColumn() - 1), o.endLine(), o.endColumn());
    }
}
