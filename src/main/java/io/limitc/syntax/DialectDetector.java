package io.limitc.syntax;

import io.limitc.model.Dialect;

/**
 * Tells nginx from Momentum by what Momentum never has: a statement ended by ";"
 * (ignoring comments and quoted text), or a line opening one of nginx's own blocks
 * ({@code http}, {@code events}, {@code server}, ...). Anything else reads as Momentum.
 */
public final class DialectDetector {

    private DialectDetector() {}

    public static Dialect detect(String text) {
        boolean inQuote = false;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (comment) {
                if (c == '\n') comment = false;
                continue;
            }
            if (inQuote) {
                if (c == '\\') i++;
                else if (c == quote) inQuote = false;
                continue;
            }
            switch (c) {
                case '#' -> comment = true;
                case '"', '\'' -> {
                    inQuote = true;
                    quote = c;
                }
                case ';' -> {
                    return Dialect.NGINX;
                }
                default -> { }
            }
        }
        return NGINX_BLOCK.matcher(text).find() ? Dialect.NGINX : Dialect.ECELERITY;
    }

    private static final java.util.regex.Pattern NGINX_BLOCK = java.util.regex.Pattern.compile(
            "(?m)^\\s*(events|http|stream|mail|server|location|upstream)\\b[^\\n{=]*\\{");
}
