package io.limitc.syntax.nginx;

import io.limitc.syntax.LatinLexer;
import io.limitc.syntax.SourceChars;
import io.limitc.syntax.nginx.antlr.NginxLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * The grammar's lexer rules (grammar/Nginx.g4) written out by hand for the text nearly every
 * configuration is: Latin-1, without Lua blocks (whose "{" the grammar's lexer action reads
 * as Lua) and without a backslash as its very last character. It gives the tokens ANTLR's
 * lexer gives (NginxFastLexerTest compares them on every testdata file and on random text),
 * several times faster: the lexer was half of reading a large file.
 */
final class NginxFastLexer extends LatinLexer {

    private NginxFastLexer(byte[] latin1, CharStream chars) {
        super(latin1, chars);
    }

    /** A lexer for {@code chars} (the stream of {@code text}): this one where it applies, else ANTLR's. */
    static TokenSource of(String text, CharStream chars) {
        return of(text, SourceChars.latin1(text), chars);
    }

    /** As {@link #of(String, CharStream)}, with the text's {@link SourceChars#latin1} bytes (null: not Latin-1). */
    static TokenSource of(String text, byte[] latin1, CharStream chars) {
        if (latin1 != null && text.indexOf("_by_lua_block") < 0 && !text.endsWith("\\")) {
            return new NginxFastLexer(latin1, chars);
        }
        NginxLexer lexer = new NginxLexer(chars);
        lexer.removeErrorListeners();
        return lexer;
    }

    @Override
    public Token nextToken() {
        if (skipWhiteSpace()) return eof(); // WS -> skip
        byte[] t = text;
        int start = at;
        int type;
        int channel = Token.DEFAULT_CHANNEL;
        switch (t[at]) {
            case ';' -> type = single(NginxLexer.SEMI);
            case '{' -> type = single(NginxLexer.LBRACE);
            case '}' -> type = single(NginxLexer.RBRACE);
            case '#' -> {
                while (at < t.length && t[at] != '\n') at++;
                type = NginxLexer.COMMENT;
                channel = Token.HIDDEN_CHANNEL;
            }
            case '"' -> type = quoted((byte) '"', NginxLexer.DQ_WORD);
            case '\'' -> type = quoted((byte) '\'', NginxLexer.SQ_WORD);
            default -> {
                // WORD: "}" "#" and quotes are literal after the first character; a backslash
                // takes the next character; "$" takes a "{" after it
                do {
                    byte c = t[at];
                    if (c == '\\') {
                        at += 2; // never past the end: the text does not end with a backslash
                    } else if (c == '$') {
                        at++;
                        if (at < t.length && t[at] == '{') at++;
                    } else {
                        at++;
                    }
                } while (at < t.length && isWordPart(t[at]));
                type = NginxLexer.WORD;
            }
        }
        return token(type, channel, start);
    }

    /** DQ_WORD or SQ_WORD to the matching quote (a backslash takes the next character), or UNTERMINATED_QUOTE to the end. */
    private int quoted(byte quote, int type) {
        byte[] t = text;
        int i = at + 1;
        while (i < t.length && t[i] != quote) i += t[i] == '\\' ? 2 : 1;
        if (i >= t.length) {
            at = t.length;
            return NginxLexer.UNTERMINATED_QUOTE;
        }
        at = i + 1;
        return type;
    }

    /** WORD_PART : ~[ \t\r\n;{\\$] | ESCAPE | VARIABLE, by its first character. */
    private static boolean isWordPart(byte c) {
        return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ';' && c != '{';
    }
}
