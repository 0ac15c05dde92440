package io.limitc.syntax.nginx;

import io.limitc.syntax.Positions;
import io.limitc.syntax.SourceChars;
import io.limitc.syntax.nginx.antlr.NginxLexer;
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

/** The hand-written lexer gives ANTLR's tokens, field for field, and is chosen only where it applies. */
class NginxFastLexerTest {

    @Test
    void everyTestdataFileLexesAsTheGrammarLexesIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            files = walk.filter(p -> p.toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().toList();
        }
        int fast = 0;
        for (Path file : files) {
            if (compare(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8))) fast++;
        }
        assertTrue(fast > 150, "the fast lexer applied to only " + fast + " of " + files.size() + " files");
    }

    /** Random text over what the rules tell apart: quotes, escapes, variables, braces inside words, comments. */
    @Test
    void randomTextLexesAsTheGrammarLexesIt() {
        String[] pieces = {"a", "9", "$", "${", "{", "}", ";", "\"", "'", "\\", "\\\\", "#", " ", "\t", "\n", "\r\n", "é",
                "=", "(", "limit_conn", "\"x y\"", "'q'", "$binary_remote_addr"};
        Random random = new Random(11);
        int fast = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
            if (compare("random " + n, sb.toString())) fast++;
        }
        assertTrue(fast > 3000, "the fast lexer applied to only " + fast + " random texts");
    }

    @Test
    void luaBlocksATrailingBackslashAndWideTextGoToTheGrammarsLexer() {
        for (String text : List.of("content_by_lua_block { ngx.say('}') }\n", "a \\", "server_name \u4e2d;\n")) {
            assertInstanceOf(NginxLexer.class, NginxFastLexer.of(text, SourceChars.of(text, "t.conf")), text);
        }
    }

    /** True when the fast lexer applied; then its tokens must be ANTLR's. */
    private static boolean compare(String name, String text) {
        TokenSource chosen = NginxFastLexer.of(text, SourceChars.of(text, name));
        if (!(chosen instanceof NginxFastLexer)) return false;
        NginxLexer antlr = new NginxLexer(SourceChars.of(text, name));
        antlr.removeErrorListeners();
        assertEquals(tokens(antlr), tokens(chosen), name + ": " + text);
        return true;
    }

    private static List<String> tokens(TokenSource source) {
        List<String> out = new ArrayList<>();
        for (Token t = source.nextToken(); ; t = source.nextToken()) {
            String end = t.getType() == Token.EOF ? "-" : Positions.of("f", t, t.getText()).endLine() + ":"
                    + Positions.of("f", t, t.getText()).endColumn();
            out.add(t.getType() + " ch" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " "
                    + t.getLine() + ":" + t.getCharPositionInLine() + " end " + end + " [" + t.getText() + "]");
            if (t.getType() == Token.EOF) return out;
        }
    }
}
