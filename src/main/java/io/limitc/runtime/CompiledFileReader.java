package io.limitc.runtime;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.limitc.runtime.MomentumRules.Scope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the records of a compiled Momentum file, all but its scope tree, with jackson-core's
 * streaming parser. Databind would do it in one line, but setting it up in a fresh JVM
 * (the mapper, then a deserializer for each record) costs 300-400 ms, more than reading the
 * whole tree of a 100 000-domain file on two cores.
 *
 * <p>It accepts only what the loader's mapper accepts, and binds it to the same values: a
 * string or null for a String, an integer for a number ({@code long}, and an Integer within
 * int's range), true or false for a boolean, nulls only where a record or list may be null,
 * no unknown fields; a missing field is null, and a missing number or boolean of a
 * primitive type an error (databind's FAIL_ON_NULL_FOR_PRIMITIVES takes it for a null). Anything
 * else throws, and the caller has the mapper read the file to name the problem. Repeated
 * keys are the parser's to find (it detects them); trailing content is checked here.
 */
final class CompiledFileReader {

    private interface Value<T> {
        T read() throws IOException;
    }

    private final JsonParser p;
    /** Where the scope tree stood: the empty object in its place stands for this root. */
    private final long treeOffset;
    private final Scope root;

    private CompiledFileReader(JsonParser p, long treeOffset, Scope root) {
        this.p = p;
        this.treeOffset = treeOffset;
        this.root = root;
    }

    /** The file the parser stands before, the tree's object at {@code treeOffset} standing for {@code root}. */
    static CompiledFile read(JsonParser p, long treeOffset, Scope root) throws IOException {
        CompiledFileReader r = new CompiledFileReader(p, treeOffset, root);
        p.nextToken();
        if (p.currentToken() != JsonToken.START_OBJECT) throw r.refused();
        CompiledFile file = r.file();
        if (p.nextToken() != null) throw r.refused();
        return file;
    }

    private CompiledFile file() throws IOException {
        String format = null;
        String dialect = null;
        List<CompiledFile.Limit> concurrency = null;
        List<CompiledFile.Rate> rates = null;
        List<CompiledFile.Setting> settings = null;
        List<CompiledFile.Shadowed> shadowed = null;
        List<CompiledFile.Source> sources = null;
        List<CompiledFile.Pool> pools = null;
        CompiledFile.Rules rules = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "format" -> format = string();
                case "dialect" -> dialect = string();
                case "concurrency_limits" -> concurrency = list(() -> object(this::limit));
                case "rate_limits" -> rates = list(() -> object(this::rate));
                case "settings" -> settings = list(() -> object(this::setting));
                case "shadowed" -> shadowed = list(() -> object(this::shadowed));
                case "sources" -> sources = list(() -> object(this::source));
                case "pools" -> pools = list(() -> object(this::pool));
                case "rules" -> rules = nullOr(() -> object(this::rules));
                default -> throw refused();
            }
        }
        return new CompiledFile(format, dialect, concurrency, rates, settings, shadowed, sources, pools, rules);
    }

    private CompiledFile.Limit limit() throws IOException {
        return limitFields(false).asLimit();
    }

    private CompiledFile.Rate rate() throws IOException {
        return limitFields(true);
    }

    /** A concurrency limit's fields, and with {@code rate} a rate limit's two more (a Limit has none of them). */
    private CompiledFile.Rate limitFields(boolean rate) throws IOException {
        String name = null;
        long limit = 0;
        long period = 0;
        String rateText = null;
        List<String> key = null;
        String scope = null;
        boolean cluster = false;
        String option = null;
        String origin = null;
        int primitives = 0;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "name" -> name = string();
                case "limit" -> {
                    limit = longValue();
                    primitives |= 1;
                }
                case "cluster" -> {
                    cluster = bool();
                    primitives |= 2;
                }
                case "periodSeconds" -> {
                    if (!rate) throw refused();
                    period = longValue();
                    primitives |= 4;
                }
                case "rate" -> {
                    if (!rate) throw refused();
                    rateText = string();
                }
                case "key" -> key = strings();
                case "scope" -> scope = string();
                case "option" -> option = string();
                case "origin" -> origin = string();
                default -> throw refused();
            }
        }
        if (primitives != (rate ? 7 : 3)) throw refused();
        return new CompiledFile.Rate(name, limit, period, rateText, key, scope, cluster, option, origin);
    }

    private CompiledFile.Setting setting() throws IOException {
        String[] v = strings("name", "option", "value", "scope", "origin");
        return new CompiledFile.Setting(v[0], v[1], v[2], v[3], v[4]);
    }

    private CompiledFile.Shadowed shadowed() throws IOException {
        String[] v = strings("option", "scope", "value", "origin", "by");
        return new CompiledFile.Shadowed(v[0], v[1], v[2], v[3], v[4]);
    }

    private CompiledFile.Source source() throws IOException {
        String[] v = strings("name", "address", "ehlo", "origin");
        return new CompiledFile.Source(v[0], v[1], v[2], v[3]);
    }

    /** An object of string fields only, in the order named. */
    private String[] strings(String... names) throws IOException {
        String[] values = new String[names.length];
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            int i = 0;
            while (i < names.length && !names[i].equals(field)) i++;
            if (i == names.length) throw refused();
            values[i] = string();
        }
        return values;
    }

    private CompiledFile.Pool pool() throws IOException {
        String name = null;
        List<CompiledFile.Entry> entries = null;
        String ttl = null;
        String origin = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "name" -> name = string();
                case "entries" -> entries = list(() -> object(this::entry));
                case "ttl" -> ttl = string();
                case "origin" -> origin = string();
                default -> throw refused();
            }
        }
        return new CompiledFile.Pool(name, entries, ttl, origin);
    }

    private CompiledFile.Entry entry() throws IOException {
        String source = null;
        Integer weight = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "source" -> source = string();
                case "weight" -> weight = p.currentToken() == JsonToken.VALUE_NULL ? null : intValue();
                default -> throw refused();
            }
        }
        return new CompiledFile.Entry(source, weight);
    }

    private CompiledFile.Rules rules() throws IOException {
        CompiledFile.Momentum momentum = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            // the rules of the other dialect are left to the mapper
            if (!field.equals("momentum")) throw refused();
            momentum = nullOr(() -> object(this::momentum));
        }
        return new CompiledFile.Rules(momentum, null);
    }

    private CompiledFile.Momentum momentum() throws IOException {
        MomentumRules.Tree global = null;
        Map<String, List<String>> chains = null;
        Map<String, Long> defaults = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "global" -> global = tree();
                case "chains" -> chains = map(this::strings);
                case "defaults" -> defaults = map(this::longValue);
                default -> throw refused();
            }
        }
        return new CompiledFile.Momentum(global, chains, defaults);
    }

    /** Only the empty object standing where the tree was read from. */
    private MomentumRules.Tree tree() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT || p.currentTokenLocation().getByteOffset() != treeOffset
                || p.nextToken() != JsonToken.END_OBJECT) {
            throw refused();
        }
        return new MomentumRules.Tree(root);
    }

    /** An object's fields, read by {@code fields} once the parser stands on its START_OBJECT. */
    private <T> T object(Value<T> fields) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw refused();
        return fields.read();
    }

    private <T> T nullOr(Value<T> value) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : value.read();
    }

    /** A list, or null; its elements may not be null. */
    private <T> List<T> list(Value<T> element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        if (p.currentToken() != JsonToken.START_ARRAY) throw refused();
        List<T> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_NULL) throw refused();
            list.add(element.read());
        }
        return list;
    }

    /** A map of string keys, or null; its values may not be null. */
    private <T> Map<String, T> map(Value<T> value) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        if (p.currentToken() != JsonToken.START_OBJECT) throw refused();
        Map<String, T> map = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            if (p.nextToken() == JsonToken.VALUE_NULL) throw refused();
            map.put(key, value.read());
        }
        return map;
    }

    private List<String> strings() throws IOException {
        return list(() -> {
            if (p.currentToken() != JsonToken.VALUE_STRING) throw refused();
            return p.getText();
        });
    }

    private String string() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        throw refused();
    }

    private long longValue() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw refused();
        }
        return p.getLongValue();
    }

    private int intValue() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw refused();
        return p.getIntValue();
    }

    private boolean bool() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_TRUE) return true;
        if (p.currentToken() == JsonToken.VALUE_FALSE) return false;
        throw refused();
    }

    /** Not what the mapper would bind: it is to read the file and say why. */
    private JsonParseException refused() {
        return new JsonParseException(p, "left to the mapper");
    }
}
