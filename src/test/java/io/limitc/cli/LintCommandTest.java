package io.limitc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract: exit codes, standard input, usage errors, never a stack trace. */
class LintCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void cleanConfigExitsZero() throws IOException {
        write("ok.conf", "Max_Outbound_Connections = 20\n");
        CliRunner.Run run = CliRunner.run(dir, "lint", "ok.conf");
        assertEquals(0, run.exitCode());
        assertEquals("no problems found\n", run.out());
    }

    @Test
    void errorsExitOneWarningsOnlyWithWerror() throws IOException {
        write("err.conf", "binding_group g { binding_group h {} }\n");
        assertEquals(1, CliRunner.run(dir, "lint", "err.conf").exitCode());
        write("warn.conf", "max_outbound_connections = 0\n");
        assertEquals(0, CliRunner.run(dir, "lint", "warn.conf").exitCode());
        assertEquals(1, CliRunner.run(dir, "lint", "--werror", "warn.conf").exitCode());
    }

    @Test
    void readsStandardInputWithIncludesRelativeToTheWorkingDirectory() throws IOException {
        write("inc/limits.conf", "Domain x.com { max_outbound_connections = -7 }\n");
        CliRunner.Run run = CliRunner.runWithStdin(dir, "include \"inc/limits.conf\"\nfoo = (\n",
                "lint", "--format", "short", "-");
        assertEquals(1, run.exitCode());
        assertEquals("""
                <stdin>:3:1: error[syntax-error]: expected a value or ")" to close the list opened at 2:7, found end of file
                inc/limits.conf:1:43: error[option-value]: max_outbound_connections must be -1 (unlimited) or a positive number, found -7
                """, run.out());
    }

    @Test
    void usageProblemsExitTwoWithOneLineAndNoStackTrace() throws IOException {
        write("a.conf", "x = 1\n");
        List<CliRunner.Run> runs = new ArrayList<>();
        runs.add(CliRunner.run(dir, "lint", "missing.conf"));
        runs.add(CliRunner.run(dir, "lint", "--format", "xml", "a.conf"));
        runs.add(CliRunner.run(dir, "lint", "--include-path", "nope", "a.conf"));
        runs.add(CliRunner.run(dir, "lint", "--target-version", "five", "a.conf"));
        runs.add(CliRunner.run(dir, "lint", "--context", "upstream", "a.conf"));
        runs.add(CliRunner.run(dir, "lint", "--expect-keys", "perip", "a.conf"));
        runs.add(CliRunner.run(dir, "lint", "-", "-"));
        runs.add(CliRunner.run(dir, "lint", "."));
        runs.add(CliRunner.run(dir, "lint"));
        runs.add(CliRunner.run(dir));
        for (CliRunner.Run run : runs) {
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("limitc: ") || run.err().startsWith("Missing required parameter")
                    || run.err().contains("Usage:"), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertEquals("", run.out());
        }
        assertTrue(runs.get(0).err().contains("missing.conf"));
    }

    @Test
    void filesOfTwoDialectsInOneRunAreRefusedNotMisread() throws IOException {
        write("momentum.conf", "Domain x.com { max_outbound_connections = 4 }\n");
        write("nginx.conf", "events {}\nhttp { limit_conn_zone $binary_remote_addr zone=perip:10m; }\n");
        write("more.conf", "Binding b { max_outbound_connections = 2 }\n");
        CliRunner.Run mixed = CliRunner.run(dir, "lint", "momentum.conf", "more.conf", "nginx.conf");
        assertEquals(2, mixed.exitCode(), mixed.err());
        assertEquals("limitc: momentum.conf reads as Momentum and nginx.conf as nginx: the files of one run are one"
                + " configuration (lint them in separate runs, or choose with --dialect)\n", mixed.err());
        assertEquals("", mixed.out());
        CliRunner.Run stdin = CliRunner.runWithStdin(dir, "Domain y.com { max_outbound_connections = 3 }\n",
                "lint", "nginx.conf", "-");
        assertEquals(2, stdin.exitCode(), stdin.err());
        assertTrue(stdin.err().startsWith("limitc: nginx.conf reads as nginx and <stdin> as Momentum"), stdin.err());
        CliRunner.Run same = CliRunner.run(dir, "lint", "momentum.conf", "more.conf");
        assertEquals(0, same.exitCode(), same.err() + same.out());
        CliRunner.Run chosen = CliRunner.run(dir, "lint", "--dialect", "ecelerity", "momentum.conf", "nginx.conf");
        assertEquals(1, chosen.exitCode(), "read as the dialect chosen, with its errors: " + chosen.out());
    }

    @Test
    void binaryGarbageIsReportedNotThrown() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(42).nextBytes(junk);
        Files.write(dir.resolve("junk.conf"), junk);
        CliRunner.Run run = CliRunner.run(dir, "lint", "--format", "json", "junk.conf");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("\"syntax-error\""));
    }

    @Test
    void deepNestingIsOneErrorNotAStackOverflow() throws IOException {
        String deep = "a {\n".repeat(5000) + "}\n".repeat(5000);
        write("deep.conf", deep);
        CliRunner.Run run = CliRunner.run(dir, "lint", "--format", "short", "deep.conf");
        assertEquals(1, run.exitCode());
        assertEquals("deep.conf:101:3: error[syntax-error]: nesting is deeper than 100 levels; the file is not read further\n",
                run.out());
    }

    @Test
    void jsonIsSortedByFileThenPositionWithCountsThatMatch() throws Exception {
        write("b.conf", "max_outbound_connections = 0\nbinding_group g { binding_group h {} }\n");
        write("a.conf", "include \"b.conf\"\nmax_outbound_connections = x\n");
        CliRunner.Run run = CliRunner.run(dir, "lint", "--format", "json", "a.conf");
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode list = root.path("diagnostics");
        assertEquals(4, list.size(), run.out());
        String[] expected = {"a.conf:2:1", "a.conf:2:28", "b.conf:1:28", "b.conf:2:19"};
        for (int i = 0; i < expected.length; i++) {
            JsonNode d = list.get(i);
            assertEquals(expected[i], d.path("file").asText() + ":" + d.path("line").asInt() + ":" + d.path("column").asInt());
        }
        assertEquals(2, root.path("summary").path("errors").asInt());
        assertEquals(2, root.path("summary").path("warnings").asInt());
        assertEquals(0, root.path("summary").path("notes").asInt());
        for (JsonNode d : list) {
            for (String f : new String[] {"rule", "severity", "file", "line", "column", "endLine", "endColumn", "message"}) {
                assertTrue(d.has(f), f);
            }
        }
    }
}
