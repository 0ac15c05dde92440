/*
 * Momentum / Ecelerity configuration (ecelerity.conf and its includes).
 *
 * The grammar is deliberately generic: any keyword may open a stanza or name an option,
 * because modules add their own scopes and options. Values are not typed here; the
 * option schema in io.limitc.model.ecelerity decides how a value is read.
 *
 * Statements are left-factored on the keyword so every decision is LL(1) and the
 * SLL first pass never has to fall back.
 */
grammar Ecelerity;

@header { package io.limitc.syntax.ecelerity.antlr; }

@parser::members {
    /**
     * Momentum statements have no terminator, so `Key =` with its value forgotten would
     * take the next statement's keyword as the value. A name that begins a line starts a
     * statement instead when it is followed by `=`, `{`, or a name and `{`; with
     * {@code strict} (a value after `=` or a keyword) also when anything follows it on
     * its line. The model builder or the error strategy then reports what is missing.
     * Lists pass {@code strict = false}: their items may wrap over lines.
     */
    boolean notStatementStart(boolean strict) {
        Token next = _input.LT(1);
        if (next.getType() != WORD) return true;
        Token previous = _input.LT(-1);
        if (previous == null || endLine(previous) == next.getLine()) return true;
        Token after = _input.LT(2);
        int second = after.getType();
        if (second == ASSIGN || second == LBRACE) return false;
        if (strict && second != EOF && after.getLine() == next.getLine()) return false;
        boolean named = second == WORD || second == BARE || second == STRING || second == SQSTRING;
        return !(named && _input.LA(3) == LBRACE);
    }

    /** The next token is on the line where the previous one ends. */
    boolean sameLine() {
        Token previous = _input.LT(-1);
        return previous != null && endLine(previous) == _input.LT(1).getLine();
    }

    private static int endLine(Token t) {
        if (t instanceof io.limitc.syntax.SpannedTokenFactory.SpannedToken spanned) return spanned.endLine();
        String text = t.getText();
        int line = t.getLine();
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}

config
    : statement* EOF
    ;

// `Key = value`, `Key value` (lists, dictionaries, include paths), `Key name { ... }`, `Key { ... }`.
// A second name on the same line is accepted so the model builder can say what is wrong
// with it; a name on the next line that starts a statement is never taken as a value.
statement
    : key=WORD ( ASSIGN {notStatementStart(true)}? assigned=value
               | {notStatementStart(true)}? names+=value ( {sameLine()}? names+=value )* block?
               | block
               )
    ;

block
    : LBRACE statement* RBRACE
    ;

value
    : scalar
    | list
    | dict
    ;

scalar
    : WORD
    | BARE
    | STRING
    | SQSTRING
    ;

list
    : LPAREN ( {notStatementStart(false)}? value COMMA? )* RPAREN
    ;

// Entries look like statements, so only a closing "}" (see the error strategy) ends an
// unclosed dictionary early.
dict
    : LBRACKET ( entry COMMA? )* RBRACKET
    ;

entry
    : key=scalar ASSIGN value
    ;

// ---------------------------------------------------------------------------- lexer

ASSIGN   : '=' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA    : ',' ;

// Option and scope keywords: alphanumerics and underscore (Configuration API rule).
WORD : [A-Za-z_] [A-Za-z0-9_]* ;

// `\"` and `\\` are escapes; every other backslash pair is kept verbatim (regexes).
// Newlines are allowed inside strings.
STRING   : '"' ( '\\' . | ~["\\] )* '"' ;
SQSTRING : '\'' ( '\\' . | ~['\\] )* '\'' ;

// Comments go to the hidden channel so suppressions (`# limitc: ignore[...]`) can be read.
// They are listed before BARE so that `/*x*/` is a comment, not a bare word.
LINE_COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;

// Anything else without whitespace or structure characters: numbers, domains, IPs,
// CIDRs, `*.example.com`, unquoted throttle fractions such as `60/20`.
BARE : ~[ \t\r\n"'#=(){}[\],]+ ;

WS : [ \t\r\n\f]+ -> skip ;

// Error tokens: reported by the model builder with a precise message instead of a
// lexer dump. An unterminated string or comment runs to the end of the file.
UNTERMINATED_STRING  : ( '"' ( '\\' . | ~["\\] )* | '\'' ( '\\' . | ~['\\] )* ) EOF ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;
ERROR_CHAR           : . ;
