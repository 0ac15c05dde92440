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

/**
 * Golden output of every lint format: {@code testdata/formats/<case>/main.conf} against
 * {@code expected.<format>} (human, short, json, sarif, github). {@code LIMITC_UPDATE_GOLDEN=1}
 * rewrites them.
 */
class FormatGoldenTest {

    static final Path ROOT = Path.of("testdata", "formats");
    static final List<String> FORMATS = List.of("human", "short", "json", "sarif", "github");

    @TestFactory
    Stream<DynamicTest> formats() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (String format : FORMATS) {
                    tests.add(DynamicTest.dynamicTest(dir.getFileName() + " " + format, () -> check(dir, format)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(Path dir, String format) throws IOException {
        CliRunner.Run run = CliRunner.run(dir, "lint", "--format", format, "main.conf");
        assertEquals(1, run.exitCode(), "the fixture has errors");
        assertEquals("", run.err());
        Path expected = dir.resolve("expected." + format);
        if (System.getenv("LIMITC_UPDATE_GOLDEN") != null) Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), run.out());
    }
}
