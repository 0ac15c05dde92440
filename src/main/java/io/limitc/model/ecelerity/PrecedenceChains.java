package io.limitc.model.ecelerity;

import java.util.List;
import java.util.Map;

/**
 * Which scopes are consulted, most specific first, when Momentum looks up an option for a
 * delivery path (ecelerity.md §2.2). One table, so a chain can be corrected in one place.
 * Where the documentation is silent (binding_group against a global domain) the proposed
 * order of §2.2 is used: binding before binding_group before domain before global.
 */
public final class PrecedenceChains {

    /** The kinds of scope a delivery path can take an option from. */
    public enum Step {
        /** a domain stanza inside the path's binding (inside its binding_group or not) */
        BINDING_DOMAIN,
        /** a domain stanza directly inside the path's binding_group */
        GROUP_DOMAIN,
        BINDING,
        GROUP,
        /** a domain stanza at global scope */
        DOMAIN,
        GLOBAL,
        /** a host stanza inside the path's binding */
        BINDING_HOST,
        /** a host stanza directly inside the path's binding_group */
        GROUP_HOST,
        /** a host stanza at global scope */
        HOST
    }

    /** binding_group::binding::domain > binding::domain > binding_group::domain > binding > binding_group > domain > global. */
    public static final List<Step> GENERAL = List.of(Step.BINDING_DOMAIN, Step.GROUP_DOMAIN, Step.BINDING, Step.GROUP,
            Step.DOMAIN, Step.GLOBAL);
    /** binding::host > host > binding::domain > binding > domain > global (never a binding_group). */
    public static final List<Step> CLUSTER_MAX = List.of(Step.BINDING_HOST, Step.HOST, Step.BINDING_DOMAIN, Step.BINDING,
            Step.DOMAIN, Step.GLOBAL);
    /** Host-scope values never fall back to domain, binding or global (5.3 throttles; host max). */
    public static final List<Step> HOST_ONLY = List.of(Step.BINDING_HOST, Step.GROUP_HOST, Step.HOST);

    private static final Map<String, List<Step>> BY_OPTION = Map.of(
            "cluster_max_outbound_connections", CLUSTER_MAX);

    private PrecedenceChains() {}

    /** The chain of a path-resolved option (by value or by reference). */
    public static List<Step> of(String option) {
        return BY_OPTION.getOrDefault(option, GENERAL);
    }
}
