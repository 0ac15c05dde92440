package io.limitc.emit.kumomta;

/** Lua literals: single-quoted strings with escapes, integers. */
final class LuaText {

    private LuaText() {}

    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    // a decimal escape: Lua 5.1 (LuaJ) and 5.4 both read \ddd
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\%03d", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('\'').toString();
    }

    static String value(Object v) {
        return v instanceof String s ? string(s) : String.valueOf(v);
    }

    /** A line comment's text: no character may end the line early (Lua ends lines at \n and \r). */
    static String comment(String text) {
        return TomlText.printable(text);
    }
}
