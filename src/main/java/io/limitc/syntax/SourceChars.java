package io.limitc.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The lexers' input, built without the detours {@link CharStreams#fromString} takes. */
public final class SourceChars {

    private SourceChars() {
    }

    /**
     * The same stream {@code CharStreams.fromString(text, name)} gives. Configurations are
     * nearly always Latin-1 (mostly ASCII): then the stream is the string's own bytes, copied
     * once, where fromString widens them to a char buffer first (a tenth of reading 13 MB).
     */
    public static CharStream of(String text, String name) {
        byte[] latin1 = latin1(text);
        return latin1 == null ? CharStreams.fromString(text, name) : of(latin1, name);
    }

    /** The stream of a text already known to be Latin-1, as its {@link #latin1} bytes. */
    public static CharStream of(byte[] latin1, String name) {
        return CodePointCharStream.fromBuffer(CodePointBuffer.withBytes(ByteBuffer.wrap(latin1)), name);
    }

    /** The text as Latin-1 bytes, one per character, or null when it has a character beyond Latin-1. */
    public static byte[] latin1(String text) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1); // a character beyond Latin-1 becomes "?"
        // Both copies and the comparison are bulk array operations, not a loop over characters.
        return new String(latin1, StandardCharsets.ISO_8859_1).equals(text) ? latin1 : null;
    }
}
