package io.limitc.model.ecelerity;

import io.limitc.model.Value;

/**
 * Reads limit values the way Momentum's option types do. Quoted and bare forms are the
 * same ({@code "5"} is 5, {@code "60/20"} and {@code 60/20} are one throttle). Each
 * reader returns either a value or the reason it is not one, in users' words.
 */
public final class MomentumValues {

    /** The largest value of Momentum's int options. */
    public static final long MAX_INT = Integer.MAX_VALUE;

    /** A whole number, or why the text is not one. */
    public record Int(long value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** {@code count} per {@code periodSeconds}, or why the text is not a throttle. */
    public record Rate(long count, long periodSeconds, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private MomentumValues() {}

    public static Int integer(String option, Value v) {
        if (!(v instanceof Value.Scalar s)) return new Int(0, option + " takes a single value, found " + kind(v));
        String text = s.text();
        int start = text.startsWith("-") ? 1 : 0;
        // read by hand, not by regex: compiling 100 000 domains reads 100 000 values
        if (!digits(text, start, text.length())) return new Int(0, option + " must be a whole number, found " + v);
        while (start < text.length() - 1 && text.charAt(start) == '0') start++; // leading zeros do not count
        if (text.length() - start > 10 || Long.parseLong(text) > MAX_INT) {
            return new Int(0, option + " is larger than " + MAX_INT + ", found " + v);
        }
        return new Int(Long.parseLong(text), null);
    }

    public static Rate throttle(String option, Value v) {
        if (!(v instanceof Value.Scalar s)) return new Rate(0, 0, option + " takes a single value, found " + kind(v));
        // N or N/M, whole numbers
        String text = s.text();
        int slash = text.indexOf('/');
        String count = slash < 0 ? text : text.substring(0, slash);
        String per = slash < 0 ? null : text.substring(slash + 1);
        if (!digits(count, 0, count.length()) || per != null && !digits(per, 0, per.length())) {
            return new Rate(0, 0, option + " must be \"N\" (N per second) or \"N/M\" (N per M seconds)"
                    + " with whole numbers, found " + v);
        }
        if (count.length() > 10 || (per != null && per.length() > 10)) {
            return new Rate(0, 0, option + " is larger than " + MAX_INT + ", found " + v);
        }
        long n = Long.parseLong(count);
        long period = per == null ? 1 : Long.parseLong(per);
        if (n > MAX_INT || period > MAX_INT) return new Rate(0, 0, option + " is larger than " + MAX_INT + ", found " + v);
        if (period == 0) return new Rate(0, 0, option + " has a period of 0 seconds, found " + v);
        return new Rate(n, period, null);
    }

    /** At least one character, all of them 0-9. */
    private static boolean digits(String text, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        }
        return true;
    }

    private static String kind(Value v) {
        return v instanceof Value.ListValue ? "a list" : "a dictionary";
    }
}
