package io.limitc.emit.kumomta;

import java.util.regex.Pattern;

/** Is a text an IPv4 or IPv6 address literal? Without DNS: a host name must not be looked up here. */
final class IpLiteral {

    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {}

    static boolean is(String text) {
        if (text == null) return false;
        if (V4.matcher(text).matches()) return true;
        if (!text.contains(":") || !V6_CHARS.matcher(text).matches()) return false;
        try {
            // only hex digits, colons and dots reach here, so this parses a literal and never resolves a name
            java.net.InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
