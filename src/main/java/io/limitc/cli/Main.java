package io.limitc.cli;

import io.limitc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

@Command(name = "limitc", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Parse, check, compile and enforce connection-limit configuration (Momentum/Ecelerity, nginx/Angie).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no errors",
                "1:errors found (or warnings, with --werror)",
                "2:usage problem, or an input that cannot be read",
                "3:internal error in limitc (please report it)"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Every command by the name its {@code @Command} annotation gives it, in the order help lists them. */
    static final Map<String, Function<Io, Object>> COMMANDS = commands();

    private static Map<String, Function<Io, Object>> commands() {
        Map<String, Function<Io, Object>> commands = new LinkedHashMap<>();
        // one lambda site for all: each method reference would be linked at start-up (~0.6 ms each)
        for (String name : List.of("lint", "compile", "explain", "convert", "check-compiled", "bench", "parse", "rules")) {
            commands.put(name, io -> command(name, io));
        }
        return Collections.unmodifiableMap(commands);
    }

    private static Object command(String name, Io io) {
        return switch (name) {
            case "lint" -> new LintCommand(io);
            case "compile" -> new CompileCommand(io);
            case "explain" -> new ExplainCommand(io);
            case "convert" -> new ConvertCommand(io);
            case "check-compiled" -> new CheckCompiledCommand(io);
            case "bench" -> new BenchCommand(io);
            case "parse" -> new ParseCommand(io);
            default -> new RulesCommand(io);
        };
    }

    public static void main(String[] args) {
        System.exit(run(args, Io.system()));
    }

    /** Runs one command line; never throws, always returns an exit code. */
    static int run(String[] args, Io io) {
        // picocli reads every registered command's annotations up front (its classes predate
        // class-data sharing, so each costs start-up): when the first argument names a command,
        // only that one is registered. Anything else (help, a typo) gets them all.
        Function<Io, Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        Object command = named == null ? null : named.apply(io);
        if (command != null) readAnnotationsAside(command.getClass());
        CommandLine cli = new CommandLine(new Main());
        if (command != null) {
            cli.addSubcommand(args[0], command);
        } else {
            COMMANDS.forEach((name, make) -> cli.addSubcommand(name, make.apply(io)));
        }
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setExitCodeExceptionMapper(new Handlers(io));
        cli.setParameterExceptionHandler(new Handlers(io));
        cli.setExecutionExceptionHandler(new Handlers(io));
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

    /**
     * Reads the command's field annotations (and its mixins') on a second thread while picocli
     * starts on this one. The JDK makes a proxy class for each annotation type the first time
     * one is read, and that is most of picocli's start-up (small lint 270 -> 230 ms): done
     * aside, picocli finds the annotations parsed and the proxy classes made.
     */
    private static void readAnnotationsAside(Class<?> command) {
        Thread t = new Thread(() -> {
            for (java.lang.reflect.Field f : command.getDeclaredFields()) {
                f.getAnnotations();
                if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                    for (java.lang.reflect.Field m : f.getType().getDeclaredFields()) m.getAnnotations();
                }
            }
        }, "limitc-annotations");
        t.setDaemon(true);
        t.start();
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

    /**
     * What picocli calls on bad arguments and on exceptions. A class, not lambdas: picocli's
     * interfaces are Java 5 class files, and a lambda implementing one keeps it, and the lambda,
     * out of the class-data archive (each is then loaded, verified and spun at every start).
     */
    private static final class Handlers implements CommandLine.IExitCodeExceptionMapper,
            CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final Io io;

        Handlers(Io io) {
            this.io = io;
        }

        @Override
        public int getExitCode(Throwable exception) {
            return ExitCodes.USAGE;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            io.err().println("limitc: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, io.err());
            io.err().println("Try 'limitc " + (e.getCommandLine().getCommandName().equals("limitc") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return ExitCodes.USAGE;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            if (e instanceof UsageException) {
                io.err().println("limitc: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            io.err().println("limitc: internal error: " + e + " (please report this with the input that caused it)");
            return ExitCodes.INTERNAL;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"limitc " + Version.VERSION};
        }
    }
}
