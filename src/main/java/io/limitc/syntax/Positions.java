package io.limitc.syntax;

import io.limitc.model.Origin;
import io.limitc.model.Value;
import org.antlr.v4.runtime.Token;

/** Converts ANTLR token positions (0-based columns, code points) into origins. */
public final class Positions {

    private Positions() {}

    public static Origin of(String file, Token token) {
        if (token.getType() == Token.EOF) return Origin.at(file, token.getLine(), token.getCharPositionInLine() + 1);
        return of(file, token, token instanceof SpannedTokenFactory.SpannedToken ? null : token.getText());
    }

    /** As {@link #of(String, Token)}, with the token's text already read (reading it copies it). */
    public static Origin of(String file, Token token, String text) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        if (token instanceof SpannedTokenFactory.SpannedToken spanned) {
            return new Origin(file, line, column, spanned.endLine, spanned.endColumn);
        }
        int endLine = line;
        int endColumn = column;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                endLine++;
                endColumn = 1;
            } else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) {
                endColumn++; // columns count code points: the second half of a pair is not one
            }
        }
        return new Origin(file, line, column, endLine, endColumn);
    }

    /**
     * A value at {@code token} ({@code raw}: its text as read): for a token that knows its end,
     * without an Origin made only to be copied (bin/limitc's C1 has no escape analysis).
     */
    public static Value.Scalar scalar(String file, Token token, String raw, String value, boolean quoted) {
        if (token instanceof SpannedTokenFactory.SpannedToken spanned) {
            return new Value.Scalar(value, quoted, file, token.getLine(), token.getCharPositionInLine() + 1,
                    spanned.endLine, spanned.endColumn);
        }
        return new Value.Scalar(value, quoted, of(file, token, raw));
    }

    public static Origin span(String file, Token first, Token last) {
        return of(file, first).through(of(file, last));
    }
}
