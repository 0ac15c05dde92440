package io.limitc.syntax.nginx;

import io.limitc.model.Diagnostic;
import io.limitc.model.Origin;
import io.limitc.model.ReadingRules;
import io.limitc.syntax.Positions;
import io.limitc.syntax.nginx.antlr.NginxLexer;
import io.limitc.syntax.nginx.antlr.NginxParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays nginx's parse loop (ngx_conf_parse with ngx_conf_read_token, nginx.md §1.1–1.2)
 * over the tokens of one file: reports each structural mistake with nginx's message at the
 * line nginx reports, and returns the tokens repaired the way the mistake most likely
 * happened (a ";" added before "}", a stray "}" dropped, missing "}" added at the end), so
 * the rest of the file is still read and checked.
 */
final class NginxStructure {

    /** ngx_conf_read_token's buffer: no word may reach this many bytes. */
    static final int MAX_WORD_BYTES = 4096;
    /** Deeper nesting than this is not a real configuration; refuse it before parsing. */
    static final int MAX_NESTING = 100;

    record Result(List<Token> tokens, List<Diagnostic> diagnostics, boolean refused) {}

    private NginxStructure() {}

    static Result check(String file, String text, CharStream chars, List<Token> all) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Token> out = new ArrayList<>(all.size());
        int pending = 0;
        Token firstPending = null;
        int depth = 0;
        int eofLine = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') eofLine++;
        for (Token t : all) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                out.add(t);
                continue;
            }
            switch (t.getType()) {
                case NginxLexer.WORD, NginxLexer.DQ_WORD, NginxLexer.SQ_WORD -> {
                    tooLong(file, t, problems);
                    if (NginxWords.isQuoted(t)) afterQuote(file, t, chars, problems);
                    if (pending++ == 0) firstPending = t;
                    out.add(t);
                }
                case NginxLexer.SEMI -> {
                    if (pending == 0) {
                        problems.add(error(file, t, "unexpected \";\""));
                        continue;
                    }
                    pending = 0;
                    out.add(t);
                }
                case NginxLexer.LBRACE -> {
                    if (pending == 0) {
                        problems.add(error(file, t, "unexpected \"{\""));
                        continue;
                    }
                    pending = 0;
                    if (++depth > MAX_NESTING) {
                        problems.add(error(file, t, "nesting is deeper than " + MAX_NESTING
                                + " levels; the file is not read further"));
                        return new Result(List.of(), problems, true);
                    }
                    out.add(t);
                }
                case NginxParser.LUA_BLOCK -> {
                    pending = 0;
                    out.add(t);
                }
                case NginxLexer.RBRACE -> {
                    if (pending > 0) {
                        // `limit_conn a 1 }`: the ";" was forgotten; add it and close the block
                        problems.add(error(file, t, "unexpected \"}\""));
                        out.add(synthetic(NginxLexer.SEMI, ";", t));
                        pending = 0;
                    } else if (depth == 0) {
                        problems.add(error(file, t, "unexpected \"}\""));
                        continue;
                    }
                    if (depth > 0) {
                        depth--;
                        out.add(t);
                    }
                }
                case NginxLexer.UNTERMINATED_QUOTE -> {
                    int bytes = t.getText().getBytes(StandardCharsets.UTF_8).length;
                    problems.add(bytes >= MAX_WORD_BYTES
                            ? error(file, t, "too long parameter, probably missing terminating \""
                                    + t.getText().charAt(0) + "\" character")
                            : Diagnostic.of(ReadingRules.SYNTAX_ERROR, Origin.at(file, eofLine, 1),
                                    "unexpected end of file, expecting \";\" or \"}\""));
                    return new Result(repairEnd(out, t, pending > 0, depth), problems, false);
                }
                case NginxParser.UNTERMINATED_LUA -> {
                    problems.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, Origin.at(file, eofLine, 1),
                            "unexpected end of file, expecting terminating characters for lua code block"));
                    return new Result(repairEnd(out, t, pending > 0, depth), problems, false);
                }
                case NginxLexer.ERROR_CHAR, Token.EOF -> {
                    // a lone "\" at the very end is a word in progress, as is any pending word
                    if (pending > 0 || t.getType() == NginxLexer.ERROR_CHAR) {
                        problems.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, Origin.at(file, eofLine, 1),
                                "unexpected end of file, expecting \";\" or \"}\""));
                    } else if (depth > 0) {
                        problems.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR, Origin.at(file, eofLine, 1),
                                "unexpected end of file, expecting \"}\""));
                    }
                    if (t.getType() == Token.EOF) return new Result(repairEnd(out, t, pending > 0, depth), problems, false);
                }
                default -> out.add(t);
            }
        }
        return new Result(out, problems, false);
    }

    /** Closes what the file left open: a ";" for a pending directive, a "}" per open block. */
    private static List<Token> repairEnd(List<Token> out, Token at, boolean pending, int depth) {
        if (pending) out.add(synthetic(NginxLexer.SEMI, ";", at));
        for (int i = 0; i < depth; i++) out.add(synthetic(NginxLexer.RBRACE, "}", at));
        out.add(synthetic(Token.EOF, "<EOF>", at));
        return out;
    }

    private static Token synthetic(int type, String text, Token at) {
        CommonToken t = new CommonToken(type, text);
        t.setLine(at.getLine());
        t.setCharPositionInLine(at.getCharPositionInLine());
        t.setStartIndex(at.getStartIndex());
        t.setStopIndex(at.getStartIndex() - 1);
        return t;
    }

    /** After a closing quote nginx wants white space, ";", "{" or ")" (need_space). */
    private static void afterQuote(String file, Token t, CharStream chars, List<Diagnostic> problems) {
        int next = t.getStopIndex() + 1;
        if (next >= chars.size()) return;
        String c = chars.getText(Interval.of(next, next));
        if (" \t\r\n;{)".contains(c)) return;
        Origin end = Positions.of(file, t);
        problems.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR,
                new Origin(file, end.endLine(), end.endColumn(), end.endLine(), end.endColumn() + 1),
                "unexpected \"" + c + "\""));
    }

    private static void tooLong(String file, Token t, List<Diagnostic> problems) {
        String raw = t.getText();
        String body = NginxWords.isQuoted(t) ? raw.substring(1) : raw;
        if (body.getBytes(StandardCharsets.UTF_8).length < MAX_WORD_BYTES) return;
        problems.add(NginxWords.isQuoted(t)
                ? error(file, t, "too long parameter, probably missing terminating \"" + raw.charAt(0) + "\" character")
                : error(file, t, "too long parameter \"" + body.substring(0, 10) + "...\" started"));
    }

    private static Diagnostic error(String file, Token t, String message) {
        Origin o = Positions.of(file, t);
        return Diagnostic.of(ReadingRules.SYNTAX_ERROR, new Origin(file, o.line(), o.column(), o.line(),
                o.endLine() == o.line() ? o.endColumn() : o.column() + 1), message);
    }
}
