package io.limitc.cli;

import io.limitc.emit.CrossplaneFormat;
import io.limitc.model.Diagnostic;
import io.limitc.model.Severity;
import io.limitc.syntax.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Print the parse of configuration files (crossplane's JSON payload).")
final class ParseCommand implements Callable<Integer> {

    enum Format { crossplane }

    private final Io io;

    @Option(names = "--format", defaultValue = "crossplane", paramLabel = "FORMAT",
            description = "crossplane (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    InputOptions input;

    ParseCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ReadResult read = ConfigReader.read(input, io);
        // Reading problems only: parse reports what crossplane would, plus what nginx would refuse to read.
        List<Diagnostic> problems = read.diagnostics().stream().sorted().toList();
        CrossplaneFormat.write(read.tree(), problems, io.out());
        return problems.stream().anyMatch(d -> d.severity() == Severity.ERROR)
                ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
