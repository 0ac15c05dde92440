package io.limitc.runtime;

import java.util.Map;

/**
 * KumoMTA's duration values (kumomta.md §1.3): a number of seconds, or humantime text such
 * as {@code "5 mins"}, {@code "1h30m"}, {@code "1.5h"}; units are case-sensitive ({@code M}
 * is months), and a bare number in text is refused except {@code "0"}.
 */
public final class Durations {

    private static final Map<String, Double> SECONDS = Map.ofEntries(
            Map.entry("nanos", 1e-9), Map.entry("nsec", 1e-9), Map.entry("ns", 1e-9),
            Map.entry("usec", 1e-6), Map.entry("us", 1e-6), Map.entry("µs", 1e-6),
            Map.entry("millis", 1e-3), Map.entry("msec", 1e-3), Map.entry("ms", 1e-3),
            Map.entry("seconds", 1.0), Map.entry("second", 1.0), Map.entry("secs", 1.0), Map.entry("sec", 1.0),
            Map.entry("s", 1.0),
            Map.entry("minutes", 60.0), Map.entry("minute", 60.0), Map.entry("min", 60.0), Map.entry("mins", 60.0),
            Map.entry("m", 60.0),
            Map.entry("hours", 3600.0), Map.entry("hour", 3600.0), Map.entry("hr", 3600.0), Map.entry("hrs", 3600.0),
            Map.entry("h", 3600.0),
            Map.entry("days", 86400.0), Map.entry("day", 86400.0), Map.entry("d", 86400.0),
            Map.entry("weeks", 604800.0), Map.entry("week", 604800.0), Map.entry("wk", 604800.0),
            Map.entry("wks", 604800.0), Map.entry("w", 604800.0),
            Map.entry("months", 2630016.0), Map.entry("month", 2630016.0), Map.entry("M", 2630016.0),
            Map.entry("years", 31557600.0), Map.entry("year", 31557600.0), Map.entry("yr", 31557600.0),
            Map.entry("yrs", 31557600.0), Map.entry("y", 31557600.0));

    private Durations() {}

    /** Nanoseconds of a humantime text; IllegalArgumentException with humantime's message otherwise. */
    public static long parse(String text) {
        if (text.isBlank()) throw new IllegalArgumentException("value was empty");
        if (text.equals("0")) return 0;
        double total = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i == n) break;
            int start = i;
            while (i < n && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
            String digits = text.substring(start, i);
            // humantime's number: digits, optionally a fraction after them (not ".5", "1." or "1..5")
            if (!digits.matches("[0-9]+(\\.[0-9]+)?")) throw new IllegalArgumentException("expected number at " + start);
            double number = Double.parseDouble(digits);
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int unitStart = i;
            while (i < n && !Character.isDigit(text.charAt(i)) && !Character.isWhitespace(text.charAt(i))) i++;
            String unit = text.substring(unitStart, i);
            if (unit.isEmpty()) throw new IllegalArgumentException("time unit needed, for example 60sec or 60ms");
            Double scale = SECONDS.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException("unknown time unit \"" + unit + "\", supported units: ns, us/µs, ms,"
                        + " sec, min, hours, days, weeks, months, years (and few variations)");
            }
            total += number * scale;
        }
        if (total * 1e9 >= Long.MAX_VALUE) throw new IllegalArgumentException("number is too large");
        return Math.round(total * 1e9);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
