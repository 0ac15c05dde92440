package io.limitc.syntax.nginx;

import io.limitc.model.Directive;
import io.limitc.syntax.nginx.antlr.NginxParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builder makes statements straight from the structure pass's tokens, without the
 * grammar's parser. These tests hold it to the grammar: for every nginx file in testdata the
 * repaired token stream is a sentence of {@code config} with as many statements as the model
 * has directives; and a large file lexed on a second thread gives exactly what it gives read
 * on one.
 */
class NginxFileParserTest {


    /** Records what the structure pass hands on, as tokens the grammar's parser can read. */
    private static final class Recorder implements NginxStructure.Sink {
        final List<Token> tokens = new ArrayList<>();

        @Override
        public void word(Token t, String text) {
            tokens.add(t);
        }

        @Override
        public void semicolon(Token t) {
            tokens.add(t);
        }

        @Override
        public void open(Token t) {
            tokens.add(t);
        }

        @Override
        public void lua(Token t) {
            tokens.add(t);
        }

        @Override
        public void close(Token t) {
            tokens.add(t);
        }
    }

    private static List<Path> nginxFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("testdata/nginx", "testdata/crossplane")) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static int count(List<Directive> directives) {
        int n = directives.size();
        for (Directive d : directives) if (d.hasBlock()) n += count(d.block());
        return n;
    }

    private static int countStatements(List<NginxParser.StatementContext> statements) {
        int n = statements.size();
        for (NginxParser.StatementContext st : statements) {
            if (st.block() != null) n += countStatements(st.block().statement());
        }
        return n;
    }

    @Test
    void repairedTokensAreAlwaysASentenceOfTheGrammar() throws IOException {
        List<Path> files = nginxFiles();
        assertTrue(files.size() > 100, "testdata has the nginx cases: " + files.size());
        int withErrors = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            Recorder recorder = new Recorder();
            NginxStructure structure = NginxFileParser.read(f.toString(), text, recorder, new ArrayList<>(), false);
            if (structure.refused()) continue;
            if (!structure.diagnostics().isEmpty()) withErrors++;
            List<Token> tokens = new ArrayList<>(recorder.tokens);
            tokens.add(new CommonToken(Token.EOF, "<EOF>"));
            NginxParser parser = new NginxParser(new CommonTokenStream(new ListTokenSource(tokens)));
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy()); // any token out of place throws
            NginxParser.ConfigContext tree = parser.config();
            NginxFileParser.Result built = NginxFileParser.parse(f.toString(), text, false);
            assertEquals(countStatements(tree.statement()), count(built.directives()), f.toString());
        }
        assertTrue(withErrors >= 10, "the cases include files the structure pass had to repair: " + withErrors);
    }

    @Test
    void pipelinedReadingGivesWhatOneThreadGives() {
        StringBuilder sb = new StringBuilder("events {}\nhttp {\n    limit_conn_zone $binary_remote_addr zone=perip:10m;\n");
        for (int i = 0; i < 12_000; i++) {
            sb.append("    server {  # site ").append(i).append('\n')
                    .append("        server_name \"s").append(i).append(".example.com\";\n")
                    .append("        limit_conn perip ").append(1 + i % 9).append(";\n")
                    .append("        location / { return 200 'ok \\' ").append(i).append("'; }\n")
                    .append("    }\n");
            if (i == 7_000) sb.append("    ; stray\n");
        }
        sb.append("    server { listen 80 }\n"); // a missing ";" near the end, then a missing "}"
        String text = sb.toString();
        assertTrue(text.length() > 1 << 20, "over the pipelining threshold");

        NginxFileParser.Result one = NginxFileParser.parse("big.conf", text, false);
        NginxFileParser.Result two = NginxFileParser.parse("big.conf", text, true);
        assertEquals(one.directives(), two.directives());
        assertEquals(one.comments(), two.comments());
        assertEquals(one.diagnostics(), two.diagnostics());
        assertEquals(12_000, two.comments().size());
        assertEquals(List.of("unexpected \";\"", "unexpected \"}\"", "unexpected end of file, expecting \"}\""),
                two.diagnostics().stream().map(d -> d.message()).toList());
        // 3 lines before the first server, 5 per server: the stray ";" follows server 7 000
        assertEquals(3 + 7_001 * 5 + 1, two.diagnostics().get(0).origin().line());
        assertFalse(two.directives().isEmpty());
    }
}
