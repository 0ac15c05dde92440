package io.limitc.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.limitc.runtime.MomentumRules.RawLimit;
import io.limitc.runtime.MomentumRules.Scope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Momentum scope tree of a compiled file straight into the runtime's scopes. A
 * large file has 100 000 scopes and 200 000 limits: bound into records, each costs a record,
 * a map and a buffer of its fields, and loading takes twice as long. As strict as the rest
 * of the loader: an unknown field, a repeated key or a value of the wrong type is an error
 * with its path; like databind, any error inside is given the path to it.
 *
 * <p>Repeated keys are found here, not by the parser: its detection makes a hash set for
 * every object of more than two fields (300 000 in the scope tree of a large file), where a
 * scope or limit has a few known fields (a bit each) and a map a few options. The parser's
 * detection cannot be turned off for one part of a document (its nested contexts keep their
 * detectors), so the tree is read by parsers of its own: {@link SplitReader} hands it to
 * them, and the rest of the file to a strict parser, with an empty object in its place.
 */
final class ScopeReader extends StdDeserializer<MomentumRules.Tree> {

    /** The kind of scope each nested list holds. */
    private static final Map<String, String> KINDS = Map.of("groups", "group", "bindings", "binding", "domains", "domain",
            "hosts", "host");

    ScopeReader() {
        super(MomentumRules.Tree.class);
    }

    @Override
    public MomentumRules.Tree deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new MomentumRules.Tree(new Read(this, p, ctxt).scope("global", null, 0));
    }

    /**
     * Reads one scope (a list element) of a tree read in parts, without databind: any problem
     * throws, for the whole file to be read again to name it.
     */
    static Scope scope(JsonParser p, String kind, Scope parent, int index) throws IOException {
        return new Read(null, p, null).scope(kind, parent, index);
    }

    /** Reads one field of a scope whose fields are read one by one (the parser stands on its value), as {@link #scope}. */
    static void field(JsonParser p, Scope s, String field) throws IOException {
        new Read(null, p, null).field(s, field);
    }

    /** A limit's fields in the order the compiler writes them (sorted), each with the one that follows it. */
    private static final SerializedString KEY = new SerializedString("key");
    private static final SerializedString LIMIT = new SerializedString("limit");
    private static final SerializedString ORIGIN = new SerializedString("origin");
    private static final SerializedString PERIOD = new SerializedString("periodSeconds");
    /** A scope's first fields as the compiler writes a domain. */
    private static final SerializedString LIMITS = new SerializedString("limits");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString PATTERN = new SerializedString("pattern");

    private static SerializedString after(String field) {
        return switch (field) {
            case "cluster" -> KEY;
            case "key" -> LIMIT;
            case "limit" -> ORIGIN;
            default -> PERIOD;
        };
    }

    /** A bit for each field a scope may have (0: an unknown field). */
    static int scopeField(String field) {
        return switch (field) {
            case "name" -> 1;
            case "pattern" -> 2;
            case "limits" -> 4;
            case "settings" -> 8;
            case "groups" -> 16;
            case "bindings" -> 32;
            case "domains" -> 64;
            case "hosts" -> 128;
            default -> 0;
        };
    }

    /** The kind of scope a nested list holds, or null for a field that is not one. */
    static String kindOf(String list) {
        return KINDS.get(list);
    }

    /**
     * One read of a tree, or of a part of it: its parser and the state shared across what it
     * reads. Without a context (a part read side by side) a problem throws a bare exception.
     */
    private static final class Read {
        private final ScopeReader deserializer;
        private final JsonParser p;
        private final DeserializationContext ctxt;
        private final KeyLists keys = new KeyLists();
        private final OptionNames options = new OptionNames();

        Read(ScopeReader deserializer, JsonParser p, DeserializationContext ctxt) {
            this.deserializer = deserializer;
            this.p = p;
            this.ctxt = ctxt;
        }

        Scope scope(String kind, Scope parent, int index) throws IOException {
            expect(JsonToken.START_OBJECT, Scope.class);
            Scope s = new Scope(kind, parent, index);
            int seen = 0;
            // a domain, nearly every scope of a large file, is {"limits":{...},"name":"..."}
            for (String field = nextField(LIMITS); field != null; field = nextField(field.equals("limits") ? NAME : PATTERN)) {
                int bit = scopeField(field);
                seen = once(seen, bit, field);
                p.nextToken();
                if (bit == 0) {
                    unknown(Scope.class, field);
                    continue;
                }
                field(s, field);
            }
            return s;
        }

        void field(Scope s, String field) throws IOException {
            try {
                switch (field) {
                    case "name" -> s.name = text();
                    case "pattern" -> s.pattern = text();
                    case "limits" -> s.raw = limits();
                    case "settings" -> settings();
                    default -> children(s, KINDS.get(field));
                }
            } catch (JacksonException e) {
                throw JsonMappingException.wrapWithPath(e, s, field);
            }
        }

        private void children(Scope s, String kind) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return;
            expect(JsonToken.START_ARRAY, List.class);
            if (s.children.isEmpty()) s.children = new ArrayList<>();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                try {
                    s.children.add(scope(kind, s, i));
                } catch (JacksonException e) {
                    throw JsonMappingException.wrapWithPath(e, s.children, i);
                }
            }
        }

        private List<RawLimit> limits() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return List.of();
            expect(JsonToken.START_OBJECT, Map.class);
            List<RawLimit> limits = new ArrayList<>(2);
            options.clear();
            for (String option = p.nextFieldName(); option != null; option = p.nextFieldName()) {
                if (!options.add(option)) throw repeated(option);
                p.nextToken();
                try {
                    limits.add(limit(option));
                } catch (JacksonException e) {
                    throw JsonMappingException.wrapWithPath(e, limits, option);
                }
            }
            return limits;
        }

        private RawLimit limit(String option) throws IOException {
            expect(JsonToken.START_OBJECT, RawLimit.class);
            Long limit = null;
            Long period = null;
            List<String> key = null;
            boolean cluster = false;
            String origin = null;
            int seen = 0;
            for (String field = nextField(KEY); field != null; field = nextField(after(field))) {
                int bit = switch (field) {
                    case "limit" -> 1;
                    case "periodSeconds" -> 2;
                    case "key" -> 4;
                    case "cluster" -> 8;
                    case "origin" -> 16;
                    default -> 0;
                };
                seen = once(seen, bit, field);
                p.nextToken();
                if (bit == 0) {
                    unknown(RawLimit.class, field);
                    continue;
                }
                try {
                    switch (field) {
                        case "limit" -> limit = number();
                        case "periodSeconds" -> period = number();
                        case "key" -> key = texts();
                        case "cluster" -> cluster = bool();
                        default -> origin = text();
                    }
                } catch (JacksonException e) {
                    throw JsonMappingException.wrapWithPath(e, option, field);
                }
            }
            return new RawLimit(option, limit, period, key, cluster, origin);
        }

        /** A scope's per-connection settings: checked, not kept (the runtime applies limits only). */
        private void settings() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return;
            expect(JsonToken.START_OBJECT, Map.class);
            options.clear();
            for (String option = p.nextFieldName(); option != null; option = p.nextFieldName()) {
                if (!options.add(option)) throw repeated(option);
                p.nextToken();
                try {
                    expect(JsonToken.START_OBJECT, Object.class);
                    int seen = 0;
                    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                        int bit = switch (field) {
                            case "value" -> 1;
                            case "origin" -> 2;
                            default -> 0;
                        };
                        seen = once(seen, bit, field);
                        p.nextToken();
                        if (bit == 0) {
                            unknown(Object.class, field);
                            continue;
                        }
                        try {
                            text();
                        } catch (JacksonException e) {
                            throw JsonMappingException.wrapWithPath(e, option, field);
                        }
                    }
                } catch (JacksonException e) {
                    throw JsonMappingException.wrapWithPath(e, option, option);
                }
            }
        }

        /**
         * The next field's name, or null at the end of the object. {@code expected} is the field
         * the compiler writes next (it sorts them): when it is that one, its quoted bytes are
         * compared in place rather than the name looked up in the parser's symbol table.
         */
        private String nextField(SerializedString expected) throws IOException {
            if (p.nextFieldName(expected)) return expected.getValue();
            return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        }

        /** The fields seen so far with this one's bit added; a known field read before is an error. */
        private int once(int seen, int bit, String field) throws JsonParseException {
            if ((seen & bit) != 0) throw repeated(field);
            return seen | bit;
        }

        /** As the parser's own detection words it, so a message does not depend on which found it. */
        private JsonParseException repeated(String field) {
            return new JsonParseException(p, "Duplicate field '" + field + "'");
        }

        private List<String> texts() throws IOException {
            expect(JsonToken.START_ARRAY, List.class);
            keys.start();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    try {
                        unexpected(String.class);
                    } catch (JacksonException e) {
                        throw JsonMappingException.wrapWithPath(e, keys, i);
                    }
                }
                keys.add(p);
            }
            return keys.end();
        }

        private String text() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
            if (p.currentToken() == JsonToken.VALUE_NULL) return null;
            return (String) unexpected(String.class);
        }

        private boolean bool() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_TRUE) return true;
            if (p.currentToken() == JsonToken.VALUE_FALSE || p.currentToken() == JsonToken.VALUE_NULL) return false;
            return (Boolean) unexpected(Boolean.class);
        }

        private Long number() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
            if (p.currentToken() == JsonToken.VALUE_NULL) return null;
            return (Long) unexpected(Long.class);
        }

        private void expect(JsonToken token, Class<?> type) throws IOException {
            if (p.currentToken() != token) unexpected(type);
        }

        private void unknown(Class<?> in, String field) throws IOException {
            if (ctxt == null) throw new JsonParseException(p, "unknown field " + field);
            ctxt.handleUnknownProperty(p, deserializer, in, field);
        }

        /** Throws (databind's context: its message), unless configured to make something of the value. */
        private Object unexpected(Class<?> type) throws IOException {
            if (ctxt == null) throw new JsonParseException(p, "unexpected " + p.currentToken());
            return ctxt.handleUnexpectedToken(type, p);
        }
    }
}
