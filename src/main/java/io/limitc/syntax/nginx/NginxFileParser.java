package io.limitc.syntax.nginx;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.SourceFile.Comment;
import io.limitc.model.Value;
import io.limitc.syntax.Positions;
import io.limitc.syntax.nginx.antlr.NginxLexer;
import io.limitc.syntax.nginx.antlr.NginxParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one nginx file: lexes it as nginx does, checks and repairs its structure with
 * nginx's messages, then builds model statements from the (always well-formed) tokens.
 */
final class NginxFileParser {

    /** Reads an included path; returns the indexes of the files it read. */
    interface IncludeResolver {
        List<Integer> resolve(String pattern, Directive include);
    }

    record Result(List<Directive> directives, List<Comment> comments, List<Diagnostic> diagnostics) {}

    private NginxFileParser() {}

    static Result parse(String file, String text, IncludeResolver includes) {
        CharStream chars = CharStreams.fromString(text, file);
        NginxLexer lexer = new NginxLexer(chars);
        lexer.removeErrorListeners();
        List<Token> all = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            all.add(t);
            if (t.getType() == Token.EOF) break;
        }
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getType() != NginxLexer.COMMENT) continue;
            boolean ownLine = i == 0 || Positions.of(file, all.get(i - 1)).endLine() < t.getLine();
            comments.add(new Comment(t.getText(), Positions.of(file, t), ownLine));
        }
        NginxStructure.Result structure = NginxStructure.check(file, text, chars, all);
        List<Diagnostic> diagnostics = new ArrayList<>(structure.diagnostics());
        if (structure.refused()) return new Result(List.of(), comments, diagnostics);

        NginxParser parser = new NginxParser(new CommonTokenStream(new ListTokenSource(structure.tokens())));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
        // The structure pass leaves only `word+ (";" | block | lua)` sequences: this cannot fail.
        NginxParser.ConfigContext tree = parser.config();
        List<Directive> directives = new Builder(file, includes).statements(tree.statement());
        return new Result(directives, comments, diagnostics);
    }

    /** Parse tree to model: the first word is the directive, the rest its arguments. */
    private record Builder(String file, IncludeResolver includes) {

        List<Directive> statements(List<NginxParser.StatementContext> contexts) {
            List<Directive> out = new ArrayList<>(contexts.size());
            for (NginxParser.StatementContext st : contexts) out.add(statement(st));
            return out;
        }

        Directive statement(NginxParser.StatementContext st) {
            List<NginxParser.WordContext> words = st.word();
            Token first = words.get(0).getStart();
            String name = NginxWords.value(first);
            List<Value> args = new ArrayList<>(words.size());
            for (int i = 1; i < words.size(); i++) {
                Token w = words.get(i).getStart();
                args.add(new Value.Scalar(NginxWords.value(w), NginxWords.isQuoted(w), Positions.of(file, w)));
            }
            Token last = st.getStop();
            Origin whole = Positions.span(file, first, last);
            List<Directive> block = null;
            Origin opening = null;
            if (st.block() != null) {
                opening = Positions.of(file, st.block().LBRACE().getSymbol());
                block = statements(st.block().statement());
            } else if (st.LUA_BLOCK() != null) {
                // Lua code is one argument, as crossplane has it: the text between the braces
                Token lua = st.LUA_BLOCK().getSymbol();
                String code = lua.getText();
                args.add(new Value.Scalar(code.substring(1, code.length() - 1), false, Positions.of(file, lua)));
            }
            Directive d = new Directive(name, Positions.of(file, first), args, false, block, opening, whole, List.of());
            if (!name.equals("include") || args.size() != 1) return d;
            List<Integer> read = includes.resolve(((Value.Scalar) args.get(0)).text(), d);
            return new Directive(name, d.nameAt(), args, false, null, null, whole, read);
        }
    }
}
