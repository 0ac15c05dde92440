package io.limitc.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run recorded into the class-data sharing archive at package time
 * ({@code -XX:ArchiveClassesAtExit}, see pom.xml): the archive holds the classes this run loads,
 * so it runs what CI runs most, lint and compile of both dialects with findings to print, and
 * the same on generated configurations large enough to take the paths only large ones take
 * (files parsed side by side, a lexer thread, checks in parallel, lists written on every core):
 * a class or lambda first met at run time is loaded, verified, spun and compiled there.
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
        String largeNginx = largeNginx(scratch.resolve("nginx-large")).toString();
        String largeMomentum = largeMomentum(scratch.resolve("momentum-large.conf")).toString();
        String[][] commands = {
                {"lint", momentum},
                {"lint", "--format", "short", largeNginx},
                {"compile", largeNginx, "-o", scratch.resolve("nginx-large.json").toString()},
                {"lint", "--format", "short", largeMomentum},
                {"compile", largeMomentum, "-o", scratch.resolve("momentum-large.json").toString()},
                {"lint", nginx},
                {"lint", "--format", "short", momentumClean},
                {"compile", momentumClean, "-o", scratch.resolve("momentum.json").toString()},
                {"compile", nginxClean, "-o", scratch.resolve("nginx.json").toString()},
        };
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        // the large runs first: what they load is what a large CI lint loads
        for (String[] command : commands) {
            int status = Main.run(command, new Io(discard, discard, InputStream.nullInputStream(), project));
            if (status > 1) {
                System.err.println("limitc training: " + String.join(" ", command) + " exited with " + status);
                System.exit(status);
            }
        }
    }

    /** Servers in sites/*.conf (a glob, read side by side) and in one file of over 1 MB (lexed on a thread of its own). */
    private static Path largeNginx(Path dir) throws java.io.IOException {
        Files.createDirectories(dir.resolve("sites"));
        StringBuilder big = new StringBuilder();
        for (int s = 0; big.length() < 1_200_000; s++) big.append(server("big", s));
        Files.writeString(dir.resolve("big.conf"), big);
        for (int f = 0; f < 32; f++) {
            StringBuilder site = new StringBuilder();
            for (int s = 0; s < 20; s++) site.append(server("site" + f, s));
            Files.writeString(dir.resolve("sites/" + f + ".conf"), site);
        }
        return Files.writeString(dir.resolve("nginx.conf"), """
                events { worker_connections 1024; }
                http {
                    limit_conn_zone $binary_remote_addr zone=per_ip:10m;
                    limit_conn_zone $server_name zone=per_server:10m;
                    map $http_user_agent $bot { default 0; ~*crawler 1; }
                    include sites/*.conf;
                    include big.conf;
                }
                """);
    }

    private static String server(String name, int n) {
        return "server {\n    listen 127.0.0.1:" + (20000 + n % 1000) + ";\n    server_name " + name + "-" + n + ".example;\n"
                + "    limit_conn per_ip 20;\n    limit_conn_status 429;\n"
                + "    location / { limit_conn per_ip 20; limit_conn per_server 200; proxy_pass http://127.0.0.1:9000; }\n"
                + "    location /static/ { root /srv/www; }\n}\n";
    }

    /** A Momentum configuration of over 1 MB: bindings in groups, domains with limits and throttles. */
    private static Path largeMomentum(Path file) throws java.io.IOException {
        StringBuilder c = new StringBuilder("Max_Outbound_Connections = 32\nOutbound_Throttle_Messages = \"1000/60\"\n");
        c.append("cluster {\n  Replicate \"outbound_domains\" {}\n}\n");
        for (int b = 0; c.length() < 1_200_000; b++) {
            c.append("Binding_Group \"g").append(b).append("\" {\n  Max_Outbound_Connections = 10\n  Binding \"b").append(b)
                    .append("\" {\n    Bind_Address = 10.0.").append(b % 256).append('.').append(b / 256 % 256).append('\n');
            for (int d = 0; d < 100; d++) {
                c.append("    Domain \"d").append(b * 100 + d).append(".example.com\" { Max_Outbound_Connections = ")
                        .append(1 + d % 40).append(" Outbound_Throttle_Connections = ").append(1 + d % 9).append("/10 }\n");
            }
            c.append("  }\n}\n");
        }
        return Files.writeString(file, c);
    }
}
