package io.limitc.syntax;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads config text and names files the way every output shows them. */
public final class SourceLoader {

    private final Path base;

    /** @param base display paths are relative to this directory when the file lies below it */
    public SourceLoader(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    public Path base() {
        return base;
    }

    /** The path shown in diagnostics: relative to the base directory, else absolute. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /**
     * Reads a file as UTF-8; undecodable bytes become U+FFFD rather than failing the read,
     * and a byte-order mark is dropped (editors on Windows write one).
     */
    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IOException(e);
        }
    }

    /** One input given on the command line: a file, or standard input already read. */
    public record Input(String display, Path path, String text) {
        public static Input file(SourceLoader loader, Path path) {
            return new Input(loader.display(path), path, null);
        }

        public static Input stdin(String text) {
            return new Input("<stdin>", null, text);
        }
    }
}
