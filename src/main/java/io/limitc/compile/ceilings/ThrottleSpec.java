package io.limitc.compile.ceilings;

/**
 * KumoMTA's {@code ThrottleSpec}: {@code [local:]LIMIT/[SCALE]UNIT[,max_burst=N]}
 * (spec §1.2, {@code kumomta:crates/throttle/src/lib.rs}).
 *
 * <p>{@code limit}, {@code periodSeconds} and {@code maxBurst} are Rust {@code u64}s carried
 * as unsigned {@code long} bit patterns (see {@link Long#toUnsignedString(long)}); any value a
 * real configuration uses is below 2^63 and reads the same either way.
 *
 * <p>The canonical constructor does not validate: the reconnect-cycling display builds specs
 * that {@link #parse} would reject (for example limit 0 when {@code K = 0}). Use {@link #parse}
 * for operator input.
 *
 * @param limit         events per period (u64)
 * @param periodSeconds period length in seconds (u64); 0 is possible ({@code "1/0s"})
 * @param maxBurst      explicit {@code max_burst}, or {@code null} when not given
 * @param local         {@code local:} prefix: never shared through Redis
 */
public record ThrottleSpec(long limit, long periodSeconds, Long maxBurst, boolean local) {

    private static final String LOCAL_PREFIX = "local:";
    private static final String BURST_SEPARATOR = ",max_burst=";

    /** Plain {@code LIMIT/period} spec: no burst, not local. */
    public static ThrottleSpec of(long limit, long periodSeconds) {
        return new ThrottleSpec(limit, periodSeconds, null, false);
    }

    /**
     * Parses in KumoMTA's code order so the first error reported is the one kumod reports,
     * with the same message text.
     *
     * @throws IllegalArgumentException on any input KumoMTA rejects, and additionally when
     *     SCALE × UNIT overflows u64 (KumoMTA wraps silently there; limitc refuses)
     */
    public static ThrottleSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("ThrottleSpec must not be null");
        }
        String s = text;
        boolean local = s.startsWith(LOCAL_PREFIX);
        if (local) {
            s = s.substring(LOCAL_PREFIX.length());
        }

        // The burst is split off first, on the first occurrence, and parsed before anything else.
        Long maxBurst = null;
        int burstAt = s.indexOf(BURST_SEPARATOR);
        if (burstAt >= 0) {
            maxBurst = parseSeparatedNumber(s.substring(burstAt + BURST_SEPARATOR.length()));
            s = s.substring(0, burstAt);
        }

        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected 'limit/period', got " + s);
        }
        String limitText = s.substring(0, slash);
        String periodText = s.substring(slash + 1);

        // opt_digit_prefix: leading ASCII digits are the scale (default 1); the rest is the unit.
        int unitAt = 0;
        while (unitAt < periodText.length() && isAsciiDigit(periodText.charAt(unitAt))) {
            unitAt++;
        }
        long scale = 1;
        if (unitAt > 0) {
            // KumoMTA accumulates digit by digit, so overflow is reported before "all digits".
            try {
                scale = U64.parse(periodText.substring(0, unitAt));
            } catch (IllegalArgumentException overflow) {
                throw new IllegalArgumentException("number too big");
            }
        }
        if (unitAt == periodText.length()) {
            // All digits (or empty): "1000/3600" is the classic Momentum-conversion mistake.
            throw new IllegalArgumentException("invalid period quantity " + periodText);
        }
        String unit = periodText.substring(unitAt);
        long unitSeconds = unitSeconds(unit);
        Long period = U64.checkedMul(unitSeconds, scale);
        if (period == null) {
            throw new IllegalArgumentException(
                    "period overflows u64: " + U64.toString(scale) + " × " + unitSeconds + "s in " + text);
        }

        long limit = parseSeparatedNumber(limitText);
        if (limit == 0) {
            throw new IllegalArgumentException(
                    "invalid ThrottleSpec `" + s + "`: limit must be greater than 0!");
        }
        return new ThrottleSpec(limit, period, maxBurst, local);
    }

    /** Case-sensitive; plurals such as {@code seconds} are rejected, as in KumoMTA. */
    private static long unitSeconds(String unit) {
        switch (unit) {
            case "h": case "hr": case "hour":
                return 3600;
            case "m": case "min": case "minute":
                return 60;
            case "s": case "sec": case "second":
                return 1;
            case "d": case "day":
                return 86400;
            default:
                throw new IllegalArgumentException("unknown period quantity " + unit);
        }
    }

    /** LIMIT and burst allow {@code _} and {@code ,} as digit separators; the error quotes the raw text. */
    private static long parseSeparatedNumber(String raw) {
        String digits = raw.replace("_", "").replace(",", "");
        try {
            return U64.parse(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid limit '" + raw + "': " + e.getMessage());
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code limit as f64 / period as f64}; {@code +∞} for period 0. The burst is irrelevant. */
    public double perSecond() {
        return U64.toDouble(limit) / U64.toDouble(periodSeconds);
    }

    /** KumoMTA's canonical display ({@code ThrottleSpec::as_string}). */
    @Override
    public String toString() {
        String period;
        if (periodSeconds == 86400) {
            period = "d";
        } else if (periodSeconds == 3600) {
            period = "h";
        } else if (periodSeconds == 60) {
            period = "m";
        } else if (periodSeconds == 1) {
            period = "s";
        } else {
            period = U64.toString(periodSeconds) + "s";
        }
        return (local ? LOCAL_PREFIX : "")
                + U64.toString(limit)
                + "/"
                + period
                + (maxBurst == null ? "" : BURST_SEPARATOR + U64.toString(maxBurst));
    }
}
