package io.limitc.syntax.ecelerity;

import io.limitc.model.Directive;
import io.limitc.model.Value;
import io.limitc.syntax.SpannedTokenFactory;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the statements of one top-level stanza straight from its tokens, for the shapes a
 * valid configuration is made of: {@code Key = value}, {@code Key "name" { ... }},
 * {@code Key { ... }}, {@code include path}, and an option with a list or dictionary
 * written without "=". It follows the grammar (grammar/Ecelerity.g4) token for token,
 * predicates included, and builds through {@link EcelerityTreeBuilder}, so the model is the
 * one the parse tree would give; the ANTLR parser it saves was a third of a large lint.
 *
 * <p>It never reports anything: at the first token that is not plainly valid (a syntax
 * error, a value the builder would complain about) it gives up, and the stanza goes to the
 * ANTLR parser, which knows how to say what is wrong.
 */
final class EcelerityDirectReader {

    /** Not plainly valid: the grammar decides. */
    private static final class GiveUp extends RuntimeException {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private final EcelerityTreeBuilder builder;
    private Token[] tokens = new Token[256];
    private int size;
    private int at;

    EcelerityDirectReader(EcelerityTreeBuilder builder) {
        this.builder = builder;
    }

    /** The statements of {@code stanza} (its tokens, comments included), or null to leave it to the grammar. */
    List<Directive> read(List<Token> stanza) {
        size = 0;
        at = 0;
        for (Token t : stanza) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (!(t instanceof SpannedTokenFactory.SpannedToken)) return null; // end lines come from the tokens
            if (size == tokens.length) tokens = java.util.Arrays.copyOf(tokens, size * 2);
            tokens[size++] = t;
        }
        try {
            List<Directive> out = new ArrayList<>();
            while (at < size) out.add(statement());
            return out;
        } catch (GiveUp unsure) {
            return null;
        } finally {
            java.util.Arrays.fill(tokens, 0, size, null);
        }
    }

    private int type(int i) {
        return i < size ? tokens[i].getType() : Token.EOF;
    }

    private Token next() {
        if (at >= size) throw GiveUp.INSTANCE;
        return tokens[at++];
    }

    private Directive statement() {
        Token keyword = next();
        if (keyword.getType() != EcelerityParser.WORD) throw GiveUp.INSTANCE;
        String name = builder.keyword(keyword);
        if (type(at) == EcelerityParser.ASSIGN) {
            at++;
            if (!notStatementStart(true)) throw GiveUp.INSTANCE;
            Value v = value();
            if (EcelerityTreeBuilder.isInclude(builder.key(name)) && !isPath(v)) throw GiveUp.INSTANCE;
            return builder.assigned(keyword, name, v, tokens[at - 1]);
        }
        if (type(at) == EcelerityParser.LBRACE) return stanza(keyword, name, null);
        if (!notStatementStart(true)) throw GiveUp.INSTANCE;
        Value first = value();
        if (startsValue(type(at)) && sameLine()) throw GiveUp.INSTANCE; // a second name: the builder's error
        if (type(at) == EcelerityParser.LBRACE) {
            if (!(first instanceof Value.Scalar)) throw GiveUp.INSTANCE;
            return stanza(keyword, name, first);
        }
        boolean include = EcelerityTreeBuilder.isInclude(builder.key(name));
        if (include ? !isPath(first) : first instanceof Value.Scalar) throw GiveUp.INSTANCE; // "=" forgotten
        return builder.unassigned(keyword, name, first, tokens[at - 1]);
    }

    private Directive stanza(Token keyword, String name, Value instance) {
        Token open = next();
        List<Directive> body = new ArrayList<>();
        while (type(at) != EcelerityParser.RBRACE) {
            if (at >= size) throw GiveUp.INSTANCE;
            body.add(statement());
        }
        Token close = next();
        return builder.stanza(keyword, name, instance, open, body, close);
    }

    private Value value() {
        Token first = next();
        switch (first.getType()) {
            case EcelerityParser.WORD, EcelerityParser.BARE, EcelerityParser.STRING, EcelerityParser.SQSTRING -> {
                return builder.scalar(first);
            }
            case EcelerityParser.LPAREN -> {
                List<Value> items = new ArrayList<>();
                while (type(at) != EcelerityParser.RPAREN) {
                    if (!notStatementStart(false)) throw GiveUp.INSTANCE;
                    items.add(value());
                    if (type(at) == EcelerityParser.COMMA) at++;
                }
                return builder.list(items, first, next());
            }
            case EcelerityParser.LBRACKET -> {
                List<Value.Entry> entries = new ArrayList<>();
                while (type(at) != EcelerityParser.RBRACKET) {
                    Token key = next();
                    if (!isScalar(key.getType()) || type(at) != EcelerityParser.ASSIGN) throw GiveUp.INSTANCE;
                    at++;
                    entries.add(new Value.Entry(builder.scalar(key), value()));
                    if (type(at) == EcelerityParser.COMMA) at++;
                }
                return builder.dict(entries, first, next());
            }
            default -> throw GiveUp.INSTANCE;
        }
    }

    /** An include the builder takes without a word: a non-empty path. */
    private static boolean isPath(Value v) {
        return v instanceof Value.Scalar s && !s.text().isEmpty();
    }

    private static boolean isScalar(int type) {
        return type == EcelerityParser.WORD || type == EcelerityParser.BARE
                || type == EcelerityParser.STRING || type == EcelerityParser.SQSTRING;
    }

    private static boolean startsValue(int type) {
        return isScalar(type) || type == EcelerityParser.LPAREN || type == EcelerityParser.LBRACKET;
    }

    /** The grammar's predicate of that name, on this reader's tokens. */
    private boolean notStatementStart(boolean strict) {
        if (type(at) != EcelerityParser.WORD) return true;
        if (at == 0 || endLine(tokens[at - 1]) == tokens[at].getLine()) return true;
        int second = type(at + 1);
        if (second == EcelerityParser.ASSIGN || second == EcelerityParser.LBRACE) return false;
        if (strict && second != Token.EOF && tokens[at + 1].getLine() == tokens[at].getLine()) return false;
        return !(isScalar(second) && type(at + 2) == EcelerityParser.LBRACE);
    }

    /** The grammar's sameLine predicate. */
    private boolean sameLine() {
        return at > 0 && at < size && endLine(tokens[at - 1]) == tokens[at].getLine();
    }

    private static int endLine(Token t) {
        return ((SpannedTokenFactory.SpannedToken) t).endLine();
    }
}
