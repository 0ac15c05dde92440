package io.limitc.cli;

import io.limitc.compile.Origins;
import io.limitc.emit.DiagnosticFormat;
import io.limitc.emit.kumomta.ConversionReport;
import io.limitc.emit.kumomta.KumoConversion;
import io.limitc.emit.kumomta.KumoConverter;
import io.limitc.model.Dialect;
import io.limitc.syntax.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a Momentum configuration to KumoMTA: shaping.toml, sources.toml, policy.lua and a"
                + " report of every option.")
final class ConvertCommand implements Callable<Integer> {

    enum Target { kumomta }

    enum ReportFormat { md, json }

    private final Io io;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "the target: kumomta")
    Target target;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the directory to write into")
    Path output;

    @Option(names = "--format", defaultValue = "md", paramLabel = "FORMAT",
            description = "the report: md (conversion-report.md) or json (conversion-report.json) (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = "--unlimited-as", defaultValue = "100000", paramLabel = "N",
            description = "written where Momentum says unlimited (KumoMTA has no unlimited) (default: ${DEFAULT-VALUE})")
    long unlimitedAs;

    @Option(names = "--policy-dir", defaultValue = "/opt/kumomta/etc/policy", paramLabel = "DIR",
            description = "where the files will live on the KumoMTA host (default: ${DEFAULT-VALUE})")
    String policyDir;

    @Mixin
    InputOptions input;

    ConvertCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        // KumoMTA rejects 0; the top is Momentum's own largest count (and keeps clear of 19-digit TOML integers,
        // which jackson-dataformat-toml 2.20 misreads when convert reads its output back)
        if (unlimitedAs < 1 || unlimitedAs > Integer.MAX_VALUE) {
            throw new UsageException("--unlimited-as must be between 1 and " + Integer.MAX_VALUE + ", got " + unlimitedAs);
        }
        ReadResult read = CompileCommand.checked(input, io, DiagnosticFormat.HUMAN, true);
        if (read == null) {
            io.err().println("limitc: not converted: fix the errors above");
            return ExitCodes.FINDINGS;
        }
        if (read.tree().dialect() != Dialect.ECELERITY) {
            throw new UsageException("convert --to kumomta reads Momentum (ecelerity.conf) configurations; this is "
                    + read.tree().dialect().name().toLowerCase(java.util.Locale.ROOT));
        }
        Origins origins = new Origins(io.workingDirectory(), input.files.get(0).equals("-") ? null : Path.of(input.files.get(0)));
        String inputs = String.join(" ", input.files.stream().map(f -> f.equals("-") ? "standard input"
                : Path.of(f).getFileName().toString()).toList());
        KumoConverter.Result result = KumoConverter.convert(read.tree(),
                new KumoConversion.Options(unlimitedAs, policyDir), origins::relative, inputs, format == ReportFormat.json);
        if (!result.problems().isEmpty()) {
            // the converter's own output broke KumoMTA's rules: a limitc bug, and nothing is written
            result.problems().forEach(p -> io.err().println("limitc: internal error: " + p));
            io.err().println("limitc: nothing written (please report this with the input that caused it)");
            return ExitCodes.INTERNAL;
        }
        write(result.files());
        Map<String, Integer> s = result.report().summary();
        io.out().println("wrote " + String.join(", ", result.files().keySet()) + " to " + output);
        io.out().println(result.report().rows.size() + " options: " + s.get("converted") + " converted, "
                + s.get("approximated") + " approximated, " + s.get("not converted") + " not converted, "
                + s.get(ConversionReport.NOT_USED) + " not used by any path");
        return ExitCodes.OK;
    }

    /** Each file is written whole beside its target, then moved in place: no reader sees half a file. */
    private void write(Map<String, String> files) {
        Path dir = io.workingDirectory().resolve(output);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Path partial = dir.resolve(f.getKey() + ".partial");
                Files.writeString(partial, f.getValue(), StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
    }
}
