package io.limitc.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.check.LintOptions;
import io.limitc.check.Linter;
import io.limitc.compile.CompiledJson;
import io.limitc.compile.Origins;
import io.limitc.compile.momentum.MomentumCompiler;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.compile.nginx.NginxCompiler;
import io.limitc.emit.DiagnosticFormat;
import io.limitc.emit.LintReport;
import io.limitc.model.Diagnostic;
import io.limitc.model.Dialect;
import io.limitc.model.Severity;
import io.limitc.syntax.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile configuration files into one versioned JSON runtime limiter configuration.")
final class CompileCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json", description = "write here (default: standard output)")
    Path output;

    @Option(names = "--format", defaultValue = "human", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "how problems are reported on standard error: human, short, json, sarif or github")
    DiagnosticFormat format;

    @Mixin
    InputOptions input;

    CompileCommand(Io io) {
        this.io = io;
    }

    /**
     * Reads and lints; null when lint found errors. The diagnostics go to standard error:
     * all of them, or only the errors when {@code warnings} is false.
     */
    static ReadResult checked(InputOptions input, Io io, DiagnosticFormat format, boolean warnings) {
        return checked(ConfigReader.read(input, io), input, io, format, warnings);
    }

    private static ReadResult checked(ReadResult read, InputOptions input, Io io, DiagnosticFormat format, boolean warnings) {
        LintOptions options = new LintOptions(input.targetVersion(), input.context.id(),
                input.dialect == InputOptions.DialectChoice.angie, Map.of());
        List<Diagnostic> diagnostics = new Linter(options).lint(read.tree(), read.diagnostics());
        List<Diagnostic> shown = warnings ? diagnostics
                : diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!shown.isEmpty()) format.write(new LintReport(shown, List.of(read.tree()), RuleCatalog.all()), io.err());
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR) ? null : read;
    }

    @Override
    public Integer call() {
        ReadResult parsed = ConfigReader.read(input, io);
        // Indexing only reads the tree, as the checks do: it runs beside them, and is thrown
        // away if they find errors (what it may have thrown on an invalid tree with it).
        FutureTask<MomentumIndex> index = null;
        if (parsed.tree().dialect() != Dialect.NGINX) {
            index = new FutureTask<>(() -> MomentumIndex.of(parsed.tree()));
            Thread indexing = new Thread(index, "limitc-index");
            indexing.setDaemon(true);
            indexing.start();
        }
        ReadResult read = checked(parsed, input, io, format, true);
        if (read == null) {
            io.err().println("limitc: not compiled: fix the errors above");
            return ExitCodes.FINDINGS;
        }
        Origins origins = new Origins(io.workingDirectory(), input.files.get(0).equals("-") ? null : Path.of(input.files.get(0)));
        ObjectNode compiled = index == null
                ? new NginxCompiler(read.tree(), input.context.id()).compile(origins)
                : MomentumCompiler.compile(indexed(index), origins);
        try {
            if (output == null) {
                CompiledJson.write(compiled, io.out());
            } else {
                Path target = io.workingDirectory().resolve(output);
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                // written whole, then moved: a reader never sees a half-written file
                try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    CompiledJson.write(compiled, out);
                }
                Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }

    private static MomentumIndex indexed(FutureTask<MomentumIndex> index) {
        try {
            return index.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
