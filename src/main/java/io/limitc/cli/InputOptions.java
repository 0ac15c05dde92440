package io.limitc.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options every command that reads configuration files shares. */
final class InputOptions {

    enum DialectChoice { auto, ecelerity, nginx }

    @Option(names = "--dialect", defaultValue = "auto", paramLabel = "DIALECT",
            description = "auto, ecelerity or nginx (default: ${DEFAULT-VALUE})")
    DialectChoice dialect;

    @Option(names = {"-I", "--include-path"}, paramLabel = "DIR",
            description = "search DIR for relative includes not found beside the including file (repeatable)")
    List<Path> includePath = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "configuration files, read as one configuration in order; - reads standard input")
    List<String> files = new ArrayList<>();
}
