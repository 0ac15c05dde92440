package io.limitc.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a compiled file strictly and all-or-nothing: unknown fields, duplicate keys, a wrong
 * format version, numbers of the wrong kind, missing parts and dangling references are
 * errors naming the JSON path and the limit's origin. Nothing is returned half-read.
 */
final class ConfigLoader {

    static final String FORMAT = "limitc-compiled/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // optional fields (parent, status, address...) are left out of the file; required ones are checked below
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        // a hostile file must not exhaust the stack or memory while it is read
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(32).build());
    }

    private ConfigLoader() {}

    static CompiledFile read(InputStream in) throws ConfigException {
        CompiledFile file;
        try {
            file = MAPPER.readValue(in, CompiledFile.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            String at = path(e);
            throw new ConfigException("at " + at.substring(0, at.lastIndexOf('.')) + ": unknown field \"" + e.getPropertyName() + "\"");
        } catch (JsonMappingException e) {
            throw new ConfigException("at " + path(e) + ": " + e.getOriginalMessage().split("[;\n]")[0]);
        } catch (JsonProcessingException e) {
            // a read limit (nesting, number length) is reported without a location (found by fuzzing: was a NullPointerException)
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException("not valid JSON" + at + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new ConfigException("cannot read the compiled file: " + e.getMessage());
        }
        validate(file);
        return file;
    }

    /** {@code $.concurrency_limits[3].limit}: where in the document the problem is. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) sb.append('.').append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static void validate(CompiledFile f) throws ConfigException {
        require(f.format() != null, "$.format", "is missing");
        if (!FORMAT.equals(f.format())) {
            throw new ConfigException("at $.format: \"" + f.format() + "\" is not a format this runtime reads (expected \""
                    + FORMAT + "\"; recompile with a matching limitc)");
        }
        require("ecelerity".equals(f.dialect()) || "nginx".equals(f.dialect()), "$.dialect", "must be ecelerity or nginx");
        for (String list : List.of("concurrency_limits", "rate_limits", "settings", "shadowed", "sources", "pools")) {
            Object value = switch (list) {
                case "concurrency_limits" -> f.concurrency_limits();
                case "rate_limits" -> f.rate_limits();
                case "settings" -> f.settings();
                case "shadowed" -> f.shadowed();
                case "sources" -> f.sources();
                default -> f.pools();
            };
            require(value != null, "$." + list, "is missing");
        }
        require(f.rules() != null, "$.rules", "is missing");
        Set<String> names = new HashSet<>();
        limits(f.concurrency_limits(), "concurrency_limits", names);
        limits(f.rate_limits().stream().map(CompiledFile.Rate::asLimit).toList(), "rate_limits", names);
        for (int i = 0; i < f.rate_limits().size(); i++) {
            CompiledFile.Rate r = f.rate_limits().get(i);
            require(r.periodSeconds() >= 1, "$.rate_limits[" + i + "].periodSeconds", "must be at least 1 (limit " + r.name() + ")");
        }
        if (f.dialect().equals("ecelerity")) {
            require(f.rules().momentum() != null && f.rules().nginx() == null, "$.rules", "must hold momentum rules");
            CompiledFile.Momentum m = f.rules().momentum();
            require(m.scopes() != null && m.chains() != null && m.defaults() != null, "$.rules.momentum", "is incomplete");
            Set<String> settingNames = new HashSet<>();
            for (CompiledFile.Setting s : f.settings()) settingNames.add(s.name());
            Set<String> labels = new HashSet<>();
            for (int i = 0; i < m.scopes().size(); i++) {
                CompiledFile.Scope s = m.scopes().get(i);
                String at = "$.rules.momentum.scopes[" + i + "]";
                require(s.scope() != null && s.kind() != null && s.limits() != null, at, "is incomplete");
                if (s.regex()) {
                    require(s.pattern() != null, at + ".pattern", "is missing for a regex scope");
                    try {
                        java.util.regex.Pattern.compile(s.pattern());
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new ConfigException("at " + at + ".pattern: not a valid regular expression: " + e.getDescription());
                    }
                }
                require(labels.add(s.scope()), at + ".scope", "repeats scope " + s.scope());
                require(s.parent() == null || labels.contains(s.parent()), at + ".parent", "names an unknown scope " + s.parent());
                // a domain or host scope hangs under its parent (found by fuzzing: was a NullPointerException)
                require(s.parent() != null || !(s.kind().equals("domain") || s.kind().equals("host")), at + ".parent",
                        "is missing for a " + s.kind() + " scope");
                for (var ref : s.limits().entrySet()) {
                    require(names.contains(ref.getValue()) || settingNames.contains(ref.getValue()), at + ".limits." + ref.getKey(),
                            "names an unknown limit " + ref.getValue());
                }
            }
        } else {
            require(f.rules().nginx() != null && f.rules().momentum() == null, "$.rules", "must hold nginx rules");
            CompiledFile.Nginx n = f.rules().nginx();
            require(n.zones() != null && n.blocks() != null, "$.rules.nginx", "is incomplete");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n.blocks().size(); i++) {
                CompiledFile.Block b = n.blocks().get(i);
                String at = "$.rules.nginx.blocks[" + i + "]";
                require(b.id() != null && b.limits() != null && b.logLevel() != null, at, "is incomplete");
                require(ids.add(b.id()), at + ".id", "repeats block " + b.id());
                for (String l : b.limits()) require(names.contains(l), at + ".limits", "names an unknown limit " + l);
                require(b.status() == null || b.status() >= 400 && b.status() <= 599, at + ".status", "must be 400-599");
            }
        }
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < f.sources().size(); i++) {
            require(f.sources().get(i).name() != null, "$.sources[" + i + "].name", "is missing");
            sources.add(f.sources().get(i).name());
        }
        for (int i = 0; i < f.pools().size(); i++) {
            CompiledFile.Pool p = f.pools().get(i);
            require(p.entries() != null, "$.pools[" + i + "].entries", "is missing");
            if (p.ttl() != null) {
                try {
                    Durations.parse(p.ttl());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("at $.pools[" + i + "].ttl: " + e.getMessage());
                }
            }
            for (int j = 0; j < p.entries().size(); j++) {
                CompiledFile.Entry e = p.entries().get(j);
                String at = "$.pools[" + i + "].entries[" + j + "]";
                require(sources.contains(e.source()), at + ".source", "names an unknown source " + e.source());
                require(e.weightOrDefault() >= 0, at + ".weight", "must not be negative");
            }
        }
    }

    private static void limits(List<CompiledFile.Limit> list, String field, Set<String> names)
            throws ConfigException {
        for (int i = 0; i < list.size(); i++) {
            CompiledFile.Limit l = list.get(i);
            String at = "$." + field + "[" + i + "]";
            require(l.name() != null && !l.name().isEmpty(), at + ".name", "is missing");
            String where = " (limit " + l.name() + (l.origin() != null ? " written at " + l.origin() : "") + ")";
            require(names.add(l.name()), at + ".name", "repeats an earlier limit" + where);
            require(l.limit() >= -1, at + ".limit", "must be -1 (unlimited) or a count" + where);
            require(l.key() != null, at + ".key", "is missing" + where);
            require(l.option() != null, at + ".option", "is missing" + where);
            require(l.scope() != null, at + ".scope", "is missing" + where);
        }
    }

    private static void require(boolean ok, String path, String problem) throws ConfigException {
        if (!ok) throw new ConfigException("at " + path + ": " + problem);
    }
}
