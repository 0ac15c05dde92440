package io.limitc.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run recorded into the class-data sharing archive at package time
 * ({@code -XX:ArchiveClassesAtExit}, see pom.xml): the archive holds the classes this run loads,
 * so it runs what CI runs most, lint and compile of both dialects with findings to print.
 * Its output is discarded; a command that cannot run (exit 2 or 3) fails the build.
 *
 * <p>Usage: {@code java -cp limitc.jar io.limitc.cli.Training PROJECT_DIR SCRATCH_DIR}
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        Path scratch = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        String momentum = project.resolve("testdata/ecelerity/example-site-broken/ecelerity.conf").toString();
        String momentumClean = project.resolve("testdata/ecelerity/example-site/ecelerity.conf").toString();
        String nginx = project.resolve("testdata/nginx/include-undefined-zone-in-include/nginx.conf").toString();
        String nginxClean = project.resolve("testdata/nginx/explain-inheritance/nginx.conf").toString();
        String[][] commands = {
                {"lint", momentum},
                {"lint", nginx},
                {"lint", "--format", "short", momentumClean},
                {"compile", momentumClean, "-o", scratch.resolve("momentum.json").toString()},
                {"compile", nginxClean, "-o", scratch.resolve("nginx.json").toString()},
        };
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (String[] command : commands) {
            int status = Main.run(command, new Io(discard, System.err, InputStream.nullInputStream(), project));
            if (status > 1) {
                System.err.println("limitc training: " + String.join(" ", command) + " exited with " + status);
                System.exit(status);
            }
        }
    }
}
