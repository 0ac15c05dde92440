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

    /** The reading order as plainly as it can be said: a statement, its block, then the files it includes, at its depth. */
    private static void read(ConfigTree tree, List<Directive> statements, int depth, List<Directive> out, List<Integer> depths) {
        for (Directive d : statements) {
            out.add(d);
            depths.add(depth);
            if (d.hasBlock()) read(tree, d.block(), depth + 1, out, depths);
            for (int included : d.includes()) read(tree, tree.files().get(included).directives(), depth, out, depths);
        }
    }

    @Test
    void aLargeLayoutReadsAsTheWalkDoes() throws IOException {
        // large enough to be laid out side by side: a snippet included by every server, and a glob
        Files.createDirectories(dir.resolve("sites"));
        Files.writeString(dir.resolve("snippet.conf"), "limit_conn perip 10;\nadd_header X-A b;\n");
        for (int f = 0; f < 40; f++) {
            StringBuilder sites = new StringBuilder();
            for (int s = 0; s < 100; s++) {
                sites.append("server {\n  server_name s").append(f).append('-').append(s)
                        .append(".example;\n  include snippet.conf;\n  location / {\n    limit_conn perip 5;\n    return 200;\n  }\n}\n");
            }
            Files.writeString(dir.resolve("sites/" + f + ".conf"), sites);
        }
        Path main = Files.writeString(dir.resolve("nginx.conf"),
                "events { }\nhttp {\n  limit_conn_zone $binary_remote_addr zone=perip:10m;\n  include sites/*.conf;\n}\n");
        ConfigTree tree = nginx(dir, main);
        assertTrue(tree.files().stream().mapToLong(f -> f.text().length()).sum() > 256 * 1024, "large enough");
        List<Directive> expected = new ArrayList<>();
        List<Integer> expectedDepths = new ArrayList<>();
        read(tree, tree.files().get(tree.roots().get(0)).directives(), 0, expected, expectedDepths);
        List<Directive> walked = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        tree.walk((d, enclosing) -> {
            walked.add(d);
            depths.add(enclosing.size());
        });
        assertEquals(expectedDepths, depths);
        for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), walked.get(i), "statement " + i);
        assertEquals(40 * 100 * 2, tree.named("limit_conn").size(), "the location's and the snippet's, once per include");
        List<Directive> perName = new ArrayList<>();
        for (Directive d : walked) if (d.name().equals("limit_conn")) perName.add(d);
        List<Directive> named = tree.named("limit_conn");
        for (int i = 0; i < perName.size(); i++) assertSame(perName.get(i), named.get(i), "limit_conn " + i);
    }

    /** The place of each statement's block in the plain recursion of {@link #read}: -1 at the top. */
    private static void blockPlaces(ConfigTree tree, List<Directive> statements, int block, List<Integer> out) {
        for (Directive d : statements) {
            int place = out.size();
            out.add(block);
            if (d.hasBlock()) blockPlaces(tree, d.block(), place, out);
            for (int included : d.includes()) blockPlaces(tree, tree.files().get(included).directives(), block, out);
        }
    }

    @Test
    void placesAreIndexesInTheReadingOrderAndEachBlockIsAPlacePerReading() throws Exception {
        // a snippet with a block, included by every server: its location is read once per server
        Files.writeString(dir.resolve("snippet.conf"), "limit_conn perip 10;\nlocation /s/ { return 204; }\n");
        StringBuilder sites = new StringBuilder("events { }\nhttp {\n");
        for (int s = 0; s < 2_000; s++) {
            sites.append("  server {\n    server_name s").append(s).append(".example;\n    include snippet.conf;\n")
                    .append("    location / { limit_conn perip 5; }\n  }\n");
        }
        Path main = Files.writeString(dir.resolve("nginx.conf"), sites.append("}\n"));
        ConfigTree tree = nginx(dir, main);
        List<Directive> expected = new ArrayList<>();
        List<Integer> expectedDepths = new ArrayList<>();
        read(tree, tree.files().get(tree.roots().get(0)).directives(), 0, expected, expectedDepths);
        List<Integer> expectedBlocks = new ArrayList<>();
        blockPlaces(tree, tree.files().get(tree.roots().get(0)).directives(), -1, expectedBlocks);
        List<Directive> walked = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        tree.walkPlaced((d, enclosing, place, block) -> {
            walked.add(d);
            depths.add(enclosing.size());
            places.add(place);
            blocks.add(block);
            if (block >= 0) assertSame(enclosing.get(enclosing.size() - 1), walked.get(block), "the block at the place given");
        });
        assertEquals(expectedDepths, depths);
        assertEquals(expectedBlocks, blocks, "each statement's block, by its place");
        for (int i = 0; i < places.size(); i++) assertEquals(i, places.get(i));
        for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), walked.get(i), "statement " + i);
        assertEquals(expected.size(), tree.places());
        for (int i = 0; i < expectedBlocks.size(); i++) assertEquals(expectedBlocks.get(i), tree.blockPlace(i));
        // the snippet's one location statement is read 2 000 times, each time a block of its own
        java.util.Set<Integer> locationPlaces = new java.util.HashSet<>();
        for (int i = 0; i < walked.size(); i++) if (walked.get(i).name().equals("return")) locationPlaces.add(blocks.get(i));
        assertEquals(2_000, locationPlaces.size(), "one place per reading of the snippet's location");
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
                List<Directive> walked = new ArrayList<>();
                List<Integer> walkedDepths = new ArrayList<>();
                tree.walk((d, enclosing) -> {
                    byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
                    if (enclosing.isEmpty()) top.add(d);
                    walked.add(d);
                    walkedDepths.add(enclosing.size());
                });
                List<Directive> expected = new ArrayList<>();
                List<Integer> expectedDepths = new ArrayList<>();
                for (int root : tree.roots()) read(tree, tree.files().get(root).directives(), 0, expected, expectedDepths);
                assertEquals(expectedDepths, walkedDepths, c + ": the depths of the reading order");
                for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), walked.get(i), c + ": statement " + i);
                assertEquals(byName.keySet(), tree.names(), c.toString());
                byName.forEach((name, inOrder) -> {
                    List<Directive> found = tree.named(name);
                    assertEquals(inOrder.size(), found.size(), c + ": " + name);
                    for (int i = 0; i < found.size(); i++) assertSame(inOrder.get(i), found.get(i), c + ": " + name);
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
