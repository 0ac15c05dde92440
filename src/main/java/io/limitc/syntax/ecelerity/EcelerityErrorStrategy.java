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

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
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
            if (st.ASSIGN() != null) {
                return "expected a value after \"=\" for " + st.key.getText() + ", found " + describe(t);
            }
            return "expected \"=\", a value or \"{\" after " + st.key.getText() + ", found " + describe(t);
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
        return st.bare == null ? name : name + " " + st.bare.getText();
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

    static String describe(Token t) {
        if (t.getType() == Token.EOF) return "end of file";
        String text = t.getText();
        int nl = text.indexOf('\n');
        if (nl >= 0) text = text.substring(0, nl) + "...";
        if (text.length() > 40) text = text.substring(0, 37) + "...";
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
