package io.limitc.model;

import java.util.List;

/**
 * One file as read: its display path (relative to the working directory when it lies
 * below it), its text (for source excerpts in diagnostics), its statements and its
 * comments (suppressions live in comments).
 */
public record SourceFile(String path, Dialect dialect, String text, List<Directive> directives,
                         List<Comment> comments) {

    public SourceFile {
        directives = List.copyOf(directives);
        comments = List.copyOf(comments);
    }

    /** A comment; {@code ownLine} when nothing but white space precedes it on its line. */
    public record Comment(String text, Origin origin, boolean ownLine) {}
}
