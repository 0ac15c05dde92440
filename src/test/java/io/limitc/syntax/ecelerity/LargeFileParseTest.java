package io.limitc.syntax.ecelerity;

import io.limitc.model.Diagnostic;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files over a megabyte are lexed on a second thread and parsed stanza by stanza; a file with
 * a syntax error anywhere falls back to the whole-file parse. Both must give exactly what the
 * whole-file parse gives: every stanza, each error once at its line, each include read once.
 */
class LargeFileParseTest {

    private static final int STANZAS = 12_000; // about 1.4 MB: over the pipelining threshold

    private static String config(String lastStanza) {
        StringBuilder sb = new StringBuilder("include \"missing.conf\"\n");
        for (int i = 0; i < STANZAS; i++) {
            sb.append("Domain \"d").append(i).append(".example.com\" {\n  Max_Outbound_Connections = ")
                    .append(1 + i % 40).append("  # cap\n  Outbound_Throttle_Messages = \"10/60\"\n}\n");
        }
        return sb.append(lastStanza).toString();
    }

    private static ReadResult read(Path dir, String text) throws IOException {
        Path file = dir.resolve("big.conf");
        Files.writeString(file, text);
        SourceLoader loader = new SourceLoader(dir, 1L << 30, null);
        return new EcelerityLoader(loader, List.of()).load(List.of(SourceLoader.Input.file(loader, file)));
    }

    @Test
    void aLargeValidFileKeepsEveryStanzaAndComment(@TempDir Path dir) throws IOException {
        ReadResult read = read(dir, config("Binding \"b\" { Max_Outbound_Connections = 2 }\n"));
        assertTrue(Files.size(dir.resolve("big.conf")) > 1 << 20, "the file must be large enough to be pipelined");
        assertEquals(1 + STANZAS + 1, read.tree().files().get(0).directives().size());
        assertEquals(STANZAS, read.tree().files().get(0).comments().size());
        assertEquals(List.of("include-not-found"), rules(read.diagnostics()));
    }

    @Test
    void anErrorInTheLastStanzaIsReportedOnceAndTheIncludeReadOnce(@TempDir Path dir) throws IOException {
        ReadResult read = read(dir, config("Binding \"b\" {\n  Max_Outbound_Connections = = 2\n}\n"));
        assertEquals(List.of("include-not-found", "syntax-error"), rules(read.diagnostics()));
        Diagnostic error = read.diagnostics().stream().filter(d -> d.rule().equals("syntax-error")).findFirst().orElseThrow();
        assertEquals(4 * STANZAS + 3, error.origin().line());
    }

    @Test
    void anUnclosedStanzaAtTheEndFallsBackToTheWholeFileParse(@TempDir Path dir) throws IOException {
        ReadResult read = read(dir, config("Binding \"b\" {\n  Max_Outbound_Connections = 2\n"));
        assertEquals(List.of("include-not-found", "syntax-error"), rules(read.diagnostics()));
    }

    private static List<String> rules(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::rule).sorted().toList();
    }
}
