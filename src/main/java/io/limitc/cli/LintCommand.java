package io.limitc.cli;

import io.limitc.check.LintOptions;
import io.limitc.check.Linter;
import io.limitc.emit.DiagnosticFormat;
import io.limitc.emit.LintReport;
import io.limitc.model.Diagnostic;
import io.limitc.model.Dialect;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.MomentumVersion;
import io.limitc.syntax.ReadResult;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Check configuration files and report problems with file, line and column.")
final class LintCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--format", defaultValue = "human", paramLabel = "FORMAT",
            description = "human, short, json, sarif or github (default: ${DEFAULT-VALUE})",
            converter = FormatConverter.class)
    DiagnosticFormat format;

    @Option(names = "--werror", description = "exit 1 when there are warnings, too")
    boolean werror;

    @Option(names = "--expect-keys", paramLabel = "ZONE=N",
            description = "nginx: warn when zone ZONE holds fewer than N keys (repeatable)")
    List<String> expectKeys = new java.util.ArrayList<>();

    @Mixin
    InputOptions input;

    /** Angie when asked for, or when the configuration uses directives only Angie has. */
    private boolean angie(ReadResult read) {
        if (input.dialect == InputOptions.DialectChoice.angie) return true;
        if (input.dialect != InputOptions.DialectChoice.auto || read.tree().dialect() != Dialect.NGINX) {
            return false;
        }
        return read.tree().names().stream().anyMatch(ANGIE_ONLY::contains);
    }

    private static final java.util.Set<String> ANGIE_ONLY = java.util.Set.of("acme_client", "acme",
            "prometheus_template", "prometheus", "metric_complex_zone", "metric_zone", "metric");

    private Map<String, Long> expectedKeys() {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (String e : expectKeys) {
            int eq = e.indexOf('=');
            try {
                keys.put(e.substring(0, eq), Long.parseLong(e.substring(eq + 1)));
            } catch (RuntimeException ex) {
                throw new UsageException("--expect-keys takes ZONE=N, e.g. perip=100000; got " + e);
            }
        }
        return keys;
    }

    LintCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        MomentumVersion target = input.targetVersion();
        ReadResult read = ConfigReader.read(input, io);
        LintOptions options = new LintOptions(target, input.context.id(), angie(read), expectedKeys());
        List<Diagnostic> diagnostics = new Linter(options).lint(read.tree(), read.diagnostics());
        LintReport report = new LintReport(diagnostics, List.of(read.tree()), RuleCatalog.all());
        format.write(report, io.out());
        boolean failed = report.count(Severity.ERROR) > 0 || (werror && report.count(Severity.WARNING) > 0);
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
