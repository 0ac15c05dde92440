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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays nginx's parse loop (ngx_conf_parse with ngx_conf_read_token, nginx.md §1.1–1.2)
 * over the tokens of one file as the lexer produces them: reports each structural mistake
 * with nginx's message at the line nginx reports, and hands the {@link Sink} the tokens
 * repaired the way the mistake most likely happened (a ";" added before "}", a stray "}"
 * dropped, missing "}" added at the end), so the rest of the file is still read and
 * checked. The sink therefore only ever sees the grammar's {@code word+ ( ";" | block |
 * LUA_BLOCK )} statements, and no token list of the whole file is kept.
 */
final class NginxStructure {

    /** ngx_conf_read_token's buffer: no word may reach this many bytes. */
    static final int MAX_WORD_BYTES = 4096;
    /** Deeper nesting than this is not a real configuration; refuse it before parsing. */
    static final int MAX_NESTING = 100;

    /** Receives the well-formed token sequence. {@code text} is the word's raw text, read once. */
    interface Sink {
        void word(Token t, String text);

        void semicolon(Token t);

        void open(Token t);

        void lua(Token t);

        void close(Token t);
    }

    private final String file;
    private final CharStream chars;
    private final Sink sink;
    private final List<Diagnostic> problems = new ArrayList<>();
    private int pending;
    private int depth;
    private int eofLine = -1;
    private final String text;
    private boolean refused;

    NginxStructure(String file, String text, CharStream chars, Sink sink) {
        this.file = file;
        this.text = text;
        this.chars = chars;
        this.sink = sink;
    }

    List<Diagnostic> diagnostics() {
        return problems;
    }

    /** True when the file was given up on (too deep): nothing it built may be used. */
    boolean refused() {
        return refused;
    }

    /**
     * Takes the next token of the default channel ({@code raw}: a word's text, read by the
     * caller); false when the file is not to be read further.
     */
    boolean accept(Token t, String raw) {
        switch (t.getType()) {
            case NginxLexer.WORD, NginxLexer.DQ_WORD, NginxLexer.SQ_WORD -> {
                tooLong(t, raw);
                if (NginxWords.isQuoted(t)) afterQuote(t, raw);
                pending++;
                sink.word(t, raw);
            }
            case NginxLexer.SEMI -> {
                if (pending == 0) {
                    problems.add(error(t, "unexpected \";\""));
                    return true;
                }
                pending = 0;
                sink.semicolon(t);
            }
            case NginxLexer.LBRACE -> {
                if (pending == 0) {
                    problems.add(error(t, "unexpected \"{\""));
                    return true;
                }
                pending = 0;
                if (++depth > MAX_NESTING) {
                    problems.add(error(t, "nesting is deeper than " + MAX_NESTING
                            + " levels; the file is not read further"));
                    refused = true;
                    return false;
                }
                sink.open(t);
            }
            case NginxParser.LUA_BLOCK -> {
                pending = 0;
                sink.lua(t);
            }
            case NginxLexer.RBRACE -> {
                if (pending > 0) {
                    // `limit_conn a 1 }`: the ";" was forgotten; add it and close the block
                    problems.add(error(t, "unexpected \"}\""));
                    sink.semicolon(synthetic(NginxLexer.SEMI, ";", t));
                    pending = 0;
                } else if (depth == 0) {
                    problems.add(error(t, "unexpected \"}\""));
                    return true;
                }
                if (depth > 0) {
                    depth--;
                    sink.close(t);
                }
            }
            case NginxLexer.UNTERMINATED_QUOTE -> {
                int bytes = t.getText().getBytes(StandardCharsets.UTF_8).length;
                problems.add(bytes >= MAX_WORD_BYTES
                        ? error(t, "too long parameter, probably missing terminating \""
                                + t.getText().charAt(0) + "\" character")
                        : endOfFile("unexpected end of file, expecting \";\" or \"}\""));
                repairEnd(t);
                return false;
            }
            case NginxParser.UNTERMINATED_LUA -> {
                problems.add(endOfFile("unexpected end of file, expecting terminating characters for lua code block"));
                repairEnd(t);
                return false;
            }
            case NginxLexer.ERROR_CHAR, Token.EOF -> {
                // a lone "\" at the very end is a word in progress, as is any pending word
                if (pending > 0 || t.getType() == NginxLexer.ERROR_CHAR) {
                    problems.add(endOfFile("unexpected end of file, expecting \";\" or \"}\""));
                } else if (depth > 0) {
                    problems.add(endOfFile("unexpected end of file, expecting \"}\""));
                }
                if (t.getType() == Token.EOF) {
                    repairEnd(t);
                    return false;
                }
            }
            default -> { }
        }
        return true;
    }

    /** Closes what the file left open: a ";" for a pending directive, a "}" per open block. */
    private void repairEnd(Token at) {
        if (pending > 0) sink.semicolon(synthetic(NginxLexer.SEMI, ";", at));
        pending = 0;
        for (; depth > 0; depth--) sink.close(synthetic(NginxLexer.RBRACE, "}", at));
    }

    private static Token synthetic(int type, String text, Token at) {
        CommonToken t = new CommonToken(type, text);
        t.setLine(at.getLine());
        t.setCharPositionInLine(at.getCharPositionInLine());
        t.setStartIndex(at.getStartIndex());
        t.setStopIndex(at.getStartIndex() - 1);
        return t;
    }

    /** nginx reports a file that ends too early at its last line, column 1. */
    private Diagnostic endOfFile(String message) {
        if (eofLine < 0) {
            eofLine = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') eofLine++;
        }
        return Diagnostic.of(ReadingRules.SYNTAX_ERROR, Origin.at(file, eofLine, 1), message);
    }

    /** After a closing quote nginx wants white space, ";", "{" or ")" (need_space). */
    private void afterQuote(Token t, String raw) {
        int next = t.getStopIndex() + 1;
        if (next >= chars.size()) return;
        int c = chars.getText(org.antlr.v4.runtime.misc.Interval.of(next, next)).codePointAt(0);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{' || c == ')') return;
        Origin end = Positions.of(file, t, raw);
        problems.add(Diagnostic.of(ReadingRules.SYNTAX_ERROR,
                new Origin(file, end.endLine(), end.endColumn(), end.endLine(), end.endColumn() + 1),
                "unexpected \"" + Character.toString(c) + "\""));
    }

    private void tooLong(Token t, String raw) {
        // a UTF-16 unit is at most 3 UTF-8 bytes: short words need no encoding to know
        if (raw.length() * 3 < MAX_WORD_BYTES) return;
        String body = NginxWords.isQuoted(t) ? raw.substring(1) : raw;
        if (body.getBytes(StandardCharsets.UTF_8).length < MAX_WORD_BYTES) return;
        problems.add(NginxWords.isQuoted(t)
                ? error(t, "too long parameter, probably missing terminating \"" + raw.charAt(0) + "\" character")
                : error(t, "too long parameter \"" + body.substring(0, 10) + "...\" started"));
    }

    private Diagnostic error(Token t, String message) {
        Origin o = Positions.of(file, t);
        return Diagnostic.of(ReadingRules.SYNTAX_ERROR, new Origin(file, o.line(), o.column(), o.line(),
                o.endLine() == o.line() ? o.endColumn() : o.column() + 1), message);
    }
}
