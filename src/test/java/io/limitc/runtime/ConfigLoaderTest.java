package io.limitc.runtime;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every loader error: {@code testdata/runtime-bad/NAME.json} must fail with {@code NAME.error}. */
class ConfigLoaderTest {

    @TestFactory
    Stream<DynamicTest> badFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("testdata/runtime-bad"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 8);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String expected = Files.readString(Path.of(f.toString().replace(".json", ".error")), StandardCharsets.UTF_8).strip();
            ConfigException e = assertThrows(ConfigException.class, () -> Limiter.load(f));
            assertEquals(expected, e.getMessage());
        }));
    }
}
