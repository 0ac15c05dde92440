package io.limitc.syntax.nginx;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.SourceFile;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The files a glob matches are parsed side by side and their includes resolved afterwards:
 * the result must be the reading nginx does, one file after the other, in every detail.
 */
class NginxLoaderTest {

    @TempDir
    Path dir;

    private ReadResult load(Path main, boolean parseAhead) throws IOException {
        SourceLoader sources = new SourceLoader(dir);
        return new NginxLoader(sources, List.of(), parseAhead).load(List.of(SourceLoader.Input.file(sources, main)));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** A hosting layout with everything includes can do wrong: a shared snippet, a cycle, a missing file, errors. */
    private Path hostingLayout() throws IOException {
        write("snippets/common.conf", "limit_conn perip 10;\n");
        write("sites/a.conf", "server {\n    include snippets/common.conf;\n    include sites/b.conf;\n}\n");
        write("sites/b.conf", "server {\n    include snippets/common.conf;\n    limit_conn perip 5\n}\n");
        write("sites/c.conf", "server { include sites/d.conf; }\n");
        write("sites/d.conf", "location / { include sites/c.conf; }\n");
        write("sites/e.conf", "server { include snippets/missing.conf; include snippets/common.conf; }\n");
        for (int i = 0; i < 40; i++) {
            write("sites/z" + i + ".conf", "server {\n    server_name s" + i + ";\n    include snippets/common.conf;\n}\n");
        }
        return write("nginx.conf", "events {}\nhttp {\n    limit_conn_zone $binary_remote_addr zone=perip:10m;\n"
                + "    include sites/*.conf;\n}\n");
    }

    @Test
    void globFilesParsedAheadReadExactlyAsOneAfterTheOther() throws IOException {
        Path main = hostingLayout();
        ReadResult ahead = load(main, true);
        ReadResult serial = load(main, false);
        assertEquals(serial.tree(), ahead.tree());
        assertEquals(serial.diagnostics(), ahead.diagnostics());
    }

    @Test
    void filesAreNumberedInReadingOrderAndASharedFileIsReadOnce() throws IOException {
        ReadResult read = load(hostingLayout(), true);
        List<String> paths = read.tree().files().stream().map(SourceFile::path).toList();
        // sites/b.conf is read where a.conf includes it, before the glob reaches it
        assertEquals(List.of("nginx.conf", "sites/a.conf", "snippets/common.conf", "sites/b.conf", "sites/c.conf",
                "sites/d.conf", "sites/e.conf"), paths.subList(0, 7));
        assertEquals(7 + 40, paths.size());
        assertEquals(1, paths.stream().filter("snippets/common.conf"::equals).count());

        Directive glob = read.tree().files().get(0).directives().get(1).block().get(1);
        List<Integer> expected = new ArrayList<>(List.of(1, 3, 4, 5, 6)); // a, b, c, d, e
        for (int i = 0; i < 40; i++) expected.add(paths.indexOf("sites/z" + i + ".conf"));
        expected.sort(Integer::compare);
        // the glob's matches in sorted name order: a b c d e z0 z1 z10 z11 ...
        List<Integer> sortedByName = new ArrayList<>(expected);
        sortedByName.sort((x, y) -> paths.get(x).compareTo(paths.get(y)));
        assertEquals(sortedByName, glob.includes());

        Directive snippetInZ7 = read.tree().files().get(paths.indexOf("sites/z7.conf")).directives().get(0).block().get(1);
        assertEquals(List.of(2), snippetInZ7.includes());
    }

    @Test
    void diagnosticsComeInReadingOrderWithTheirChains() throws IOException {
        List<String> messages = load(hostingLayout(), true).diagnostics().stream()
                .map(d -> d.origin().position() + " " + d.message()).map(String::strip).toList();
        List<String> firstLines = messages.stream().map(m -> m.lines().findFirst().orElseThrow()).toList();
        assertEquals(3, firstLines.size(), String.join("\n", firstLines));
        assertEquals("sites/b.conf:4:1 unexpected \"}\"", firstLines.get(0));
        assertEquals("sites/d.conf:1:22 include cycle: sites/c.conf:1 includes sites/d.conf, sites/d.conf:1 includes sites/c.conf",
                firstLines.get(1));
        assertEquals("sites/e.conf:1:18 open() \"" + dir.toRealPath().resolve("snippets/missing.conf")
                + "\" failed (2: No such file or directory)", firstLines.get(2));
    }

    @Test
    void aGlobThatMatchesAnUnreadableFileReportsItAndReadsTheRest() throws IOException {
        Path main = hostingLayout();
        Files.createDirectory(dir.resolve("sites/dir.conf")); // matched, not a regular file: skipped by the glob
        Files.write(dir.resolve("sites/f.conf"), new byte[] {'#', (byte) 0xff, '\n'});
        ReadResult ahead = load(main, true);
        assertEquals(load(main, false).diagnostics(), ahead.diagnostics());
        List<Diagnostic> invalid = ahead.diagnostics().stream().filter(d -> d.origin().file().equals("sites/f.conf")).toList();
        assertEquals(1, invalid.size(), invalid.toString());
    }
}
