package io.limitc.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Makes tokens that know where they end. When the lexer emits a token it stands just past
 * it, so its line and column are the token's end for free; without them, every position
 * would copy the token's text and walk it for line breaks (a tenth of a large Momentum
 * lint). Tokens the parser conjures while recovering from an error have no extent and are
 * plain tokens.
 */
public final class SpannedTokenFactory implements TokenFactory<CommonToken> {

    /** A token with its end: the line and 1-based column just past its last character. */
    public static final class SpannedToken extends CommonToken {
        final int endLine;
        final int endColumn;

        SpannedToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop,
                     int endLine, int endColumn) {
            super(source, type, channel, start, stop);
            this.endLine = endLine;
            this.endColumn = endColumn;
        }

        public int endLine() {
            return endLine;
        }
    }

    /** A token made by a lexer other than ANTLR's: {@code line}, {@code column} 0-based as ANTLR's, the end 1-based. */
    public static SpannedToken token(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop,
                                     int line, int column, int endLine, int endColumn) {
        SpannedToken token = new SpannedToken(source, type, channel, start, stop, endLine, endColumn);
        token.setLine(line);
        token.setCharPositionInLine(column);
        return token;
    }

    private final Lexer lexer;

    public SpannedTokenFactory(Lexer lexer) {
        this.lexer = lexer;
    }

    @Override
    public CommonToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel,
                              int start, int stop, int line, int charPositionInLine) {
        CommonToken token;
        if (text == null && start >= 0 && source.a == lexer) {
            token = new SpannedToken(source, type, channel, start, stop, lexer.getLine(), lexer.getCharPositionInLine() + 1);
        } else {
            token = new CommonToken(source, type, channel, start, stop);
            if (text != null) token.setText(text);
        }
        token.setLine(line);
        token.setCharPositionInLine(charPositionInLine);
        return token;
    }

    @Override
    public CommonToken create(int type, String text) {
        return new CommonToken(type, text);
    }
}
