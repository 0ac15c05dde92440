/*
 * nginx and Angie configuration files, lexed the way ngx_conf_read_token reads them
 * (nginx.md §1.2): words end only at white space, ";" or "{"; a "}" or "#" inside a word
 * is an ordinary character; "#" starts a comment only where a word would start; a
 * backslash makes the next character part of the word; "${" does not open a block.
 *
 * The parser knows only `word+ ( ";" | "{" statement* "}" )`: directive tables, contexts
 * and values are Java checks, as in nginx itself. Structural mistakes are found by
 * io.limitc.syntax.nginx.NginxStructure with nginx's own messages before this parser
 * runs, so the parser only ever sees well-formed input.
 *
 * `*_by_lua_block` bodies are Lua, not directives: the lexer reads them whole, as the
 * Lua module does (strings, comments and long brackets are opaque; braces nest).
 */
grammar Nginx;

@header { package io.limitc.syntax.nginx.antlr; }

// Produced only by the Lua action in the lexer.
tokens { LUA_BLOCK, UNTERMINATED_LUA }

@lexer::members {
    /** True until the first word of a statement has been read. */
    private boolean statementStart = true;
    /** The current statement is a `*_by_lua_block` directive: its "{" opens Lua code. */
    private boolean luaPending;

    private void word() {
        if (statementStart) {
            String text = getText();
            luaPending = text.endsWith("_by_lua_block") || text.endsWith("_by_lua_block\"")
                    || text.endsWith("_by_lua_block'");
        }
        statementStart = false;
    }

    private void endOfStatement() {
        statementStart = true;
        luaPending = false;
    }

    /**
     * After the "{" of a Lua block: consumes the Lua code up to the matching "}" so that
     * the whole `{ ... }` is one token. Returns false when the file ends first.
     */
    private boolean luaBody() {
        int depth = 1;
        while (true) {
            int c = _input.LA(1);
            if (c == IntStream.EOF) return false;
            if (c == '"' || c == '\'') {
                next();
                while (_input.LA(1) != IntStream.EOF && _input.LA(1) != c) {
                    if (_input.LA(1) == '\\') next();
                    if (_input.LA(1) != IntStream.EOF) next();
                }
                if (_input.LA(1) != IntStream.EOF) next();
                continue;
            }
            if (c == '-' && _input.LA(2) == '-') {
                next();
                next();
                if (_input.LA(1) == '[' && longBracketLevel() >= 0) {
                    skipLongBracket();
                } else {
                    while (_input.LA(1) != IntStream.EOF && _input.LA(1) != '\n') next();
                }
                continue;
            }
            if (c == '[' && longBracketLevel() >= 0) {
                skipLongBracket();
                continue;
            }
            next();
            if (c == '{') depth++;
            if (c == '}' && --depth == 0) return true;
        }
    }

    /** At "[": the level of a Lua long bracket "[==[" opening here, or -1. */
    private int longBracketLevel() {
        int i = 2;
        while (_input.LA(i) == '=') i++;
        return _input.LA(i) == '[' ? i - 2 : -1;
    }

    private void skipLongBracket() {
        int level = longBracketLevel();
        for (int i = 0; i < level + 2; i++) next();
        while (_input.LA(1) != IntStream.EOF) {
            if (_input.LA(1) == ']') {
                int i = 2;
                while (i - 2 < level && _input.LA(i) == '=') i++;
                if (i - 2 == level && _input.LA(i) == ']') {
                    for (int k = 0; k < level + 2; k++) next();
                    return;
                }
            }
            next();
        }
    }

    private void next() {
        getInterpreter().consume(_input);
    }
}

config
    : statement* EOF
    ;

statement
    : word+ ( SEMI | block | LUA_BLOCK )
    ;

block
    : LBRACE statement* RBRACE
    ;

word
    : WORD
    | DQ_WORD
    | SQ_WORD
    ;

// ---------------------------------------------------------------------------- lexer

SEMI   : ';' { endOfStatement(); } ;
LBRACE : '{' { boolean lua = luaPending; endOfStatement(); if (lua) setType(luaBody() ? NginxParser.LUA_BLOCK : NginxParser.UNTERMINATED_LUA); } ;
RBRACE : '}' { endOfStatement(); } ;

COMMENT : '#' ~[\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n]+ -> skip ;

// A quoted word runs to its matching quote; backslash pairs are kept for unescaping.
DQ_WORD : '"' ( '\\' . | ~["\\] )* '"' { word(); } ;
SQ_WORD : '\'' ( '\\' . | ~['\\] )* '\'' { word(); } ;
UNTERMINATED_QUOTE : ( '"' ( '\\' . | ~["\\] )* | '\'' ( '\\' . | ~['\\] )* ) EOF ;

// An unquoted word: "}" "#" and quotes are literal inside it; "$" lets a "{" follow.
WORD : WORD_START WORD_PART* { word(); } ;

fragment WORD_START : ~[ \t\r\n;{}"'#\\$] | ESCAPE | VARIABLE ;
fragment WORD_PART  : ~[ \t\r\n;{\\$] | ESCAPE | VARIABLE ;
fragment ESCAPE     : '\\' . ;
fragment VARIABLE   : '$' '{'? ;

// A backslash as the very last character of the file.
ERROR_CHAR : . ;
