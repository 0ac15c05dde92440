package io.limitc.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The process's streams and working directory, so commands run the same in tests. */
record Io(PrintStream out, PrintStream err, InputStream in, Path workingDirectory) {

    static Io system() {
        return new Io(System.out, System.err, System.in, Path.of("").toAbsolutePath());
    }
}
