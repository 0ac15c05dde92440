package io.limitc.syntax.ecelerity;

import io.limitc.syntax.ecelerity.antlr.EcelerityParser;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.BlockContext;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.DictContext;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.ListContext;
import io.limitc.syntax.ecelerity.antlr.EcelerityParser.StatementContext;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Keeps ANTLR's recovery but says what went wrong in the config's own terms: which
 * stanza is unclosed and where it was opened, which option lacks a value. Never a token
 * dump.
 */
final class EcelerityErrorStrategy extends DefaultErrorStrategy {

    private Token firstStrayCloser;

    /** The first "}" that closed nothing, if any: a hint that a "{" was forgotten before it. */
    Token firstStrayCloser() {
        return firstStrayCloser;
    }

    /**
     * Two recoveries ANTLR does not know about. A character that must be quoted, written
     * inside an unquoted value ({@code /etc/%{d}.key}, {@code smtp://a?pref=10}), is one
     * error for the whole value, which is then skipped. And a closing bracket is never
     * deleted as "extra" while something it could close is open: it ends that stanza,
     * list or dictionary, and the missing piece before it is what gets reported.
     */
    @Override
    public void sync(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        Token t = parser.getCurrentToken();
        boolean expected = parser.getATN().nextTokens(parser.getATN().states.get(parser.getState())).contains(t.getType());
        if (!expected && insideWord(parser, t)) {
            skipQuotingMistake(parser, t);
            return;
        }
        if (!expected && t.getType() == EcelerityParser.LBRACE) {
            skipHeaderlessBlock(parser, t);
            return;
        }
        if (isCloser(t) && enclosed(parser.getContext())) return;
        super.sync(parser);
    }

    @Override
    protected Token singleTokenDeletion(Parser parser) {
        // Mid-statement, deleting the closer would let the next line's keyword become the value.
        ParserRuleContext ctx = parser.getContext();
        boolean midStatement = !(ctx instanceof EcelerityParser.ConfigContext);
        if (isCloser(parser.getCurrentToken()) && (enclosed(ctx) || midStatement)) return null;
        return super.singleTokenDeletion(parser);
    }

    /** {@code { ... }} where a statement should start: one error, and the block is skipped whole. */
    private void skipHeaderlessBlock(Parser parser, Token open) {
        beginErrorCondition(parser);
        parser.notifyErrorListeners(open, "unexpected \"{\": a block needs a stanza keyword before it;"
                + " the block is skipped", null);
        int depth = 0;
        do {
            int type = parser.getCurrentToken().getType();
            if (type == EcelerityParser.LBRACE) depth++;
            if (type == EcelerityParser.RBRACE) depth--;
            parser.consume();
        } while (depth > 0 && parser.getCurrentToken().getType() != Token.EOF);
        endErrorCondition(parser);
    }

    private static boolean isCloser(Token t) {
        int type = t.getType();
        return type == EcelerityParser.RBRACE || type == EcelerityParser.RBRACKET || type == EcelerityParser.RPAREN;
    }

    private static boolean enclosed(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof BlockContext || c instanceof ListContext || c instanceof DictContext) return true;
        }
        return false;
    }

    /** {@code t} is a structure character glued to the value before it, with no space between. */
    private static boolean insideWord(Parser parser, Token t) {
        int type = t.getType();
        boolean special = type == EcelerityParser.LBRACE || type == EcelerityParser.RBRACE
                || type == EcelerityParser.ASSIGN || type == EcelerityParser.LPAREN || type == EcelerityParser.RPAREN
                || type == EcelerityParser.LBRACKET || type == EcelerityParser.RBRACKET;
        Token previous = parser.getInputStream().LT(-1);
        return special && previous != null && isWordLike(previous) && previous.getStopIndex() + 1 == t.getStartIndex();
    }

    private static boolean isWordLike(Token t) {
        int type = t.getType();
        return type == EcelerityParser.WORD || type == EcelerityParser.BARE;
    }

    private void skipQuotingMistake(Parser parser, Token t) {
        beginErrorCondition(parser);
        Token previous = parser.getInputStream().LT(-1);
        StringBuilder value = new StringBuilder(previous.getText());
        Token last = previous;
        while (parser.getCurrentToken().getType() != Token.EOF
                && parser.getCurrentToken().getStartIndex() == last.getStopIndex() + 1
                && parser.getCurrentToken().getChannel() == Token.DEFAULT_CHANNEL) {
            last = parser.getCurrentToken();
            value.append(last.getText());
            parser.consume();
        }
        parser.notifyErrorListeners(t, "unquoted value " + value + " contains \"" + t.getText()
                + "\": a value with " + t.getText() + " in it must be quoted", null);
        endErrorCondition(parser);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        report(parser, e.getOffendingToken(), e);
    }

    /** A predicate fails where a value was required: the next word begins a new statement. */
    @Override
    protected void reportFailedPredicate(Parser parser, org.antlr.v4.runtime.FailedPredicateException e) {
        report(parser, e.getOffendingToken(), e);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), e);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        String lexical = lexicalProblem(t);
        String message;
        if (lexical != null) {
            message = lexical;
        } else if (t.getType() == Token.EOF && parser.getContext() instanceof BlockContext block) {
            message = unclosed(block, t);
        } else if (t.getType() == EcelerityParser.RBRACE && enclosingStanza(parser.getContext()) == null) {
            message = "unexpected \"}\": no stanza is open here";
            if (firstStrayCloser == null) firstStrayCloser = t;
        } else {
            message = "unexpected " + describe(t) + where(parser.getContext());
        }
        parser.notifyErrorListeners(t, message, null);
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        String lexical = lexicalProblem(t);
        if (lexical != null) {
            parser.notifyErrorListeners(t, lexical, null);
            return;
        }
        IntervalSet expecting = getExpectedTokens(parser);
        ParserRuleContext ctx = parser.getContext();
        String message;
        if (expecting.contains(EcelerityParser.RBRACE) && ctx instanceof BlockContext block) {
            message = unclosed(block, t);
        } else if (expecting.contains(EcelerityParser.RPAREN) && ctx instanceof ListContext list) {
            message = "expected \")\" to close the list opened at " + position(list.getStart())
                    + ", found " + describe(t);
        } else if (expecting.contains(EcelerityParser.RBRACKET) && ctx instanceof DictContext dict) {
            message = "expected \"]\" to close the dictionary opened at " + position(dict.getStart())
                    + ", found " + describe(t);
        } else if (expecting.contains(EcelerityParser.ASSIGN) && ctx instanceof EcelerityParser.EntryContext entry) {
            message = "expected \"=\" after the dictionary key " + entry.getStart().getText() + ", found " + describe(t);
        } else {
            boolean statementLevel = ctx instanceof EcelerityParser.ConfigContext || ctx instanceof BlockContext;
            message = "expected " + expected(expecting) + ", found " + describe(t) + (statementLevel ? where(ctx) : "");
        }
        parser.notifyErrorListeners(t, message, null);
    }

    private void report(Parser parser, Token t, RecognitionException e) {
        String lexical = lexicalProblem(t);
        parser.notifyErrorListeners(t, lexical != null ? lexical : explain(parser, t), e);
    }

    /** The message for a token that cannot continue the current rule. */
    private String explain(Parser parser, Token t) {
        ParserRuleContext ctx = parser.getContext();
        if (t.getType() == Token.EOF && ctx instanceof BlockContext block) return unclosed(block, t);
        if (ctx instanceof StatementContext st && st.key != null) {
            String key = st.key.getText();
            if (st.ASSIGN() != null) return "expected a value after \"=\" for " + key + ", found " + describe(t);
            if (key.equalsIgnoreCase("include") || key.equalsIgnoreCase("readonly_include")) {
                return "expected a path after " + key + ", found " + describe(t);
            }
            return "expected \"=\", a value or \"{\" after " + key + ", found " + describe(t);
        }
        // value/scalar: find the statement or collection that wanted the value
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof ListContext list) {
                return "expected a value or \")\" to close the list opened at " + position(list.getStart())
                        + ", found " + describe(t);
            }
            if (c instanceof EcelerityParser.EntryContext) {
                return "expected a value after \"=\" in the dictionary, found " + describe(t);
            }
            if (c instanceof DictContext dict) {
                return "expected \"key = value\" or \"]\" to close the dictionary opened at "
                        + position(dict.getStart()) + ", found " + describe(t);
            }
            if (c instanceof StatementContext st && st.key != null) {
                return st.ASSIGN() != null
                        ? "expected a value after \"=\" for " + st.key.getText() + ", found " + describe(t)
                        : "expected a value after " + st.key.getText() + ", found " + describe(t);
            }
        }
        return "unexpected " + describe(t) + where(ctx);
    }

    /** Problems the lexer found: an unterminated string or comment, a stray character. */
    static String lexicalProblem(Token t) {
        return switch (t.getType()) {
            case EcelerityParser.UNTERMINATED_STRING ->
                    "unterminated string: the quote opened here is never closed";
            case EcelerityParser.UNTERMINATED_COMMENT -> "unterminated comment: \"/*\" has no closing \"*/\"";
            case EcelerityParser.ERROR_CHAR -> "unexpected character " + describe(t);
            default -> null;
        };
    }

    private static String unclosed(BlockContext block, Token found) {
        return "expected \"}\" to close " + stanzaName(block) + " opened at "
                + position(((StatementContext) block.getParent()).key) + ", found " + describe(found);
    }

    private static String where(ParserRuleContext ctx) {
        StatementContext stanza = enclosingStanza(ctx);
        return stanza == null
                ? ": expected an option or a stanza"
                : " in " + stanzaName((BlockContext) stanza.block()) + ": expected an option, a stanza or \"}\"";
    }

    private static StatementContext enclosingStanza(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof BlockContext && c.getParent() instanceof StatementContext st) return st;
        }
        return null;
    }

    private static String stanzaName(BlockContext block) {
        StatementContext st = (StatementContext) block.getParent();
        String name = st.key.getText();
        return st.names.isEmpty() ? name : name + " " + st.names.get(0).getText();
    }

    private static String position(Token t) {
        return t.getLine() + ":" + (t.getCharPositionInLine() + 1);
    }

    /** The expected tokens in words: {@code "=" or a value}, never token-type names. */
    private static String expected(IntervalSet set) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        for (int type : set.toArray()) {
            words.add(switch (type) {
                case EcelerityParser.WORD -> "a name";
                case EcelerityParser.BARE, EcelerityParser.STRING, EcelerityParser.SQSTRING -> "a value";
                case Token.EOF -> "end of file";
                default -> {
                    String literal = EcelerityParser.VOCABULARY.getLiteralName(type);
                    yield literal == null ? "a value" : literal.replace('\'', '"');
                }
            });
        }
        return String.join(" or ", words);
    }

    /** A token as messages show it: quoted once (a string token already is), cut to one short line. */
    static String describe(Token t) {
        if (t.getType() == Token.EOF) return "end of file";
        String text = t.getText();
        int nl = text.indexOf('\n');
        if (nl >= 0) text = text.substring(0, nl) + "...";
        if (text.length() > 40) text = text.substring(0, 37) + "...";
        boolean quoted = t.getType() == EcelerityParser.STRING || t.getType() == EcelerityParser.SQSTRING
                || t.getType() == EcelerityParser.UNTERMINATED_STRING;
        return quoted ? text : "\"" + text + "\"";
    }
}
