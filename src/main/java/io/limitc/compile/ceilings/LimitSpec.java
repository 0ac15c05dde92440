package io.limitc.compile.ceilings;

/**
 * KumoMTA's {@code LimitSpec} for {@code connection_limit} and
 * {@code additional_connection_limits} values (spec §1.2): an integer ≥ 1 or
 * {@code "[local:]N"} with {@code _}/{@code ,} digit separators.
 *
 * @param limit u64 as an unsigned {@code long} bit pattern
 * @param local {@code local:} (serialized by KumoMTA as {@code force_local})
 */
public record LimitSpec(long limit, boolean local) {

    private static final String LOCAL_PREFIX = "local:";

    /** Integer form: KumoMTA's numeric visitor rejects values below 1. */
    public static LimitSpec of(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or larger");
        }
        return new LimitSpec(limit, false);
    }

    /** String form, with KumoMTA's error texts. */
    public static LimitSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("LimitSpec must not be null");
        }
        boolean local = text.startsWith(LOCAL_PREFIX);
        String s = local ? text.substring(LOCAL_PREFIX.length()) : text;
        String digits = s.replace("_", "").replace(",", "");
        long limit;
        try {
            limit = U64.parse(digits);
        } catch (IllegalArgumentException e) {
            // Unlike ThrottleSpec, KumoMTA quotes the separator-stripped text here.
            throw new IllegalArgumentException("invalid limit '" + digits + "': " + e.getMessage());
        }
        if (limit == 0) {
            throw new IllegalArgumentException("invalid LimitSpec `" + s + "`: limit must be greater than 0!");
        }
        return new LimitSpec(limit, local);
    }

    /** {@code N} or {@code local:N}. */
    @Override
    public String toString() {
        return (local ? LOCAL_PREFIX : "") + U64.toString(limit);
    }
}
