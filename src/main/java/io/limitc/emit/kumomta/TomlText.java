package io.limitc.emit.kumomta;

/** The few TOML spellings the converter writes: quoted keys and strings, integers. */
final class TomlText {

    private TomlText() {}

    /** A basic string with TOML's escapes. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** A key: bare when TOML allows it, quoted otherwise (domain names always need quotes). */
    static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : string(k);
    }

    static String value(Object v) {
        return v instanceof String s ? string(s) : String.valueOf(v);
    }

    /** A comment never ends a line early, and TOML allows no control character in one but tab. */
    static String comment(String text) {
        return "# " + printable(text);
    }

    /** Control characters but tab replaced: comment text for TOML and Lua alike (both end a line at \n and \r). */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 && c != '\t' || c == 0x7f ? '\uFFFD' : c));
        return b.toString();
    }
}
