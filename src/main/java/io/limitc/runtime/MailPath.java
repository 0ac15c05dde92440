package io.limitc.runtime;

/** A Momentum delivery path: the binding mail leaves from, the recipient domain, the MX host (may be null). */
public record MailPath(String binding, String domain, String host) {

    public String attribute(String name) {
        return switch (name) {
            case "binding" -> binding;
            case "domain" -> domain == null ? null : domain.toLowerCase(java.util.Locale.ROOT);
            case "host" -> host == null ? null : host.toLowerCase(java.util.Locale.ROOT);
            default -> throw new IllegalArgumentException("unknown path attribute " + name);
        };
    }
}
