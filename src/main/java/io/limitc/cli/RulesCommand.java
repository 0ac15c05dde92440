package io.limitc.cli;

import io.limitc.model.RuleInfo;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule id with its severity and summary.")
final class RulesCommand implements Callable<Integer> {

    private final Io io;

    RulesCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        for (RuleInfo r : RuleCatalog.all()) {
            io.out().printf("%-22s %-8s %s%n", r.id(), r.severity().label(), r.summary());
        }
        return ExitCodes.OK;
    }
}
