package io.limitc.model.ecelerity;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Where each known Momentum stanza may be written (ecelerity.md §2.1). Stanza kinds not
 * listed here belong to modules and may appear anywhere.
 */
public final class MomentumScopes {

    /** The pseudo-scope of statements outside every stanza. */
    public static final String GLOBAL = "global";

    public static final String BINDING_GROUP = "binding_group";
    public static final String BINDING = "binding";
    public static final String DOMAIN = "domain";
    public static final String HOST = "host";
    public static final String CLUSTER = "cluster";
    public static final String REPLICATE = "replicate";

    public static final Set<String> LISTENERS = Set.of("esmtp_listener", "control_listener", "ecstream_listener",
            "http_listener", "eccluster_listener", "msgcserver_listener", "xmpp_listener");

    private static final Set<String> GLOBAL_ONLY = Set.of(GLOBAL);
    private static final Set<String> LISTENER_PARENTS = LISTENERS;
    private static final Set<String> PEER_PARENTS = union(LISTENERS, Set.of("listen"));

    private static final Map<String, Set<String>> PARENTS = Map.ofEntries(
            entry(BINDING_GROUP, GLOBAL_ONLY),
            entry(BINDING, Set.of(GLOBAL, BINDING_GROUP)),
            entry(DOMAIN, Set.of(GLOBAL, BINDING, BINDING_GROUP)),
            entry(HOST, Set.of(GLOBAL, BINDING, BINDING_GROUP)),
            entry("pathway_group", GLOBAL_ONLY),
            entry("pathway", Set.of(GLOBAL, "pathway_group")),
            entry("esmtp_listener", GLOBAL_ONLY),
            entry("control_listener", GLOBAL_ONLY),
            entry("ecstream_listener", GLOBAL_ONLY),
            entry("http_listener", GLOBAL_ONLY),
            entry("eccluster_listener", GLOBAL_ONLY),
            entry("msgcserver_listener", GLOBAL_ONLY),
            entry("xmpp_listener", GLOBAL_ONLY),
            entry("listen", LISTENER_PARENTS),
            entry("peer", PEER_PARENTS),
            entry("threadpool", GLOBAL_ONLY),
            entry("eventloop", GLOBAL_ONLY),
            entry("security", GLOBAL_ONLY),
            entry("authorization", GLOBAL_ONLY),
            entry("debug_flags", GLOBAL_ONLY),
            entry("snmp", GLOBAL_ONLY),
            entry("curfew", GLOBAL_ONLY),
            entry(CLUSTER, GLOBAL_ONLY),
            entry(REPLICATE, Set.of(CLUSTER)),
            entry("topology", Set.of(CLUSTER)),
            entry("adaptive_sweep_rule", Set.of(GLOBAL, BINDING, BINDING_GROUP, DOMAIN)));

    private MomentumScopes() {}

    /** True for the stanza kinds whose placement is documented. */
    public static boolean isKnown(String kind) {
        return PARENTS.containsKey(kind);
    }

    /** The scopes a known stanza kind may sit in; {@code null} for module stanzas. */
    public static Set<String> allowedParents(String kind) {
        return PARENTS.get(kind);
    }

    /**
     * How instance names of a kind compare when repeated stanzas merge: binding and
     * binding_group names are case-sensitive, domain and host names are DNS names.
     */
    public static String mergeName(String kind, String name) {
        if (name == null) return "";
        boolean dns = kind.equals(DOMAIN) || kind.equals(HOST);
        return dns && !isRegexName(name) ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }

    /** Domain and host names written {@code "/.../"} are regular expressions. */
    public static boolean isRegexName(String name) {
        return name.length() >= 2 && name.startsWith("/") && name.endsWith("/");
    }

    /**
     * Momentum's regexes are PCRE; these PCRE spellings become Java's: {@code (?P<n>…)} →
     * {@code (?<n>…)}, {@code (?P=n)} → {@code \k<n>}, {@code x{,3}} → {@code x{0,3}}.
     */
    public static String javaRegex(String pcre) {
        return pcre.replace("(?P<", "(?<")
                .replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>")
                .replaceAll("(?<!\\\\)\\{,(\\d+)}", "{0,$1}");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
