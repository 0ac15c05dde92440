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
 * {@code limitc explain} golden cases: in any case directory under {@code testdata/ecelerity/}
 * or {@code testdata/nginx/}, {@code explain-NAME.args} (arguments, one per line) and
 * {@code explain-NAME.json} (the expected {@code --format json} output), optionally
 * {@code explain-NAME.txt} (the expected {@code --format text} output).
 * {@code LIMITC_UPDATE_GOLDEN=1} rewrites the expected files: review the diff.
 */
class ExplainCasesTest {

    @TestFactory
    Stream<DynamicTest> explainCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String dialect : List.of("ecelerity", "nginx")) {
            String main = dialect.equals("nginx") ? "nginx.conf" : "main.conf";
            try (Stream<Path> files = Files.walk(Path.of("testdata", dialect), 2)) {
                for (Path args : files.filter(p -> p.getFileName().toString().matches("explain-.*\\.args")).sorted().toList()) {
                    String name = args.getFileName().toString().replace(".args", "");
                    tests.add(DynamicTest.dynamicTest(dialect + "/" + args.getParent().getFileName() + "/" + name,
                            () -> check(args.getParent(), name, main)));
                }
            }
        }
        assertTrue(tests.size() >= 20, "explain cases for every precedence step; found " + tests.size());
        return tests.stream();
    }

    private static void check(Path dir, String name, String main) throws IOException {
        List<String> args = new ArrayList<>(List.of("explain"));
        for (String line : Files.readAllLines(dir.resolve(name + ".args"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) args.add(line.strip());
        }
        if (args.stream().noneMatch(a -> a.endsWith(".conf"))) args.add(main);
        for (String format : List.of("json", "txt")) {
            Path expected = dir.resolve(name + "." + format);
            if (format.equals("txt") && !Files.exists(expected)) continue;
            List<String> call = new ArrayList<>(args);
            call.add(1, "--format");
            call.add(2, format.equals("json") ? "json" : "text");
            CliRunner.Run run = CliRunner.run(dir, call.toArray(String[]::new));
            assertEquals("", run.err(), "no problems on standard error");
            assertEquals(0, run.exitCode());
            if (System.getenv("LIMITC_UPDATE_GOLDEN") != null) Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), run.out(), dir + "/" + name + "." + format);
        }
    }
}
