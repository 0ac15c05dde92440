package io.limitc.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * What the hand-written lexers of both dialects share: Latin-1 text as bytes (one byte, one
 * character, one column), ANTLR's line and 0-based column counting, and tokens that are
 * ANTLR's own {@link SpannedTokenFactory.SpannedToken}s over the same character stream, so
 * nothing after the lexer can tell which lexer made them.
 */
public abstract class LatinLexer implements TokenSource {

    protected final byte[] text;
    private final CharStream chars;
    private final Pair<TokenSource, CharStream> source;
    /** The next character. */
    protected int at;
    private int line = 1;
    private int column;

    /** {@code latin1}: the text {@code chars} streams, as {@link SourceChars#latin1} gives it. */
    protected LatinLexer(byte[] latin1, CharStream chars) {
        this.text = latin1;
        this.chars = chars;
        this.source = new Pair<>(this, chars);
    }

    /** Skips blanks and line breaks ([ \t\r\n]); true when the text has ended. */
    protected final boolean skipWhiteSpace() {
        byte[] t = text;
        while (at < t.length) {
            byte c = t[at];
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                column++;
            } else {
                return false;
            }
            at++;
        }
        return true;
    }

    /** A one-character token of {@code type}: steps over it. */
    protected final int single(int type) {
        at++;
        return type;
    }

    /** The end-of-file token, as ANTLR's lexer makes it. */
    protected final Token eof() {
        return SpannedTokenFactory.token(source, Token.EOF, Token.DEFAULT_CHANNEL, at, at - 1, line, column, line, column + 1);
    }

    /** The token from {@code start} to just before {@link #at}; the position moves past it. */
    protected final Token token(int type, int channel, int start) {
        int startLine = line;
        int startColumn = column;
        for (int i = start; i < at; i++) {
            if (text[i] == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return SpannedTokenFactory.token(source, type, channel, start, at - 1, startLine, startColumn, line, column + 1);
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public CharStream getInputStream() {
        return chars;
    }

    @Override
    public String getSourceName() {
        return chars.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("a hand-written lexer makes its own tokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
