package io.limitc.syntax.nginx;

import io.limitc.syntax.nginx.antlr.NginxLexer;
import org.antlr.v4.runtime.Token;

/** The text nginx makes of a word token: quotes removed, its escape table applied. */
final class NginxWords {

    private NginxWords() {}

    static boolean isWord(Token t) {
        int type = t.getType();
        return type == NginxLexer.WORD || type == NginxLexer.DQ_WORD || type == NginxLexer.SQ_WORD;
    }

    static boolean isQuoted(Token t) {
        return t.getType() == NginxLexer.DQ_WORD || t.getType() == NginxLexer.SQ_WORD;
    }

    /**
     * {@code \"} {@code \'} {@code \\} become the character, {@code \t} {@code \r}
     * {@code \n} become TAB, CR, LF, every other {@code \X} keeps its backslash
     * (ngx_conf_read_token, nginx.md §1.2 item 7), in quoted and unquoted words alike.
     */
    static String value(Token t) {
        return value(t, t.getText());
    }

    /** As {@link #value(Token)}, with the token's raw text already read. */
    static String value(Token t, String raw) {
        String body = isQuoted(t) ? raw.substring(1, raw.length() - 1) : raw;
        if (body.indexOf('\\') < 0) return body;
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(i + 1);
                switch (n) {
                    case '"', '\'', '\\' -> { sb.append(n); i++; continue; }
                    case 't' -> { sb.append('\t'); i++; continue; }
                    case 'r' -> { sb.append('\r'); i++; continue; }
                    case 'n' -> { sb.append('\n'); i++; continue; }
                    default -> { }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
