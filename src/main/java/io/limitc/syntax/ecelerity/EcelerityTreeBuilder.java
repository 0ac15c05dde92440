package io.limitc.syntax.ecelerity;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.Value;
import io.limitc.model.ecelerity.MomentumScopes;
import io.limitc.syntax.Positions;
import io.limitc.model.ReadingRules;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.BlockContext;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.ScalarContext;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.StatementContext;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.ValueContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Turns a Momentum parse tree into model statements (the Trino AstBuilder idea: the
 * grammar has no actions; this class is the only place that knows the tree's shape).
 * Statements that error recovery left incomplete are dropped: their error is already
 * reported.
 */
final class EcelerityTreeBuilder {

    /** Reads an included path; returns the indexes of the files it read. */
    interface IncludeResolver {
        List<Integer> resolve(String path, Origin at);
    }

    private final String file;
    private final IncludeResolver includes;
    private final List<Diagnostic> diagnostics;
    /**
     * One instance of each keyword and unquoted word: a 100 000-domain file says
     * {@code Max_Outbound_Connections} and {@code 10} a hundred thousand times, and the model
     * lives until the end of the run.
     */
    private final Map<String, String> words = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();

    EcelerityTreeBuilder(String file, IncludeResolver includes, List<Diagnostic> diagnostics) {
        this.file = file;
        this.includes = includes;
        this.diagnostics = diagnostics;
    }

    List<Directive> build(EcelerityParser.ConfigContext config) {
        return statements(config.statement());
    }

    private List<Directive> statements(List<StatementContext> contexts) {
        List<Directive> out = new ArrayList<>(contexts.size());
        for (StatementContext st : contexts) {
            Directive d = statement(st);
            if (d != null) out.add(d);
        }
        return out;
    }

    private Directive statement(StatementContext st) {
        if (st.exception != null || st.key == null) return null;
        String name = keyword(st.key);
        Token last = st.getStop() == null ? st.key : st.getStop();
        if (st.ASSIGN() != null) {
            Value v = value(st.assigned);
            return v == null ? null : assigned(st.key, name, v, last);
        }
        BlockContext block = st.block();
        if (st.names.size() > 1) {
            ValueContext second = st.names.get(1);
            error(Positions.of(file, second.getStart()), block != null
                    ? name + " takes one name, found a second one: " + second.getText()
                    : name + " takes one value, found a second one: " + second.getText()
                            + " (a list of values is written in parentheses)");
            if (block == null) return null;
        }
        Value first = null;
        if (!st.names.isEmpty()) {
            first = value(st.names.get(0));
            if (first == null) return null;
        }
        if (block != null) {
            if (first != null && !(first instanceof Value.Scalar)) {
                error(first.origin(), "the name of " + name + " must be a word or a quoted string");
            }
            // A stanza whose "}" is missing swallowed everything after it; judging those
            // statements in the wrong scope would bury the one real error in a cascade.
            boolean unclosed = block.RBRACE() == null || block.RBRACE().getSymbol().getTokenIndex() < 0;
            List<Directive> body = unclosed ? List.of() : statements(block.statement());
            return stanza(st.key, name, first, block.LBRACE().getSymbol(), body, last);
        }
        if (!isInclude(key(name)) && first instanceof Value.Scalar s) {
            // `=` may be left out only before a list or a dictionary (ecelerity.md §1.2)
            String written = st.names.get(0).getText();
            String message = MomentumScopes.isKnown(key(name))
                    ? "expected \"{\" after " + name + " " + written
                    : "expected \"=\" between " + name + " and its value " + written;
            error(s.origin(), message);
        }
        return unassigned(st.key, name, first, last);
    }

    // The statements as the grammar's shapes, from their tokens: the parse tree above and the
    // direct reader (EcelerityDirectReader) build the model through these alone.

    /** The keyword as written, one instance per spelling. */
    String keyword(Token keyword) {
        return word(keyword.getText());
    }

    /** The keyword lower-cased, one instance per spelling. */
    String key(String name) {
        // interned: the checks look keys up in tables of literal option names, and an equal
        // string that is the same object compares without reading its characters
        return keys.computeIfAbsent(name, n -> n.toLowerCase(Locale.ROOT).intern());
    }

    /** {@code Key = value}, {@code last} its last token. */
    Directive assigned(Token keyword, String name, Value v, Token last) {
        return option(keyword, name, v, true, last);
    }

    /** {@code Key "name" { ... }} or {@code Key { ... }} ({@code instance} null), {@code last} its "}". */
    Directive stanza(Token keyword, String name, Value instance, Token open, List<Directive> body, Token last) {
        return new Directive(name, key(name), Positions.of(file, keyword, name), instance == null ? List.of() : List.of(instance),
                false, body, Positions.of(file, open), Positions.span(file, keyword, last), List.of());
    }

    /** {@code Key value} without "=": an include, or (after the error for a scalar) an option. */
    Directive unassigned(Token keyword, String name, Value v, Token last) {
        return option(keyword, name, v, false, last);
    }

    private Directive option(Token keyword, String name, Value v, boolean assigned, Token last) {
        String key = key(name);
        Origin nameAt = Positions.of(file, keyword, name);
        Origin whole = Positions.span(file, keyword, last);
        if (isInclude(key)) return include(name, key, nameAt, v, assigned, whole);
        return new Directive(name, key, nameAt, List.of(v), assigned, null, null, whole, List.of());
    }

    Value.ListValue list(List<Value> items, Token open, Token close) {
        return new Value.ListValue(items, Positions.span(file, open, close));
    }

    Value.DictValue dict(List<Value.Entry> entries, Token open, Token close) {
        return new Value.DictValue(entries, Positions.span(file, open, close));
    }

    private String word(String text) {
        String known = words.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    private void error(Origin at, String message) {
        diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, at, message));
    }

    static boolean isInclude(String key) {
        return key.equals("include") || key.equals("readonly_include");
    }

    private Directive include(String name, String key, Origin nameAt, Value v, boolean assigned, Origin whole) {
        List<Integer> read = List.of();
        if (v instanceof Value.Scalar path && path.text().isEmpty()) {
            error(v.origin(), name + " path is empty");
        } else if (v instanceof Value.Scalar path) {
            read = includes.resolve(path.text(), path.origin());
        } else {
            diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, v.origin(),
                    name + " takes one path, as a word or a quoted string"));
        }
        return new Directive(name, key, nameAt, List.of(v), assigned, null, null, whole, read);
    }

    private Value value(ValueContext ctx) {
        if (ctx == null || ctx.exception != null) return null;
        if (ctx.scalar() != null) return scalar(ctx.scalar());
        Origin at = ctx.getStop() == null ? null : Positions.span(file, ctx.getStart(), ctx.getStop());
        if (ctx.list() != null) {
            List<Value> items = new ArrayList<>();
            for (ValueContext item : ctx.list().value()) {
                Value v = value(item);
                if (v != null) items.add(v);
            }
            return at == null ? null : new Value.ListValue(items, at);
        }
        if (ctx.dict() != null) {
            List<Value.Entry> entries = new ArrayList<>();
            for (EcelerityParser.EntryContext e : ctx.dict().entry()) {
                Value.Scalar k = scalar(e.key);
                Value v = value(e.value());
                if (k != null && v != null) entries.add(new Value.Entry(k, v));
            }
            return at == null ? null : new Value.DictValue(entries, at);
        }
        return null;
    }

    private Value.Scalar scalar(ScalarContext ctx) {
        if (ctx == null || ctx.exception != null) return null;
        return scalar(ctx.getStart());
    }

    /** A WORD, BARE, STRING or SQSTRING token as a value. */
    Value.Scalar scalar(Token t) {
        String text = t.getText();
        Origin at = Positions.of(file, t, text);
        return switch (t.getType()) {
            case EcelerityParser.STRING, EcelerityParser.SQSTRING -> new Value.Scalar(unquote(text), true, at);
            default -> new Value.Scalar(word(text), false, at);
        };
    }

    /**
     * Removes the quotes; {@code \"} (or {@code \'}) and {@code \\} are escapes, every other
     * backslash pair is kept as written so regular expressions survive (ecelerity.md §1.3).
     */
    static String unquote(String quoted) {
        char q = quoted.charAt(0);
        String body = quoted.substring(1, quoted.length() - 1);
        if (body.indexOf('\\') < 0) return body;
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(i + 1);
                if (n == q || n == '\\') {
                    sb.append(n);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
