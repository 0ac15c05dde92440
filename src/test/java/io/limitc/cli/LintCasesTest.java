package io.limitc.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per directory under {@code testdata/ecelerity/} and {@code testdata/nginx/}:
 * lints the case's main file ({@code main.conf}, or {@code nginx.conf} for nginx) from
 * inside the directory with the options in {@code args} (one per line, optional) and
 * compares the {@code short} output with {@code expected.txt}. A new case is a new
 * directory. {@code LIMITC_UPDATE_GOLDEN=1} rewrites the expected files: review the diff.
 */
class LintCasesTest {

    @TestFactory
    Stream<DynamicTest> momentum() throws IOException {
        return cases(Path.of("testdata", "ecelerity"), "main.conf");
    }

    @TestFactory
    Stream<DynamicTest> nginx() throws IOException {
        return cases(Path.of("testdata", "nginx"), "nginx.conf");
    }

    private static Stream<DynamicTest> cases(Path root, String mainFile) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("expected.txt"))).sorted().toList();
        }
        assertTrue(dirs.size() >= 40, "at least 40 cases in " + root + ", found " + dirs.size());
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(),
                () -> runCase(dir, mainFile)));
    }

    private static void runCase(Path dir, String mainFile) throws IOException {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "short"));
        Path argsFile = dir.resolve("args");
        if (Files.exists(argsFile)) {
            for (String line : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) args.add(line.strip());
            }
        }
        if (args.stream().noneMatch(a -> a.endsWith(".conf") || a.equals("-"))) args.add(mainFile);
        CliRunner.Run run = CliRunner.run(dir, args.toArray(String[]::new));
        assertEquals("", run.err(), "nothing on stderr");
        // nginx quotes absolute paths in some messages (open() "..." failed): make them portable
        String out = run.out().replace(dir.toRealPath().toString(), "${DIR}").replace(dir.toAbsolutePath().normalize().toString(), "${DIR}");
        Path expectedFile = dir.resolve("expected.txt");
        if (System.getenv("LIMITC_UPDATE_GOLDEN") != null) {
            Files.writeString(expectedFile, out, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertEquals(expected, out, "diagnostics of " + dir);
        boolean errors = expected.lines().anyMatch(l -> l.contains(": error["));
        boolean warnings = expected.lines().anyMatch(l -> l.contains(": warning["));
        boolean werror = args.contains("--werror");
        assertEquals(errors || (werror && warnings) ? 1 : 0, run.exitCode(), "exit code");
    }
}
