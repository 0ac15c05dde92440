package io.limitc.compile.ceilings;

/**
 * Unsigned 64-bit helpers. KumoMTA stores limits, periods, bursts and
 * {@code max_deliveries_per_connection} as Rust {@code u64}/{@code usize}; Java has no
 * unsigned long, so those values are carried as {@code long} bit patterns and every
 * place that parses, prints, multiplies or converts them goes through here.
 */
final class U64 {

    /** {@code u64::MAX} as a bit pattern. */
    static final long MAX = -1L;

    private U64() {}

    /**
     * Parses like Rust's {@code str::parse::<u64>()}: optional leading {@code +}, ASCII
     * digits only, errors left to right. The message is Rust's {@code ParseIntError}
     * display so that callers can reproduce KumoMTA's error text.
     */
    static long parse(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("cannot parse integer from empty string");
        }
        String digits = s;
        char first = s.charAt(0);
        if ((first == '+' || first == '-') && s.length() == 1) {
            throw new IllegalArgumentException("invalid digit found in string");
        }
        if (first == '+') {
            digits = s.substring(1); // a '-' stays and fails as an invalid digit: u64 is unsigned
        }
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("invalid digit found in string");
            }
            n = mulAddDigit(n, c - '0');
        }
        return n;
    }

    /** {@code n * 10 + digit} on u64, failing with Rust's overflow message. */
    private static long mulAddDigit(long n, int digit) {
        if (Long.compareUnsigned(n, Long.divideUnsigned(MAX, 10)) > 0) {
            throw new IllegalArgumentException("number too large to fit in target type");
        }
        long times10 = n * 10;
        long sum = times10 + digit;
        if (Long.compareUnsigned(sum, times10) < 0) {
            throw new IllegalArgumentException("number too large to fit in target type");
        }
        return sum;
    }

    /** Decimal text of the unsigned value, as Rust's {@code Display for u64}. */
    static String toString(long v) {
        return Long.toUnsignedString(v);
    }

    /** {@code v as f64}: round-to-nearest-even conversion of the unsigned value. */
    static double toDouble(long v) {
        if (v >= 0) {
            return (double) v;
        }
        // Halve (keeping the sticky low bit so rounding stays correct), convert, double.
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** {@code a.saturating_mul(b)} on u64. */
    static long saturatingMul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        if (Long.compareUnsigned(a, Long.divideUnsigned(MAX, b)) > 0) {
            return MAX;
        }
        return a * b;
    }

    /** Checked u64 multiplication; {@code null} on overflow. */
    static Long checkedMul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0L;
        }
        if (Long.compareUnsigned(a, Long.divideUnsigned(MAX, b)) > 0) {
            return null;
        }
        return a * b;
    }
}
