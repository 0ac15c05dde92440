package io.limitc.syntax.ecelerity;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.SourceFile.Comment;
import io.limitc.syntax.Positions;
import io.limitc.model.ReadingRules;
import io.limitc.syntax.ecelerity.antlr.EcelerityLexer;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;

/** Parses the text of one Momentum file into statements, comments and syntax errors. */
final class EcelerityFileParser {

    /** Deeper nesting than this is not a real configuration; refuse it before ANTLR recurses. */
    static final int MAX_NESTING = 100;

    record Result(List<Directive> directives, List<Comment> comments, List<Diagnostic> diagnostics) {}

    private EcelerityFileParser() {}

    static Result parse(String file, String text, EcelerityTreeBuilder.IncludeResolver includes) {
        EcelerityLexer lexer = new EcelerityLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Comment> comments = comments(file, tokens.getTokens());
        Token tooDeep = firstTooDeep(tokens.getTokens());
        if (tooDeep != null) {
            diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, Positions.of(file, tooDeep),
                    "nesting is deeper than " + MAX_NESTING + " levels; the file is not read further"));
            return new Result(List.of(), comments, diagnostics);
        }

        EcelerityParser parser = new EcelerityParser(tokens);
        parser.removeErrorListeners();
        EcelerityParser.ConfigContext tree;
        // Two-stage parsing: SLL with bail-out is exact for valid input; only a file with
        // an error pays for the second, fully recovering LL pass.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            tree = parser.config();
        } catch (ParseCancellationException bail) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new EcelerityErrorStrategy());
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg,
                                        RecognitionException e) {
                    Origin at = offending instanceof Token t ? Positions.of(file, t) : Origin.at(file, line, col + 1);
                    diagnostics.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, at, msg));
                }
            });
            tree = parser.config();
        }
        EcelerityTreeBuilder builder = new EcelerityTreeBuilder(file, includes, diagnostics);
        return new Result(builder.build(tree), comments, diagnostics);
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
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (type != EcelerityParser.LINE_COMMENT && type != EcelerityParser.BLOCK_COMMENT) continue;
            // White space is skipped by the lexer, so the previous token is the previous
            // non-blank text: the comment owns its line when that ended on an earlier line.
            boolean ownLine = i == 0 || Positions.of(file, tokens.get(i - 1)).endLine() < t.getLine();
            comments.add(new Comment(t.getText(), Positions.of(file, t), ownLine));
        }
        return comments;
    }
}
