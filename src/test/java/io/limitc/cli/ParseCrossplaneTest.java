package io.limitc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden output of {@code limitc parse --format crossplane}: {@code testdata/crossplane/<case>/}
 * holds {@code nginx.conf} (or {@code main.conf}) and {@code expected.json}.
 * {@code LIMITC_UPDATE_GOLDEN=1} rewrites the expected files.
 */
class ParseCrossplaneTest {

    static final Path ROOT = Path.of("testdata", "crossplane");

    @TestFactory
    Stream<DynamicTest> crossplane() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ROOT)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String main = Files.exists(dir.resolve("nginx.conf")) ? "nginx.conf" : "main.conf";
        CliRunner.Run run = CliRunner.run(dir, "parse", "--format", "crossplane", main);
        assertEquals("", run.err());
        JsonNode payload = new ObjectMapper().readTree(run.out());
        // the shape crossplane consumers rely on
        assertTrue(payload.path("status").isTextual() && payload.path("errors").isArray() && payload.path("config").isArray());
        for (JsonNode config : payload.path("config")) {
            assertTrue(config.path("file").isTextual() && config.path("parsed").isArray() && config.path("errors").isArray());
        }
        assertEquals(payload.path("status").asText().equals("ok") ? 0 : 1, run.exitCode());
        Path expected = dir.resolve("expected.json");
        if (System.getenv("LIMITC_UPDATE_GOLDEN") != null) Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), run.out());
    }
}
