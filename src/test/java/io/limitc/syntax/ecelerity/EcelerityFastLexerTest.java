package io.limitc.syntax.ecelerity;

import io.limitc.syntax.SourceChars;
import io.limitc.syntax.SpannedTokenFactory;
import io.limitc.syntax.ecelerity.antlr.EcelerityLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written lexer gives ANTLR's tokens, field for field, or gives up; it is chosen only where it applies. */
class EcelerityFastLexerTest {

    @Test
    void everyTestdataFileLexesAsTheGrammarLexesIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            files = walk.filter(p -> p.toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().toList();
        }
        int fast = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (compare(file.toString(), text)) fast++;
        }
        assertTrue(fast > 100, "the fast lexer applied to only " + fast + " of " + files.size() + " files");
    }

    /** Random text over the characters the rules tell apart: quotes, escapes, words against bare words, comments. */
    @Test
    void randomTextLexesAsTheGrammarLexesIt() {
        String[] pieces = {"a", "Z9", "_", "0", ".", "/", "*", "\"", "'", "\\", "#", "=", "{", "}", "(", ")", "[", "]",
                ",", " ", "\t", "\n", "\r\n", "é", "-", "$", "\u000b", "Domain", "\"x y\"", "'q'"};
        Random random = new Random(7);
        int fast = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
            if (compare("random " + n, sb.toString())) fast++;
        }
        assertTrue(fast > 1000, "the fast lexer applied to only " + fast + " random texts");
    }

    @Test
    void blockCommentsFormFeedsAndWideTextGoToTheGrammarsLexer() {
        for (String text : List.of("a /* b */ c\n", "a\fb\n", "Domain \"\u4e2d\" {}\n")) {
            assertInstanceOf(EcelerityLexer.class, EcelerityFastLexer.of(text, "t.conf"), text);
        }
        assertInstanceOf(EcelerityFastLexer.class, EcelerityFastLexer.of("Domain \"é\" {}\n", "t.conf"));
    }

    /** True when the fast lexer applied and gave every token; a give-up is allowed only at an unterminated string. */
    private static boolean compare(String name, String text) {
        TokenSource chosen = EcelerityFastLexer.of(text, name);
        if (!(chosen instanceof EcelerityFastLexer)) return false;
        EcelerityLexer antlr = new EcelerityLexer(SourceChars.of(text, name));
        antlr.setTokenFactory(new SpannedTokenFactory(antlr));
        antlr.removeErrorListeners();
        List<String> expected = new ArrayList<>();
        for (Token t = antlr.nextToken(); ; t = antlr.nextToken()) {
            expected.add(describe(t));
            if (t.getType() == Token.EOF) break;
        }
        List<String> actual = new ArrayList<>();
        try {
            for (Token t = chosen.nextToken(); ; t = chosen.nextToken()) {
                actual.add(describe(t));
                if (t.getType() == Token.EOF) break;
            }
        } catch (EcelerityFastLexer.GiveUp unterminated) {
            assertTrue(expected.stream().anyMatch(e -> e.startsWith(EcelerityLexer.UNTERMINATED_STRING + " ")
                            || e.startsWith(EcelerityLexer.ERROR_CHAR + " ")),
                    name + ": gave up on text the grammar lexes cleanly: " + text);
            return false;
        }
        assertEquals(expected, actual, name + ": " + text);
        return true;
    }

    private static String describe(Token t) {
        String end = t instanceof SpannedTokenFactory.SpannedToken s ? io.limitc.syntax.Positions.of("f", t).endLine()
                + ":" + io.limitc.syntax.Positions.of("f", t).endColumn() : "-";
        return t.getType() + " ch" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " "
                + t.getLine() + ":" + t.getCharPositionInLine() + " end " + end + " [" + t.getText() + "]";
    }
}
