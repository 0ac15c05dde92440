package io.limitc.cli;

import io.limitc.runtime.ConfigException;
import io.limitc.runtime.Limiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check-compiled", mixinStandardHelpOptions = true,
        description = "Load a compiled file exactly as a service would: exit 0, or 1 with the error (a CI step before deploy).")
final class CheckCompiledCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(paramLabel = "OUT.json", description = "the file limitc compile wrote")
    Path file;

    CheckCompiledCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Path target = io.workingDirectory().resolve(file);
        try {
            Limiter limiter = Limiter.load(target);
            io.out().println(file + ": ok, " + limiter.stats().size() + " counters");
            return ExitCodes.OK;
        } catch (ConfigException e) {
            io.err().println("limitc: " + file + ": " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
