package io.limitc.check.nginx;

/**
 * The {@code zone=name:size} argument of limit_conn_zone, read as nginx
 * (ngx_http_limit_conn_zone, nginx.md §2.2) or Angie (ngx_conf_parse_zone_spec, §3) do,
 * with their own messages.
 */
record ZoneSpec(String name, long size, String error, String help) {

    static ZoneSpec nginx(String param) {
        if (!param.startsWith("zone=")) return fail("invalid parameter \"" + param + "\"", "write zone=NAME:SIZE");
        String spec = param.substring(5);
        int colon = spec.indexOf(':');
        if (colon < 0) return fail("invalid zone size \"" + param + "\"", "write zone=NAME:SIZE, e.g. zone=perip:10m");
        long size = parseSize(spec.substring(colon + 1));
        if (size < 0) {
            return fail("invalid zone size \"" + param + "\"", "a size is a whole number with an optional k or m suffix (no g)");
        }
        if (size < NginxAnalysis.MIN_ZONE) {
            return fail("zone \"" + param + "\" is too small", "it would hold about " + states64(size)
                    + " states of 64 bytes; the smallest zone is 32k (8 pages of 4 KiB), 1m holds about " + states64(1 << 20));
        }
        String name = spec.substring(0, colon);
        if (name.isEmpty()) return fail("\"limit_conn_zone\" must have \"zone\" parameter", "give the zone a name: zone=NAME:SIZE");
        return new ZoneSpec(name, size, null, null);
    }

    static ZoneSpec angie(String param) {
        if (!param.startsWith("zone=")) return fail("invalid parameter \"" + param + "\"", "write zone=NAME:SIZE");
        String spec = param.substring(5);
        String[] parts = spec.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty()) return fail("invalid zone specification \"" + spec + "\"", "write zone=NAME:SIZE");
        }
        if (parts.length > 3) return fail("invalid zone specification \"" + spec + "\"", "write zone=NAME:SIZE");
        if (parts.length == 3) {
            return parts[2].startsWith("file=")
                    ? fail("this zone cannot be serialized using file", "limit_conn zones cannot be saved to a file")
                    : fail("invalid zone specification \"" + spec + "\"", "write zone=NAME:SIZE");
        }
        if (parts.length == 1) return new ZoneSpec(parts[0], 0, null, null);
        long size = parseSize(parts[1]);
        if (size < 0) return fail("invalid zone size \"" + parts[1] + "\"", "a size is a whole number with an optional k or m suffix");
        if (size < NginxAnalysis.MIN_ZONE) {
            return fail("zone \"" + parts[0] + "\" is too small, at least " + NginxAnalysis.MIN_ZONE + " bytes expected", null);
        }
        return new ZoneSpec(parts[0], size, null, null);
    }

    /** ngx_parse_size: digits with an optional k/K or m/M suffix; -1 when invalid. */
    static long parseSize(String text) {
        if (text.isEmpty()) return -1;
        char unit = text.charAt(text.length() - 1);
        long scale = switch (unit) {
            case 'k', 'K' -> 1024;
            case 'm', 'M' -> 1024 * 1024;
            default -> 1;
        };
        String digits = scale == 1 ? text : text.substring(0, text.length() - 1);
        long n = NginxAnalysis.atoi(digits);
        if (n < 0 || n > Long.MAX_VALUE / scale) return -1;
        return n * scale;
    }

    /**
     * About how many 64-byte states (keys up to 28 bytes, e.g. $binary_remote_addr) a zone
     * holds: slab pages of 4 KiB plus a 24-byte page descriptor each, less the pool's own.
     */
    static long states64(long size) {
        return Math.max(0, size / (4096 + 24) - 1) * (4096 / 64);
    }

    private static ZoneSpec fail(String message, String help) {
        return new ZoneSpec(null, 0, message, help);
    }
}
