package io.limitc.cli;

import io.limitc.model.Dialect;
import io.limitc.syntax.DialectDetector;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.SourceLoader.Input;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import io.limitc.syntax.nginx.NginxLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the files a command was given, in the chosen (or detected) dialect. */
final class ConfigReader {

    private ConfigReader() {}

    static ReadResult read(InputOptions options, Io io) {
        Path root = options.root == null ? null : io.workingDirectory().resolve(options.root);
        if (root != null && !Files.isDirectory(root)) throw new UsageException("--root " + options.root + " is not a directory");
        SourceLoader sources = new SourceLoader(io.workingDirectory(), options.maxFileSizeBytes(), root);
        List<Input> inputs = new ArrayList<>();
        List<io.limitc.model.Diagnostic> stdinProblems = new ArrayList<>();
        boolean stdinUsed = false;
        for (String f : options.files) {
            if (f.equals("-")) {
                if (stdinUsed) throw new UsageException("standard input (-) can be given only once");
                stdinUsed = true;
                try {
                    byte[] bytes = io.in().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxFileSizeBytes() + 1));
                    if (bytes.length > options.maxFileSizeBytes()) {
                        throw new UsageException("standard input is over the limit of " + options.maxFileSizeBytes()
                                + " bytes (raise it with --max-file-size)");
                    }
                    inputs.add(Input.stdin(SourceLoader.decode(bytes, "<stdin>", stdinProblems)));
                } catch (IOException e) {
                    throw new UsageException("cannot read standard input: " + e.getMessage());
                }
                continue;
            }
            Path p = io.workingDirectory().resolve(f);
            if (Files.isDirectory(p)) throw new UsageException(f + " is a directory; give the main configuration file");
            if (!Files.isReadable(p)) throw new UsageException("cannot read " + f + ": no such file or not readable");
            if (!Files.isRegularFile(p)) throw new UsageException("cannot read " + f + ": not a regular file");
            inputs.add(Input.file(sources, p));
        }
        List<Path> search = new ArrayList<>();
        for (Path dir : options.includePath) {
            Path abs = io.workingDirectory().resolve(dir);
            if (!Files.isDirectory(abs)) throw new UsageException("--include-path " + dir + " is not a directory");
            search.add(abs);
        }
        try {
            ReadResult read = dialect(options, inputs) == Dialect.NGINX
                    ? new NginxLoader(sources, search).load(inputs)
                    : new EcelerityLoader(sources, search).load(inputs);
            if (stdinProblems.isEmpty()) return read;
            List<io.limitc.model.Diagnostic> all = new ArrayList<>(stdinProblems);
            all.addAll(read.diagnostics());
            return new ReadResult(read.tree(), all);
        } catch (IOException e) {
            throw new UsageException("cannot read input: " + e.getMessage());
        }
    }

    private static final int DETECT_CHARS = 64 * 1024;

    private static String head(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(DETECT_CHARS), StandardCharsets.UTF_8);
        }
    }

    static Dialect dialect(InputOptions options, List<Input> inputs) throws IOException {
        switch (options.dialect) {
            case ecelerity:
                return Dialect.ECELERITY;
            case nginx:
            case angie:
                return Dialect.NGINX;
            default:
                // each file's beginning tells (no need to read a 14 MB file twice); the files
                // of one run are one configuration, so a mix is refused rather than misread
                Dialect first = detect(inputs.get(0));
                for (Input other : inputs.subList(1, inputs.size())) {
                    Dialect d = detect(other);
                    if (d != first) {
                        throw new UsageException(inputs.get(0).display() + " reads as " + dialectName(first) + " and "
                                + other.display() + " as " + dialectName(d) + ": the files of one run are one configuration"
                                + " (lint them in separate runs, or choose with --dialect)");
                    }
                }
                return first;
        }
    }

    private static Dialect detect(Input input) throws IOException {
        String text = input.text() != null ? input.text() : head(input.path());
        return DialectDetector.detect(text.length() > DETECT_CHARS ? text.substring(0, DETECT_CHARS) : text);
    }

    private static String dialectName(Dialect d) {
        return d == Dialect.NGINX ? "nginx" : "Momentum";
    }
}
