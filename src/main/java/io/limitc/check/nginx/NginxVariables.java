package io.limitc.check.nginx;

/** Variable syntax in a complex value, as ngx_http_script_compile reads it (nginx.md §1.4). */
final class NginxVariables {

    private NginxVariables() {}

    /** nginx's message for the first malformed variable reference, or null. */
    static String check(String value) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            if (value.charAt(i) != '$') {
                i++;
                continue;
            }
            if (++i == n) return "invalid variable name";
            char c = value.charAt(i);
            if (c >= '1' && c <= '9') {
                i++;
                continue;
            }
            boolean bracket = false;
            if (c == '{') {
                bracket = true;
                if (++i == n) return "invalid variable name";
            }
            int start = i;
            for (; i < n; i++) {
                char ch = value.charAt(i);
                if (ch == '}' && bracket) {
                    bracket = false;
                    i++;
                    break;
                }
                if (!(Character.isLetterOrDigit(ch) && ch < 128 || ch == '_')) break;
            }
            if (bracket) return "the closing bracket in \"" + value.substring(start, i) + "\" variable is missing";
            int nameEnd = value.charAt(i - 1) == '}' && i - 1 >= start ? i - 1 : i;
            if (nameEnd <= start) return "invalid variable name";
        }
        return null;
    }
}
