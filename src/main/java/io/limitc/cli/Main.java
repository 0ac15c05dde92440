package io.limitc.cli;

import io.limitc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "limitc", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Parse, check, compile and enforce connection-limit configuration (Momentum/Ecelerity, nginx/Angie).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no errors",
                "1:errors found (or warnings, with --werror)",
                "2:usage problem, or an input that cannot be read",
                "3:internal error in limitc (please report it)"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args, Io.system()));
    }

    /** Runs one command line; never throws, always returns an exit code. */
    static int run(String[] args, Io io) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new LintCommand(io));
        cli.addSubcommand(new CompileCommand(io));
        cli.addSubcommand(new ExplainCommand(io));
        cli.addSubcommand(new ConvertCommand(io));
        cli.addSubcommand(new CheckCompiledCommand(io));
        cli.addSubcommand(new BenchCommand(io));
        cli.addSubcommand(new ParseCommand(io));
        cli.addSubcommand(new RulesCommand(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            io.err().println("limitc: " + e.getMessage());
            io.err().println("Try 'limitc " + (e.getCommandLine().getCommandName().equals("limitc") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof UsageException) {
                io.err().println("limitc: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            io.err().println("limitc: internal error: " + e + " (please report this with the input that caused it)");
            return ExitCodes.INTERNAL;
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            io.err().println("limitc: the input is too large or too deeply nested to process (" + e.getClass().getSimpleName() + ")");
            return ExitCodes.USAGE;
        } catch (Error e) {
            io.err().println("limitc: internal error: " + e + " (please report this with the input that caused it)");
            return ExitCodes.INTERNAL;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code limitc} alone: say what is missing and show the usage. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("limitc: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"limitc " + Version.VERSION};
        }
    }
}
