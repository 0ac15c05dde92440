package io.limitc.syntax;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads config text and names files the way every output shows them. */
public final class SourceLoader {

    /** Files larger than this are refused unless --max-file-size says otherwise. */
    public static final long DEFAULT_MAX_FILE_SIZE = 100L * 1024 * 1024;

    private final Path base;
    private final long maxFileSize;
    private final Path root;

    /** @param base display paths are relative to this directory when the file lies below it */
    public SourceLoader(Path base) {
        this(base, DEFAULT_MAX_FILE_SIZE, null);
    }

    /**
     * @param maxFileSize larger files are refused with a clear error
     * @param root        when set, no file outside this directory is read (linting untrusted checkouts)
     */
    public SourceLoader(Path base, long maxFileSize, Path root) {
        this.base = base.toAbsolutePath().normalize();
        this.maxFileSize = maxFileSize;
        this.root = root == null ? null : IncludeChain.identity(root);
    }

    /**
     * Reads a file as configuration text: only a regular file (never a FIFO or a device,
     * which could block or never end), no larger than the limit, inside --root when given.
     * Undecodable bytes and NUL bytes are reported with their line and byte offset; the text
     * keeps going (U+FFFD) so the rest is still checked.
     */
    public String read(Path file, String display, java.util.List<io.limitc.model.Diagnostic> problems) throws IOException {
        if (root != null && !IncludeChain.identity(file).startsWith(root)) {
            throw new IOException("is outside --root " + root);
        }
        if (!Files.isRegularFile(file)) throw new IOException("is not a regular file");
        long size = Files.size(file);
        if (size > maxFileSize) {
            throw new IOException("is " + size + " bytes, over the limit of " + maxFileSize + " bytes (raise it with --max-file-size)");
        }
        return decode(Files.readAllBytes(file), display, problems);
    }

    /** Decodes UTF-8, reporting the first invalid sequence and the first NUL byte. */
    public static String decode(byte[] bytes, String display, java.util.List<io.limitc.model.Diagnostic> problems) {
        // Decoding and searching the text are bulk operations; the byte-by-byte searches that
        // find an offset to report run only when the text shows there is one.
        String text = new String(bytes, StandardCharsets.UTF_8);
        int bad = text.indexOf('\uFFFD') < 0 ? -1 : firstInvalidUtf8(bytes); // or a U+FFFD written as such
        if (bad >= 0) {
            problems.add(io.limitc.model.Diagnostic.of(io.limitc.model.ReadingRules.INVALID_TEXT, at(bytes, bad, display),
                    String.format("invalid UTF-8 at byte offset %d (byte 0x%02X); the file is read with U+FFFD in its place",
                            bad, bytes[bad] & 0xff)));
        }
        for (int i = text.indexOf('\0') < 0 ? bytes.length : 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.add(io.limitc.model.Diagnostic.of(io.limitc.model.ReadingRules.INVALID_TEXT, at(bytes, i, display),
                        "NUL byte at byte offset " + i + ": a configuration file is text"));
                break;
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static io.limitc.model.Origin at(byte[] bytes, int offset, String display) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).codePointCount(0,
                new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length()) + 1;
        return io.limitc.model.Origin.at(display, line, column);
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) return in.position();
            if (r.isUnderflow()) return -1;
            out.clear();
        }
    }

    /** The message for an include path no file can have (a NUL byte in it), the NUL shown as {@code \0}. */
    public static String invalidPath(String included, java.nio.file.InvalidPathException e) {
        return "included path \"" + included.replace("\0", "\\0") + "\" is not a valid file name: " + e.getReason();
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
