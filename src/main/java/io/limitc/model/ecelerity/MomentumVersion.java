package io.limitc.model.ecelerity;

import java.util.Arrays;

/** A Momentum release such as {@code 5.3} or {@code 4.2.28}, compared numerically. */
public record MomentumVersion(int[] parts) implements Comparable<MomentumVersion> {

    public static final MomentumVersion V5_3 = parse("5.3");

    /** Parses dotted numbers; throws {@link IllegalArgumentException} on anything else. */
    public static MomentumVersion parse(String text) {
        if (!text.matches("\\d{1,4}(\\.\\d{1,4}){0,3}")) {
            throw new IllegalArgumentException("not a Momentum version: " + text + " (expected e.g. 5.3 or 4.2.28)");
        }
        return new MomentumVersion(Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    @Override
    public int compareTo(MomentumVersion o) {
        for (int i = 0; i < Math.max(parts.length, o.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) return Integer.compare(a, b);
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int p : parts) sb.append(sb.length() == 0 ? "" : ".").append(p);
        return sb.toString();
    }
}
