package io.limitc.model;

import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import io.limitc.syntax.nginx.NginxLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookups by name and the top level give exactly what a walk in reading order finds. */
class ConfigTreeTest {

    @TempDir
    Path dir;

    private static ConfigTree nginx(Path root, Path main) throws IOException {
        SourceLoader sources = new SourceLoader(root);
        return new NginxLoader(sources, List.of()).load(List.of(SourceLoader.Input.file(sources, main))).tree();
    }

    private static ConfigTree ecelerity(Path root, Path main) throws IOException {
        SourceLoader sources = new SourceLoader(root);
        return new EcelerityLoader(sources, List.of()).load(List.of(SourceLoader.Input.file(sources, main))).tree();
    }

    @Test
    void includedStatementsAreFoundWhereTheyAreRead() throws IOException {
        Files.writeString(dir.resolve("zones.conf"), "limit_conn_zone $server_name zone=b:10m;\n");
        Files.writeString(dir.resolve("top.conf"), "events { }\n");
        Path main = Files.writeString(dir.resolve("nginx.conf"), """
                include top.conf;
                http {
                    limit_conn_zone $binary_remote_addr zone=a:10m;
                    include zones.conf;
                    server { events_like on; limit_conn_zone $host zone=c:1m; }
                }
                """);
        ConfigTree tree = nginx(dir, main);
        List<String> zones = tree.named("limit_conn_zone").stream().map(d -> d.args().get(1).toString()).toList();
        assertEquals(3, zones.size());
        assertTrue(zones.get(0).contains("zone=a") && zones.get(1).contains("zone=b") && zones.get(2).contains("zone=c"),
                "reading order, the included file in its place: " + zones);
        assertEquals(List.of("include", "events", "http"), tree.topLevel().stream().map(Directive::name).toList(),
                "an included file's statements are at the top level where it is included there");
        assertEquals(List.of(), tree.named("no_such_directive"));
        assertTrue(tree.names().containsAll(List.of("include", "events", "http", "limit_conn_zone", "server", "events_like")));
    }

    /** Every nginx and Momentum fixture: each name's statements and the top level, against a walk. */
    @Test
    void lookupsAgreeWithAWalkOnEveryFixture() throws IOException {
        int trees = 0;
        for (String dialect : List.of("nginx", "ecelerity")) {
            List<Path> cases;
            try (Stream<Path> s = Files.list(Path.of("testdata", dialect))) {
                cases = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path c : cases) {
                Path main = c.resolve(dialect.equals("nginx") ? "nginx.conf" : "ecelerity.conf");
                if (!Files.exists(main)) main = c.resolve("main.conf");
                if (!Files.exists(main)) continue;
                ConfigTree tree = dialect.equals("nginx") ? nginx(c, main) : ecelerity(c, main);
                Map<String, List<Directive>> byName = new LinkedHashMap<>();
                List<Directive> top = new ArrayList<>();
                tree.walk((d, enclosing) -> {
                    byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
                    if (enclosing.isEmpty()) top.add(d);
                });
                assertEquals(byName.keySet(), tree.names(), c.toString());
                byName.forEach((name, expected) -> {
                    List<Directive> found = tree.named(name);
                    assertEquals(expected.size(), found.size(), c + ": " + name);
                    for (int i = 0; i < found.size(); i++) assertSame(expected.get(i), found.get(i), c + ": " + name);
                });
                List<Directive> topLevel = tree.topLevel();
                assertEquals(top.size(), topLevel.size(), c.toString());
                for (int i = 0; i < top.size(); i++) assertSame(top.get(i), topLevel.get(i), c.toString());
                trees++;
            }
        }
        assertTrue(trees > 100, "the fixtures were found: " + trees);
    }
}
