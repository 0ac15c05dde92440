package io.limitc.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.limitc.runtime.MomentumRules.RawLimit;
import io.limitc.runtime.MomentumRules.Scope;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Momentum scope tree of a compiled file straight into the runtime's scopes. A
 * large file has 100 000 scopes and 200 000 limits: bound into records, each costs a record,
 * a map and a buffer of its fields, and loading takes twice as long. As strict as the rest
 * of the loader: an unknown field or a value of the wrong type is an error with its path
 * (duplicate keys are the parser's); like databind, any error inside is given the path to it.
 */
final class ScopeReader extends StdDeserializer<MomentumRules.Tree> {

    private static final Set<String> SCOPE_FIELDS = Set.of("name", "pattern", "limits", "settings", "groups", "bindings",
            "domains", "hosts");
    /** The kind of scope each nested list holds. */
    private static final Map<String, String> KINDS = Map.of("groups", "group", "bindings", "binding", "domains", "domain",
            "hosts", "host");
    private static final Set<String> LIMIT_FIELDS = Set.of("limit", "periodSeconds", "key", "cluster", "origin");
    private static final Set<String> SETTING_FIELDS = Set.of("value", "origin");

    ScopeReader() {
        super(MomentumRules.Tree.class);
    }

    @Override
    public MomentumRules.Tree deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new MomentumRules.Tree(scope(p, ctxt, "global", null, 0));
    }

    private Scope scope(JsonParser p, DeserializationContext ctxt, String kind, Scope parent, int index) throws IOException {
        expect(p, ctxt, JsonToken.START_OBJECT, Scope.class);
        Scope s = new Scope(kind, parent, index);
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            if (!SCOPE_FIELDS.contains(field)) {
                ctxt.handleUnknownProperty(p, this, Scope.class, field);
                continue;
            }
            try {
                switch (field) {
                    case "name" -> s.name = text(p, ctxt);
                    case "pattern" -> s.pattern = text(p, ctxt);
                    case "limits" -> s.raw = limits(p, ctxt);
                    case "settings" -> settings(p, ctxt);
                    default -> children(p, ctxt, s, KINDS.get(field));
                }
            } catch (JacksonException e) {
                throw JsonMappingException.wrapWithPath(e, s, field);
            }
        }
        return s;
    }

    private void children(JsonParser p, DeserializationContext ctxt, Scope s, String kind) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return;
        expect(p, ctxt, JsonToken.START_ARRAY, List.class);
        if (s.children.isEmpty()) s.children = new ArrayList<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            try {
                s.children.add(scope(p, ctxt, kind, s, i));
            } catch (JacksonException e) {
                throw JsonMappingException.wrapWithPath(e, s.children, i);
            }
        }
    }

    private List<RawLimit> limits(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return List.of();
        expect(p, ctxt, JsonToken.START_OBJECT, Map.class);
        List<RawLimit> limits = new ArrayList<>(2);
        for (String option = p.nextFieldName(); option != null; option = p.nextFieldName()) {
            p.nextToken();
            try {
                limits.add(limit(p, ctxt, option));
            } catch (JacksonException e) {
                throw JsonMappingException.wrapWithPath(e, limits, option);
            }
        }
        return limits;
    }

    private RawLimit limit(JsonParser p, DeserializationContext ctxt, String option) throws IOException {
        expect(p, ctxt, JsonToken.START_OBJECT, RawLimit.class);
        Long limit = null;
        Long period = null;
        List<String> key = null;
        boolean cluster = false;
        String origin = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            if (!LIMIT_FIELDS.contains(field)) {
                ctxt.handleUnknownProperty(p, this, RawLimit.class, field);
                continue;
            }
            try {
                switch (field) {
                    case "limit" -> limit = number(p, ctxt);
                    case "periodSeconds" -> period = number(p, ctxt);
                    case "key" -> key = texts(p, ctxt);
                    case "cluster" -> cluster = bool(p, ctxt);
                    default -> origin = text(p, ctxt);
                }
            } catch (JacksonException e) {
                throw JsonMappingException.wrapWithPath(e, option, field);
            }
        }
        return new RawLimit(option, limit, period, key, cluster, origin);
    }

    /** A scope's per-connection settings: checked, not kept (the runtime applies limits only). */
    private void settings(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return;
        expect(p, ctxt, JsonToken.START_OBJECT, Map.class);
        for (String option = p.nextFieldName(); option != null; option = p.nextFieldName()) {
            p.nextToken();
            try {
                expect(p, ctxt, JsonToken.START_OBJECT, Object.class);
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    p.nextToken();
                    if (!SETTING_FIELDS.contains(field)) {
                        ctxt.handleUnknownProperty(p, this, Object.class, field);
                        continue;
                    }
                    try {
                        text(p, ctxt);
                    } catch (JacksonException e) {
                        throw JsonMappingException.wrapWithPath(e, option, field);
                    }
                }
            } catch (JacksonException e) {
                throw JsonMappingException.wrapWithPath(e, option, option);
            }
        }
    }

    private static List<String> texts(JsonParser p, DeserializationContext ctxt) throws IOException {
        expect(p, ctxt, JsonToken.START_ARRAY, List.class);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                try {
                    ctxt.handleUnexpectedToken(String.class, p);
                } catch (JacksonException e) {
                    throw JsonMappingException.wrapWithPath(e, out, i);
                }
            }
            out.add(p.getText());
        }
        return out;
    }

    private static String text(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }

    private static boolean bool(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_TRUE) return true;
        if (p.currentToken() == JsonToken.VALUE_FALSE || p.currentToken() == JsonToken.VALUE_NULL) return false;
        return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
    }

    private static Long number(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }

    private static void expect(JsonParser p, DeserializationContext ctxt, JsonToken token, Class<?> type) throws IOException {
        if (p.currentToken() != token) ctxt.handleUnexpectedToken(type, p);
    }
}
