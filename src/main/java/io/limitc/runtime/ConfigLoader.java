package io.limitc.runtime;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
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

    static final String FORMAT = "limitc-compiled/2";

    /** The parser settings of every read: a hostile file must not exhaust the stack or memory while it is read. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(32).build())
            .build();

    /**
     * Databind, made on first use: it reads nginx files, and any file the quick way refuses,
     * to name the problem. Setting it up costs a fresh JVM 200-250 ms, and its first read
     * (a deserializer for each record) 100-150 ms more, which a Momentum file does without.
     */
    private static final class Databind {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY.copy())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // optional fields (parent, status, address...) are left out of the file; required ones are checked below
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();

        static {
            // a null in a list or map is an error with its path, not a NullPointerException later
            MAPPER.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
            MAPPER.configOverride(java.util.Map.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
    }

    private static final SplitReader SPLIT = new SplitReader(FACTORY);
    /** A file from this size on has its scope tree read on every core. */
    private static final int PARALLEL_BYTES = 1 << 20;

    private ConfigLoader() {}

    static CompiledFile read(InputStream in) throws ConfigException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigException("cannot read the compiled file: " + e.getMessage());
        }
        return read(bytes);
    }

    /** The whole file's bytes, read as {@link #read(InputStream)} reads them. */
    static CompiledFile read(byte[] bytes) throws ConfigException {
        CompiledFile file = inParts(bytes, bytes.length < PARALLEL_BYTES ? 1 : Runtime.getRuntime().availableProcessors());
        if (file == null) file = whole(bytes);
        validate(file);
        return file;
    }

    /** A Momentum file read in parts (SplitReader), or null: not one, or a problem the whole read is to name. */
    static CompiledFile inParts(byte[] bytes, int threads) {
        try {
            return SPLIT.read(bytes, threads);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The whole file read by databind: the reference, and the read that names any problem. */
    static CompiledFile whole(byte[] bytes) throws ConfigException {
        try {
            return Databind.MAPPER.readValue(bytes, CompiledFile.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            format(bytes);
            String at = path(e);
            throw new ConfigException("at " + at.substring(0, at.lastIndexOf('.')) + ": unknown field \"" + e.getPropertyName() + "\"");
        } catch (JsonMappingException e) {
            format(bytes);
            throw new ConfigException("at " + path(e) + ": " + e.getOriginalMessage().split("[;\n]")[0]);
        } catch (JsonProcessingException e) {
            // a read limit (nesting, number length) is reported without a location (found by fuzzing: was a NullPointerException)
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException("not valid JSON" + at + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new ConfigException("cannot read the compiled file: " + e.getMessage());
        }
    }

    /**
     * A file another format version wrote fails to map long before its format is checked:
     * say that, not which field of the other version is unknown here.
     */
    private static void format(byte[] bytes) throws ConfigException {
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return;
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                if (p.currentName().equals("format") && p.nextToken().isScalarValue()) {
                    checkFormat(p.getText());
                    return;
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException e) {
            // not even that can be read: the mapping error stands
        }
    }

    private static void checkFormat(String format) throws ConfigException {
        if (!FORMAT.equals(format)) {
            throw new ConfigException("at $.format: \"" + format + "\" is not a format this runtime reads (expected \""
                    + FORMAT + "\"; recompile with a matching limitc)");
        }
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
        checkFormat(f.format());
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
            // the scope tree is checked as it is built (MomentumRules): one pass over 100 000 scopes
            require(m.global() != null && m.chains() != null && m.defaults() != null, "$.rules.momentum", "is incomplete");
            // every option without a chain of its own resolves along the general one
            require(m.chains().get("general") != null, "$.rules.momentum.chains", "has no general chain");
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
