package io.limitc.syntax.ecelerity;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.SourceFile.Comment;
import io.limitc.syntax.Positions;
import io.limitc.syntax.SourceChars;
import io.limitc.syntax.SpannedTokenFactory;
import io.limitc.model.ReadingRules;
import io.limitc.model.ecelerity.MomentumScopes;
import io.limitc.syntax.ecelerity.antlr.EcelerityLexer;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/** Parses the text of one Momentum file into statements, comments and syntax errors. */
final class EcelerityFileParser {

    /** Deeper nesting than this is not a real configuration; refuse it before ANTLR recurses. */
    static final int MAX_NESTING = 100;

    record Result(List<Directive> directives, List<Comment> comments, List<Diagnostic> diagnostics) {}

    private EcelerityFileParser() {}

    static Result parse(String file, String text, EcelerityTreeBuilder.IncludeResolver resolver) {
        return parse(file, text, resolver, true);
    }

    /** {@code direct} false: every stanza through the ANTLR parser (tests compare the two). */
    static Result parse(String file, String text, EcelerityTreeBuilder.IncludeResolver resolver, boolean direct) {
        // an include read while parsing in stanzas is not read again if the file must be parsed whole
        Map<String, List<Integer>> read = new HashMap<>();
        EcelerityTreeBuilder.IncludeResolver includes = (path, at) ->
                read.computeIfAbsent(path + "\u0000" + at.position(), k -> resolver.resolve(path, at));
        Result fast = parseByStanza(file, text, includes, direct);
        if (fast != null) return fast;
        Parsed parsed = parseText(file, text);
        if (parsed.tree == null) return new Result(List.of(), parsed.comments, parsed.diagnostics);
        Token header = parsed.strayCloser == null ? null : unopenedStanza(parsed.tree, parsed.strayCloser);
        if (header != null) {
            // `Binding "b1"` with its "{" forgotten, then its body and a "}" that closes
            // nothing: read it again with the brace in place, so the body stays in its
            // stanza and the one mistake is the one error.
            int at = text.offsetByCodePoints(0, header.getStopIndex() + 1);
            Parsed retry = parseText(file, text.substring(0, at) + " {" + text.substring(at));
            if (retry.tree != null && retry.strayCloser == null) {
                Origin end = Positions.of(file, header);
                retry.diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, Origin.at(file, end.endLine(), end.endColumn()),
                        "expected \"{\" after " + lineText(retry.tokens, header) + ": the \"}\" at "
                                + parsed.strayCloser.getLine() + ":" + (parsed.strayCloser.getCharPositionInLine() + 1)
                                + " closes nothing otherwise"));
                parsed = new Parsed(retry.tree, parsed.tokens, parsed.comments, retry.diagnostics, null);
            }
        }
        EcelerityTreeBuilder builder = new EcelerityTreeBuilder(file, includes, parsed.diagnostics);
        return new Result(builder.build(parsed.tree), parsed.comments, parsed.diagnostics);
    }

    /** One top-level statement's tokens, the token before them, and whether the file ends after them. */
    private record Stanza(List<Token> tokens, Token before, boolean last) {
        /** The lexer saw something only the whole-file parse can report (unbalanced or too deep nesting). */
        static final Stanza GIVE_UP = new Stanza(List.of(), null, true);
    }

    /** Above this size the lexer runs on its own thread, a stanza ahead of the parser. */
    private static final int PIPELINE_CHARS = 1 << 20;

    /**
     * The fast path for a file without syntax errors: lexes as a stream and parses (SLL) each
     * top-level statement up to the "}" that closes a stanza on its own, building the model
     * as it goes. Each stanza's tokens and parse tree are garbage as soon as it is built, so a
     * 100 000-stanza file never holds its whole parse tree. Returns null at the first thing
     * that needs the whole-file, error-recovering parse (which then reports it).
     */
    private static Result parseByStanza(String file, String text, EcelerityTreeBuilder.IncludeResolver includes,
                                        boolean direct) {
        org.antlr.v4.runtime.TokenSource lexer = EcelerityFastLexer.of(text, file);
        if (text.length() < PIPELINE_CHARS) {
            java.util.ArrayDeque<Stanza> all = new java.util.ArrayDeque<>();
            lex(lexer, all::add);
            return buildStanzas(file, includes, direct, all::poll);
        }
        // A few stanzas ahead keep both threads busy; more would only be tokens that survive
        // young collections (and are copied into the old generation) while they wait.
        java.util.concurrent.BlockingQueue<Stanza> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        Thread lexing = new Thread(() -> {
            try {
                lex(lexer, stanza -> {
                    try {
                        queue.put(stanza);
                    } catch (InterruptedException e) {
                        throw new CancellationException();
                    }
                });
            } catch (CancellationException stopped) {
                // the parser gave up on the fast path: nothing more to lex
            } catch (RuntimeException | StackOverflowError e) {
                queue.offer(Stanza.GIVE_UP);
            }
        }, "limitc-lexer");
        lexing.setDaemon(true);
        lexing.start();
        try {
            return buildStanzas(file, includes, direct, () -> {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Stanza.GIVE_UP;
                }
            });
        } finally {
            lexing.interrupt();
        }
    }

    private static final class CancellationException extends RuntimeException {
        CancellationException() {
            super(null, null, false, false);
        }
    }

    /** Splits the token stream after each "}" that closes a top-level stanza. */
    private static void lex(org.antlr.v4.runtime.TokenSource lexer, java.util.function.Consumer<Stanza> out) {
        try {
            split(lexer, out);
        } catch (EcelerityFastLexer.GiveUp unterminated) {
            out.accept(Stanza.GIVE_UP);
        }
    }

    private static void split(org.antlr.v4.runtime.TokenSource lexer, java.util.function.Consumer<Stanza> out) {
        List<Token> stanza = new ArrayList<>();
        Token before = null;
        int depth = 0;
        while (true) {
            Token t = lexer.nextToken();
            int type = t.getType();
            if (type == EcelerityParser.LBRACE || type == EcelerityParser.LPAREN || type == EcelerityParser.LBRACKET) {
                if (++depth > MAX_NESTING) {
                    out.accept(Stanza.GIVE_UP);
                    return;
                }
            } else if (type == EcelerityParser.RBRACE || type == EcelerityParser.RPAREN || type == EcelerityParser.RBRACKET) {
                if (--depth < 0) {
                    out.accept(Stanza.GIVE_UP);
                    return;
                }
            }
            if (type == Token.EOF) {
                out.accept(depth == 0 ? new Stanza(stanza, before, true) : Stanza.GIVE_UP);
                return;
            }
            stanza.add(t);
            if (type == EcelerityParser.RBRACE && depth == 0) {
                out.accept(new Stanza(stanza, before, false));
                before = t;
                stanza = new ArrayList<>();
            }
        }
    }

    private static Result buildStanzas(String file, EcelerityTreeBuilder.IncludeResolver includes, boolean direct,
                                       java.util.function.Supplier<Stanza> next) {
        EcelerityParser parser = new EcelerityParser(null);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        List<Directive> directives = new ArrayList<>();
        EcelerityTreeBuilder builder = new EcelerityTreeBuilder(file, includes, diagnostics);
        EcelerityDirectReader reader = direct ? new EcelerityDirectReader(builder) : null;
        while (true) {
            Stanza stanza = next.get();
            if (stanza == Stanza.GIVE_UP) return null;
            comments.addAll(comments(file, stanza.tokens(), stanza.before()));
            multilineStrings(file, stanza.tokens(), diagnostics);
            List<Directive> read = reader == null ? null : reader.read(stanza.tokens());
            if (read != null) {
                directives.addAll(read);
                if (stanza.last()) return new Result(directives, comments, diagnostics);
                continue;
            }
            parser.setTokenStream(new CommonTokenStream(new ListTokenSource(stanza.tokens())));
            try {
                directives.addAll(builder.build(parser.config()));
            } catch (ParseCancellationException bail) {
                return null;
            }
            if (stanza.last()) return new Result(directives, comments, diagnostics);
        }
    }

    /** A parse before includes are resolved: tree (null when refused), tokens, comments, errors. */
    private record Parsed(EcelerityParser.ConfigContext tree, List<Token> tokens, List<Comment> comments,
                          List<Diagnostic> diagnostics, Token strayCloser) {}

    private static Parsed parseText(String file, String text) {
        EcelerityLexer lexer = new EcelerityLexer(SourceChars.of(text, file));
        lexer.setTokenFactory(new SpannedTokenFactory(lexer));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Comment> comments = comments(file, tokens.getTokens());
        multilineStrings(file, tokens.getTokens(), diagnostics);
        Token tooDeep = firstTooDeep(tokens.getTokens());
        if (tooDeep != null) {
            diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, Positions.of(file, tooDeep),
                    "nesting is deeper than " + MAX_NESTING + " levels; the file is not read further"));
            return new Parsed(null, tokens.getTokens(), comments, diagnostics, null);
        }

        EcelerityParser parser = new EcelerityParser(tokens);
        parser.removeErrorListeners();
        // Two-stage parsing: SLL with bail-out is exact for valid input; only a file with
        // an error pays for the second, fully recovering LL pass.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new Parsed(parser.config(), tokens.getTokens(), comments, diagnostics, null);
        } catch (ParseCancellationException bail) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            EcelerityErrorStrategy strategy = new EcelerityErrorStrategy();
            parser.setErrorHandler(strategy);
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg,
                                        RecognitionException e) {
                    Origin at = offending instanceof Token t ? Positions.of(file, t) : Origin.at(file, line, col + 1);
                    diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, at, msg));
                }
            });
            EcelerityParser.ConfigContext tree = parser.config();
            return new Parsed(tree, tokens.getTokens(), comments, diagnostics, strategy.firstStrayCloser());
        }
    }

    /**
     * The last statement before {@code stray} that names a known stanza kind but has no
     * block: the likely owner of the forgotten "{". Returns the last token of its header,
     * or null.
     */
    private static Token unopenedStanza(EcelerityParser.ConfigContext tree, Token stray) {
        Token[] found = {null};
        collectUnopened(tree.statement(), stray, found);
        return found[0];
    }

    private static void collectUnopened(List<EcelerityParser.StatementContext> statements, Token stray, Token[] found) {
        for (EcelerityParser.StatementContext st : statements) {
            if (st.getStart().getTokenIndex() > stray.getTokenIndex()) return;
            if (st.key == null) continue;
            if (st.block() != null) {
                collectUnopened(st.block().statement(), stray, found);
            } else if (st.ASSIGN() == null && !st.names.isEmpty()
                    && MomentumScopes.isKnown(st.key.getText().toLowerCase(Locale.ROOT))) {
                found[0] = st.getStop();
            }
        }
    }

    private static String lineText(List<Token> tokens, Token last) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.getLine() == last.getLine() && t.getChannel() == Token.DEFAULT_CHANNEL
                    && t.getTokenIndex() <= last.getTokenIndex()) {
                sb.append(sb.length() == 0 ? "" : " ").append(t.getText());
            }
        }
        return sb.toString();
    }

    /**
     * Line breaks inside quotes are legal, but usually a closing quote is missing: say so
     * at the opening quote, since the syntax error it causes appears lines later.
     */
    private static void multilineStrings(String file, List<Token> tokens, List<Diagnostic> diagnostics) {
        for (Token t : tokens) {
            if (t.getType() != EcelerityParser.STRING && t.getType() != EcelerityParser.SQSTRING) continue;
            Origin at = Positions.of(file, t);
            if (at.endLine() == at.line()) continue;
            diagnostics.add(Diagnostic.of(ReadingRules.MULTILINE_STRING, Origin.at(file, at.line(), at.column()),
                    "this string runs over " + (at.endLine() - at.line() + 1) + " lines, to " + at.endLine() + ":"
                            + (at.endColumn() - 1) + "; if that is not intended, its closing quote is missing"));
        }
    }

    private static Token firstTooDeep(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case EcelerityParser.LBRACE, EcelerityParser.LPAREN, EcelerityParser.LBRACKET -> {
                    if (++depth > MAX_NESTING) return t;
                }
                case EcelerityParser.RBRACE, EcelerityParser.RPAREN, EcelerityParser.RBRACKET ->
                        depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return null;
    }

    private static List<Comment> comments(String file, List<Token> tokens) {
        return comments(file, tokens, null);
    }

    /** {@code before}: the token before the first of {@code tokens}, or null at the start of the file. */
    private static List<Comment> comments(String file, List<Token> tokens, Token before) {
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (type != EcelerityParser.LINE_COMMENT && type != EcelerityParser.BLOCK_COMMENT) continue;
            // White space is skipped by the lexer, so the previous token is the previous
            // non-blank text: the comment owns its line when that ended on an earlier line.
            Token previous = i == 0 ? before : tokens.get(i - 1);
            boolean ownLine = previous == null || Positions.of(file, previous).endLine() < t.getLine();
            comments.add(new Comment(t.getText(), Positions.of(file, t), ownLine));
        }
        return comments;
    }
}
