package io.limitc.runtime;

/**
 * A compiled Momentum file as {@code limitc compile} lays it out, large enough to be read side
 * by side: BINDINGS top-level bindings of DOMAINS domains each (the first of each a regex, every
 * fifth with a setting), a host in every binding, and a group for every tenth binding holding
 * two bindings of its own. Names and origins are unique, so a test can change one place.
 */
final class LargeFile {

    private LargeFile() {}

    static String text(int bindings, int domains) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"concurrency_limits\": [],\n  \"dialect\": \"ecelerity\",\n  \"format\": \"limitc-compiled/2\",\n")
                .append("  \"rate_limits\": [],\n  \"settings\": [],\n  \"shadowed\": [],\n  \"pools\": [],\n")
                .append("  \"rules\": {\n    \"momentum\": {\n")
                .append("      \"chains\": {\"general\":[\"binding_domain\",\"group_domain\",\"binding\",\"group\",\"domain\",\"global\"],")
                .append("\"host\":[\"binding_host\",\"group_host\",\"host\"]},\n")
                .append("      \"defaults\": {\"max_outbound_connections\": 32},\n")
                .append("      \"global\": {\n")
                .append("        \"limits\": {\"max_outbound_connections\":{\"key\":[\"binding\",\"domain\"],\"limit\":32,")
                .append("\"origin\":\"m.conf:1:1\"}},\n")
                .append("        \"bindings\": [");
        for (int b = 0; b < bindings; b++) {
            sb.append(b == 0 ? "\n" : ",\n");
            binding(sb, "b" + b, b, domains);
        }
        sb.append("\n        ],\n        \"groups\": [");
        for (int g = 0; g < bindings / 10; g++) {
            sb.append(g == 0 ? "\n" : ",\n").append("          {\n")
                    .append("            \"limits\": {\"max_outbound_connections\":{\"key\":[\"binding\",\"domain\"],\"limit\":10,")
                    .append("\"origin\":\"g.conf:").append(g).append(":1\"}},\n")
                    .append("            \"name\": \"g").append(g).append("\",\n            \"bindings\": [\n");
            for (int b = 0; b < 2; b++) {
                sb.append(b == 0 ? "" : ",\n");
                binding(sb, "gb" + g + "-" + b, 10_000 + g * 2 + b, 3);
            }
            sb.append("\n            ]\n          }");
        }
        sb.append("\n        ]\n      }\n    }\n  },\n  \"sources\": []\n}\n");
        return sb.toString();
    }

    private static void binding(StringBuilder sb, String name, int b, int domains) {
        sb.append("          {\n            \"name\": \"").append(name).append("\",\n            \"domains\": [");
        for (int d = 0; d < domains; d++) {
            sb.append(d == 0 ? "\n" : ",\n").append("              {\"limits\":{");
            if (d == 0) {
                sb.append("\"outbound_throttle_messages\":{\"limit\":20,\"origin\":\"m.conf:").append(b).append(":0\",")
                        .append("\"periodSeconds\":60}},\"name\":\"/^mx").append(b).append("-0\\\\.example$/\",")
                        .append("\"pattern\":\"^mx").append(b).append("-0\\\\.example$\"}");
                continue;
            }
            sb.append("\"max_outbound_connections\":{\"key\":[\"binding\",\"domain\"],\"limit\":").append(1 + d)
                    .append(",\"origin\":\"m.conf:").append(b).append(':').append(d).append("\"},")
                    .append("\"outbound_throttle_connections\":{\"limit\":3,\"origin\":\"t.conf:").append(b).append(':')
                    .append(d).append("\",\"periodSeconds\":10}},\"name\":\"d").append(b).append('-').append(d)
                    .append(".example\"");
            if (d % 5 == 0) sb.append(",\"settings\":{\"idle_timeout\":{\"origin\":\"s.conf:1:1\",\"value\":\"30\"}}");
            sb.append('}');
        }
        sb.append("\n            ],\n            \"hosts\": [\n              {\"limits\":{\"max_outbound_connections\":")
                .append("{\"key\":[\"binding\",\"host\"],\"limit\":2,\"origin\":\"h.conf:").append(b).append(":1\"}},")
                .append("\"name\":\"mx1.x.example\"}\n            ]\n          }");
    }
}
