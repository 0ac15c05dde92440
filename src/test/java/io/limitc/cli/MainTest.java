package io.limitc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command table: each command is registered alone when named, and all of them otherwise. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void everyTableNameIsTheCommandsOwnName() {
        Io io = Io.system();
        Main.COMMANDS.forEach((name, command) ->
                assertEquals(name, new CommandLine(command.apply(io)).getCommandName(), "table entry " + name));
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRunner.Run run = CliRunner.run(dir, "--help");
        assertEquals(0, run.exitCode());
        for (String name : Main.COMMANDS.keySet()) {
            assertTrue(run.out().contains("  " + name + " "), name + " missing from:\n" + run.out());
        }
    }

    @Test
    void aNamedCommandRunsWithItsOwnHelp() {
        CliRunner.Run run = CliRunner.run(dir, "rules", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: limitc rules"), run.out());
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSuggestsTheNearOne() {
        CliRunner.Run run = CliRunner.run(dir, "lnt", "x.conf");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("lint"), run.err());
    }

    @Test
    void benchNamesARedisCaFileItCannotRead() throws Exception {
        java.nio.file.Files.copy(Path.of("testdata/ecelerity/runtime-cluster/expected-compiled.json"), dir.resolve("c.json"));
        CliRunner.Run run = CliRunner.run(dir, "bench", "c.json", "--redis", "rediss://127.0.0.1:1", "--redis-ca", "ca.pem");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("limitc: cannot read the Redis CA certificate " + dir.toAbsolutePath().resolve("ca.pem") + "\n",
                run.err());
    }
}
