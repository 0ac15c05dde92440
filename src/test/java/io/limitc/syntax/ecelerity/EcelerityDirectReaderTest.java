package io.limitc.syntax.ecelerity;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.syntax.SourceChars;
import io.limitc.syntax.SpannedTokenFactory;
import io.limitc.syntax.ecelerity.antlr.EcelerityLexer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The direct reader must give exactly the model the grammar gives, or give up: every
 * testdata file read both ways is equal in statements, positions, comments and
 * diagnostics, and the shapes valid configurations are made of are read without giving up.
 */
class EcelerityDirectReaderTest {

    private static final EcelerityTreeBuilder.IncludeResolver NO_INCLUDES = (path, at) -> List.of();

    @Test
    void everyTestdataFileReadsTheSameWithAndWithoutTheDirectReader() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            files = walk.filter(p -> p.toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().toList();
        }
        assertFalse(files.size() < 100, "testdata has Momentum and nginx files: " + files.size());
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            EcelerityFileParser.Result grammar = EcelerityFileParser.parse(file.toString(), text, NO_INCLUDES, false);
            EcelerityFileParser.Result direct = EcelerityFileParser.parse(file.toString(), text, NO_INCLUDES, true);
            assertEquals(grammar.directives(), direct.directives(), file + ": statements");
            assertEquals(grammar.comments(), direct.comments(), file + ": comments");
            assertEquals(grammar.diagnostics(), direct.diagnostics(), file + ": diagnostics");
        }
    }

    private static final String VALID = """
            # global options
            Max_Outbound_Connections = 32
            Outbound_Throttle_Messages = "1000/60"
            cluster {
              Replicate "outbound_domains" {}
            }
            include "conf.d/extra.conf"
            Readonly_Include = "more.conf"
            Binding_Group "g0" {
              Max_Outbound_Connections = 10
              Binding "b0" {
                Bind_Address = 10.0.0.1
                Domain "/^mx0\\.(example|test)\\.org$/" { Outbound_Throttle_Messages = "10/60" }
                Domain 'd1.example.com' {
                  Max_Outbound_Connections = 2   # per-domain cap
                  Outbound_Throttle_Connections = 2/10
                  /* a block
                     comment */
                  Hosts = ( "a", "b",
                            "c" )
                  Settings = [ key = "value", other = ( 1, 2 ) ]
                }
              }
            }
            Domain example.net
            {
              Max_Outbound_Connections = 4
            }
            Esmtp_Listener {
              Listen ":25" { Relay_Hosts ( "127.0.0.1" ) }
            }
            """;

    @Test
    void theShapesOfAValidConfigurationAreReadDirectly() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        EcelerityTreeBuilder builder = new EcelerityTreeBuilder("valid.conf", NO_INCLUDES, diagnostics);
        List<Directive> direct = new EcelerityDirectReader(builder).read(tokens(VALID));
        assertNotNull(direct, "gave up on a valid configuration");
        assertEquals(List.of(), diagnostics);
        assertEquals(EcelerityFileParser.parse("valid.conf", VALID, NO_INCLUDES, false).directives(), direct);
    }

    @Test
    void itGivesUpWhereTheGrammarHasSomethingToSay() {
        for (String text : List.of(
                "Max_Outbound_Connections =\nDomain \"x\" { }\n",     // the value forgotten
                "Domain \"a\" \"b\" { }\n",                            // two names
                "Domain ( \"a\" ) { }\n",                              // a list as a name
                "Max_Outbound_Connections 4\n",                        // "=" forgotten
                "include \"\"\n",                                      // an empty include
                "Domain \"x\" { Max_Outbound_Connections = 4\n",       // unclosed
                "Hosts = ( \"a\"\nDomain \"x\" { }\n",                 // unclosed list
                "Domain \"x\" { = 4 }\n")) {                           // no keyword
            List<Diagnostic> diagnostics = new ArrayList<>();
            EcelerityTreeBuilder builder = new EcelerityTreeBuilder("bad.conf", NO_INCLUDES, diagnostics);
            assertNull(new EcelerityDirectReader(builder).read(tokens(text)), text);
            assertEquals(List.of(), diagnostics, text);
        }
    }

    private static List<Token> tokens(String text) {
        EcelerityLexer lexer = new EcelerityLexer(SourceChars.of(text, "t.conf"));
        lexer.setTokenFactory(new SpannedTokenFactory(lexer));
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) out.add(t);
        return out;
    }
}
