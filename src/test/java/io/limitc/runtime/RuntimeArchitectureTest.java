package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime is embedded in services: it must not drag in the parser, the checks or the compiler. */
class RuntimeArchitectureTest {

    @Test
    void runtimeImportsNothingFromTheToolchain() throws IOException {
        Path dir = Path.of("src/main/java/io/limitc/runtime");
        List<String> offending;
        try (Stream<Path> files = Files.list(dir)) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.matches(".*io\\.limitc\\.(?!runtime\\b).*") || l.contains("org.antlr"))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offending);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.count() > 5, "the runtime sources were found");
        }
    }
}
