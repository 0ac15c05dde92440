package io.limitc.model.ecelerity;

import io.limitc.model.Value;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads limit values the way Momentum's option types do. Quoted and bare forms are the
 * same ({@code "5"} is 5, {@code "60/20"} and {@code 60/20} are one throttle). Each
 * reader returns either a value or the reason it is not one, in users' words.
 */
public final class MomentumValues {

    /** The largest value of Momentum's int options. */
    public static final long MAX_INT = Integer.MAX_VALUE;

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern THROTTLE = Pattern.compile("(\\d+)(?:/(\\d+))?");

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
        if (!INTEGER.matcher(text).matches()) {
            return new Int(0, option + " must be a whole number, found " + v);
        }
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (digits.replaceFirst("^0+(?=.)", "").length() > 10 || Long.parseLong(text) > MAX_INT) {
            return new Int(0, option + " is larger than " + MAX_INT + ", found " + v);
        }
        return new Int(Long.parseLong(text), null);
    }

    public static Rate throttle(String option, Value v) {
        if (!(v instanceof Value.Scalar s)) return new Rate(0, 0, option + " takes a single value, found " + kind(v));
        Matcher m = THROTTLE.matcher(s.text());
        String expected = option + " must be \"N\" (N per second) or \"N/M\" (N per M seconds)"
                + " with whole numbers, found " + v;
        if (!m.matches()) return new Rate(0, 0, expected);
        if (m.group(1).length() > 10 || (m.group(2) != null && m.group(2).length() > 10)) {
            return new Rate(0, 0, option + " is larger than " + MAX_INT + ", found " + v);
        }
        long count = Long.parseLong(m.group(1));
        long period = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
        if (count > MAX_INT || period > MAX_INT) return new Rate(0, 0, option + " is larger than " + MAX_INT + ", found " + v);
        if (period == 0) return new Rate(0, 0, option + " has a period of 0 seconds, found " + v);
        return new Rate(count, period, null);
    }

    private static String kind(Value v) {
        return v instanceof Value.ListValue ? "a list" : "a dictionary";
    }
}
