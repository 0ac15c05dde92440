package io.limitc.syntax.ecelerity;

import io.limitc.syntax.LatinLexer;
import io.limitc.syntax.SourceChars;
import io.limitc.syntax.SpannedTokenFactory;
import io.limitc.syntax.ecelerity.antlr.EcelerityLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * The grammar's lexer rules (grammar/Ecelerity.g4) written out by hand for the text nearly
 * every configuration is: Latin-1, without block comments or form feeds, the two places
 * where the rules' longest-match choices get subtle. It gives the tokens ANTLR's lexer gives
 * (EcelerityFastLexerTest compares them on every testdata file and on random text), at a
 * fraction of its cost: the lexer was the slower half of reading a large file. At an
 * unterminated string it gives up ({@link GiveUp}); the file is then read with the grammar.
 */
final class EcelerityFastLexer extends LatinLexer {

    /** The text has something only ANTLR's lexer should judge. */
    static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private EcelerityFastLexer(byte[] latin1, CharStream chars) {
        super(latin1, chars);
    }

    /** A lexer for {@code text}: this one where it applies, else ANTLR's, with spanned tokens either way. */
    static TokenSource of(String text, String name) {
        byte[] latin1 = SourceChars.latin1(text);
        CharStream chars = latin1 == null ? SourceChars.of(text, name) : SourceChars.of(latin1, name);
        if (latin1 != null && text.indexOf("/*") < 0 && text.indexOf('\f') < 0) return new EcelerityFastLexer(latin1, chars);
        EcelerityLexer lexer = new EcelerityLexer(chars);
        lexer.setTokenFactory(new SpannedTokenFactory(lexer));
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
            case '=' -> type = single(EcelerityLexer.ASSIGN);
            case '{' -> type = single(EcelerityLexer.LBRACE);
            case '}' -> type = single(EcelerityLexer.RBRACE);
            case '(' -> type = single(EcelerityLexer.LPAREN);
            case ')' -> type = single(EcelerityLexer.RPAREN);
            case '[' -> type = single(EcelerityLexer.LBRACKET);
            case ']' -> type = single(EcelerityLexer.RBRACKET);
            case ',' -> type = single(EcelerityLexer.COMMA);
            case '#' -> {
                while (at < t.length && t[at] != '\n' && t[at] != '\r') at++;
                type = EcelerityLexer.LINE_COMMENT;
                channel = Token.HIDDEN_CHANNEL;
            }
            case '"' -> type = quoted((byte) '"', EcelerityLexer.STRING);
            case '\'' -> type = quoted((byte) '\'', EcelerityLexer.SQSTRING);
            default -> {
                // BARE and WORD: the longer match wins, WORD on a tie (it is the earlier rule)
                int word = start;
                if (isWordStart(t[start])) {
                    do word++; while (word < t.length && isWordPart(t[word]));
                }
                while (at < t.length && isBare(t[at])) at++;
                type = at == word ? EcelerityLexer.WORD : EcelerityLexer.BARE;
            }
        }
        return token(type, channel, start);
    }

    /** STRING or SQSTRING: a backslash takes the next character, whatever it is. */
    private int quoted(byte quote, int type) {
        byte[] t = text;
        int i = at + 1;
        while (i < t.length && t[i] != quote) i += t[i] == '\\' ? 2 : 1;
        if (i >= t.length) throw new GiveUp(); // UNTERMINATED_STRING (or a lone backslash at the end): the grammar reports it
        at = i + 1;
        return type;
    }

    private static boolean isWordStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isWordPart(byte c) {
        return isWordStart(c) || c >= '0' && c <= '9';
    }

    /** BARE : ~[ \t\r\n"'#=(){}[\],]+ (a form feed is BARE too, and never reaches this lexer). */
    private static boolean isBare(byte c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '"', '\'', '#', '=', '(', ')', '{', '}', '[', ']', ',' -> false;
            default -> true;
        };
    }
}
