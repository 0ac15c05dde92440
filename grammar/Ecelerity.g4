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

config
    : statement* EOF
    ;

// `Key = value`, `Key value` (lists, dictionaries, include paths), `Key name { ... }`, `Key { ... }`.
statement
    : key=WORD ( ASSIGN assigned=value | bare=value block? | block )
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
    : LPAREN ( value COMMA? )* RPAREN
    ;

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
