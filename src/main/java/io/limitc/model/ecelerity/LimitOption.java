package io.limitc.model.ecelerity;

import java.util.List;
import java.util.Set;

/**
 * The schema of one Momentum limit option (ecelerity.md §3): the value it takes, the
 * scopes it is valid in, and what special values mean.
 *
 * @param name              canonical lower-case name
 * @param kind              how the value is read
 * @param scopes            the scopes (stanza kinds, or {@code global}) it may be written in
 * @param minusOneUnlimited {@code -1} is documented as unlimited
 * @param zeroAllowed       {@code 0} is documented (no limit, or a meaningful zero)
 * @param hostSince         first Momentum version that accepts it in {@code host}, or null
 * @param replicate         the {@code Replicate} stanza the cluster module needs for it, or null
 * @param choices           accepted words for {@link Kind#CHOICE}
 */
public record LimitOption(String name, Kind kind, Set<String> scopes, boolean minusOneUnlimited,
                          boolean zeroAllowed, MomentumVersion hostSince, String replicate, List<String> choices) {

    public enum Kind {
        /** A whole number of connections, messages, recipients or seconds. */
        INTEGER,
        /** {@code "N"} per second or {@code "N/M"}: N per M seconds. */
        THROTTLE,
        /** One of a few words. */
        CHOICE,
        /** A list {@code ( min max )} of two whole numbers. */
        INTEGER_BOUNDS,
        /** A list {@code ( min max )} of two throttles. */
        THROTTLE_BOUNDS
    }

    public boolean validIn(String scope) {
        return scopes.contains(scope);
    }

    /** True when the option is one of the cluster-wide variants. */
    public boolean clusterWide() {
        return name.startsWith("cluster_");
    }
}
