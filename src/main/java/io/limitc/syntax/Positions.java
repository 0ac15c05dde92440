package io.limitc.syntax;

import io.limitc.model.Origin;
import org.antlr.v4.runtime.Token;

/** Converts ANTLR token positions (0-based columns, code points) into origins. */
public final class Positions {

    private Positions() {}

    public static Origin of(String file, Token token) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        if (token.getType() == Token.EOF) return Origin.at(file, line, column);
        String text = token.getText();
        int endLine = line;
        int endColumn = column;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                endLine++;
                endColumn = 1;
            } else {
                endColumn++;
            }
        }
        return new Origin(file, line, column, endLine, endColumn);
    }

    public static Origin span(String file, Token first, Token last) {
        return of(file, first).through(of(file, last));
    }
}
