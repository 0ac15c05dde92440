package io.limitc.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options every command that reads configuration files shares. */
final class InputOptions {

    enum DialectChoice { auto, ecelerity, nginx, angie }

    enum NginxContextChoice {
        main, http, server, location, stream, stream_server;

        String id() {
            return name().replace('_', '-');
        }
    }

    @Option(names = "--dialect", defaultValue = "auto", paramLabel = "DIALECT",
            description = "auto, ecelerity, nginx or angie (default: ${DEFAULT-VALUE}: nginx when a statement ends with \";\")")
    DialectChoice dialect;

    @Option(names = {"-I", "--include-path"}, paramLabel = "DIR",
            description = "search DIR for relative includes not found where the dialect looks first (repeatable)")
    List<Path> includePath = new ArrayList<>();

    @Option(names = "--context", paramLabel = "BLOCK", defaultValue = "main",
            converter = NginxContextConverter.class,
            description = "nginx: the block the files are included in: main (a whole configuration), http, server,"
                    + " location, stream or stream-server (default: ${DEFAULT-VALUE})")
    NginxContextChoice context;

    @Option(names = "--target-version", defaultValue = "5.3", paramLabel = "VERSION",
            description = "Momentum: the release the configuration is for (default: ${DEFAULT-VALUE})")
    String targetVersion;

    io.limitc.model.ecelerity.MomentumVersion targetVersion() {
        try {
            return io.limitc.model.ecelerity.MomentumVersion.parse(targetVersion);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target-version: " + e.getMessage());
        }
    }

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "100m",
            description = "refuse files larger than this, e.g. 200m or 1g (default: ${DEFAULT-VALUE})")
    String maxFileSize;

    @Option(names = "--root", paramLabel = "DIR",
            description = "read no file outside DIR, includes included (for linting untrusted checkouts)")
    Path root;

    long maxFileSizeBytes() {
        String v = maxFileSize.strip().toLowerCase(java.util.Locale.ROOT);
        long scale = v.endsWith("k") ? 1L << 10 : v.endsWith("m") ? 1L << 20 : v.endsWith("g") ? 1L << 30 : 1;
        try {
            return Long.parseLong(scale == 1 ? v : v.substring(0, v.length() - 1)) * scale;
        } catch (NumberFormatException e) {
            throw new UsageException("--max-file-size takes a size such as 100m or 1g, got " + maxFileSize);
        }
    }

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "configuration files, read as one configuration in order; - reads standard input")
    List<String> files = new ArrayList<>();

    static final class NginxContextConverter implements picocli.CommandLine.ITypeConverter<NginxContextChoice> {
        @Override
        public NginxContextChoice convert(String value) {
            try {
                return NginxContextChoice.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown context '" + value + "' (expected main, http, server, location, stream or stream-server)");
            }
        }
    }
}
