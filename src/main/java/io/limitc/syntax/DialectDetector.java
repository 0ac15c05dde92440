package io.limitc.syntax;

import io.limitc.model.Dialect;

/**
 * Tells nginx from Momentum by the one thing Momentum never has: a statement ended by
 * ";" (ignoring comments and quoted text). Files with neither read as Momentum.
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
        return Dialect.ECELERITY;
    }
}
