package io.limitc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile inputs a CI linter meets in pull requests: each gives a clear diagnostic or usage
 * error, never a stack trace, a hang (the timeouts only guard against one) or a read outside
 * what was given.
 */
class AdversarialInputTest {

    @TempDir
    Path dir;

    private CliRunner.Run lint(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "lint";
        all[1] = "--format";
        all[2] = "short";
        System.arraycopy(args, 0, all, 3, args.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRunner.run(dir, all));
    }

    private static void noStackTrace(CliRunner.Run run) {
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), run.err());
        assertFalse(run.err().contains("internal error"), run.err());
    }

    @Test
    void nestingAHundredThousandDeepIsOneDiagnosticInBothDialects() throws IOException {
        Files.writeString(dir.resolve("deep.conf"), "a {\n".repeat(100_000) + "}\n".repeat(100_000));
        CliRunner.Run momentum = lint("--dialect", "ecelerity", "deep.conf");
        assertEquals(1, momentum.exitCode());
        assertTrue(momentum.out().contains("nesting is deeper than 100 levels"), momentum.out());
        Files.writeString(dir.resolve("deep-nginx.conf"), "a {\n".repeat(100_000) + "}\n".repeat(100_000));
        CliRunner.Run nginx = lint("--dialect", "nginx", "deep-nginx.conf");
        assertEquals(1, nginx.exitCode());
        assertTrue(nginx.out().contains("nesting is deeper than 100 levels"), nginx.out());
        noStackTrace(momentum);
        noStackTrace(nginx);
    }

    @Test
    void aFileOverTheSizeLimitIsAClearUsageError() throws IOException {
        Files.writeString(dir.resolve("big.conf"), "x = 1\n".repeat(1000));
        CliRunner.Run run = lint("--max-file-size", "1k", "big.conf");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("6000 bytes, over the limit of 1024 bytes (raise it with --max-file-size)"), run.err());
        Files.writeString(dir.resolve("main.conf"), "include \"big.conf\"\n");
        CliRunner.Run included = lint("--max-file-size", "1k", "main.conf");
        assertEquals(1, included.exitCode());
        assertTrue(included.out().contains("error[include-not-found]") && included.out().contains("over the limit"), included.out());
    }

    @Test
    void aFiveMegabyteLineAndAOneMegabyteStringAreRead() throws IOException {
        Files.writeString(dir.resolve("line.conf"), "banner = " + "a".repeat(5 << 20) + "\n");
        assertEquals(0, lint("line.conf").exitCode());
        Files.writeString(dir.resolve("string.conf"), "banner = \"" + "b".repeat(1 << 20) + "\"\n");
        assertEquals(0, lint("string.conf").exitCode());
        Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp { add_header X \"" + "c".repeat(1 << 20) + "\"; }\n");
        CliRunner.Run nginx = lint("nginx.conf");
        assertEquals(1, nginx.exitCode());
        assertTrue(nginx.out().contains("too long parameter, probably missing terminating \"\"\" character"), nginx.out());
    }

    @Test
    void invalidUtf8AndNulBytesAreReportedWithLineAndOffset() throws IOException {
        byte[] bytes = "max_outbound_connections = 5\nbanner = x\u0000y\nz = \"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = '"';
        Files.write(dir.resolve("bytes.conf"), bad);
        CliRunner.Run run = lint("bytes.conf");
        assertTrue(run.out().contains("bytes.conf:2:11: error[invalid-text]: NUL byte at byte offset 39"), run.out());
        assertTrue(run.out().contains("bytes.conf:3:6: error[invalid-text]: invalid UTF-8 at byte offset 47 (byte 0xC3)"), run.out());
        noStackTrace(run);
    }

    @Test
    void integersPastSixtyFourBitsAreDiagnosed() throws IOException {
        Files.writeString(dir.resolve("int.conf"), "max_outbound_connections = 99999999999999999999999\n");
        assertTrue(lint("int.conf").out().contains("is larger than 2147483647"));
        Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp {\n limit_conn_zone $binary_remote_addr zone=a:10m;\n"
                + " limit_conn a 99999999999999999999999;\n}\n");
        assertTrue(lint("nginx.conf").out().contains("invalid number of connections \"99999999999999999999999\""));
    }

    @Test
    void aFifoASymlinkLoopAndPathsOutsideRootAreRefusedWithoutHanging() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.conf").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.createSymbolicLink(dir.resolve("loop-a.conf"), dir.resolve("loop-b.conf"));
        Files.createSymbolicLink(dir.resolve("loop-b.conf"), dir.resolve("loop-a.conf"));
        Files.writeString(dir.resolve("outside.conf"), "max_outbound_connections = 1\n");
        Path sub = Files.createDirectories(dir.resolve("checkout"));
        Files.writeString(sub.resolve("main.conf"), "include \"../pipe.conf\"\ninclude \"../loop-a.conf\"\n"
                + "include \"../outside.conf\"\n");
        CliRunner.Run free = lint("checkout/main.conf");
        assertTrue(free.out().contains("pipe.conf: it is not a regular file"), free.out());
        assertTrue(free.out().contains("loop-a.conf"), free.out());
        noStackTrace(free);
        CliRunner.Run rooted = lint("--root", "checkout", "checkout/main.conf");
        assertEquals(3, rooted.out().lines().filter(l -> l.contains("error[include-not-found]")).count(), rooted.out());
        assertTrue(rooted.out().contains("is outside --root"), rooted.out());
        noStackTrace(rooted);
    }

    @Test
    void aGlobMatchingTwentyThousandFilesIsReadInOrder() throws IOException {
        Path confd = Files.createDirectories(dir.resolve("conf.d"));
        for (int i = 0; i < 20_000; i++) Files.writeString(confd.resolve(String.format("%05d.conf", i)), "# empty\n");
        Files.writeString(confd.resolve("19999.conf"), "limit_conn_zone $binary_remote_addr zone=last:10m;\n");
        Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp {\n include conf.d/*.conf;\n}\n");
        CliRunner.Run run = lint("nginx.conf");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("conf.d/19999.conf:1:37: warning[unused-zone]"), run.out());
    }

    /** Found by fuzzing the nginx target: Path.of threw InvalidPathException, an internal error (exit 3). */
    @Test
    void aNulByteInAnIncludePathIsADiagnosticInBothDialects() throws IOException {
        Files.writeString(dir.resolve("main.conf"), "include \"a\u0000b.conf\"\n");
        CliRunner.Run momentum = lint("--dialect", "ecelerity", "main.conf");
        assertEquals(1, momentum.exitCode(), momentum.err());
        assertTrue(momentum.out().contains("main.conf:1:9: error[include-not-found]: included path \"a\\0b.conf\" is not a valid file name"),
                momentum.out());
        Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp {\n include \"a\u0000b.conf\";\n}\n");
        CliRunner.Run nginx = lint("--dialect", "nginx", "nginx.conf");
        assertEquals(1, nginx.exitCode(), nginx.err());
        assertTrue(nginx.out().contains("error[include-not-found]: included path \"a\\0b.conf\" is not a valid file name"), nginx.out());
        noStackTrace(momentum);
        noStackTrace(nginx);
    }

    /** Found by fuzzing the nginx target: the glob matcher threw PatternSyntaxException, an internal error. */
    @Test
    void anUnclosedBracketInAnIncludeGlobIsADiagnostic() throws IOException {
        Files.createDirectories(dir.resolve("conf.d")); // the pattern is only compiled when its directory exists
        Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp {\n include conf.d/[a*.conf;\n}\n");
        CliRunner.Run run = lint("nginx.conf");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("nginx.conf:3:10: error[include-not-found]: include pattern \"conf.d/[a*.conf\" is not a valid glob"),
                run.out());
        noStackTrace(run);
    }
}
