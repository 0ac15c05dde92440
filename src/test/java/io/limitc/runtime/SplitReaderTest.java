package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Momentum file read in parts (SplitReader: the scope tree's elements side by side, the
 * rest without databind) gives what the whole read by databind gives, on any number of
 * threads; a file with a problem is left to the whole read, which names it as before.
 */
class SplitReaderTest {

    static final List<Path> FIXTURES = List.of(Path.of("testdata/ecelerity/runtime-mail/expected-compiled.json"),
            Path.of("testdata/ecelerity/runtime-cluster/expected-compiled.json"),
            Path.of("testdata/runtime-split/all-fields.json"));

    @Test
    void fixturesAreReadInPartsAsWhole() throws Exception {
        for (Path f : FIXTURES) {
            byte[] bytes = Files.readAllBytes(f);
            CompiledFile parts = ConfigLoader.inParts(bytes, 1);
            assertNotNull(parts, f + " is read in parts");
            assertEquals(describe(ConfigLoader.whole(bytes)), describe(parts), f.toString());
        }
    }

    @Test
    void largeFileIsReadAlikeOnAnyNumberOfThreads() throws Exception {
        byte[] bytes = LargeFile.text(300, 40).getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 1 << 20, "large enough to be read side by side: " + bytes.length);
        String whole = describe(ConfigLoader.whole(bytes));
        for (int threads : new int[] {1, 2, 4}) {
            CompiledFile parts = ConfigLoader.inParts(bytes, threads);
            assertNotNull(parts, threads + " threads");
            assertEquals(whole, describe(parts), threads + " threads");
        }
        // and through the runtime's own entry
        Limiter l = Limiter.load(new ByteArrayInputStream(bytes));
        assertTrue(l.limitsFor(new MailPath("b250", "D250-7.example", null)).stream()
                .anyMatch(d -> d.name().equals("binding:b250/domain:d250-7.example/max_outbound_connections")));
    }

    /** A problem deep in one element of a large file, named as the whole read names it. */
    @Test
    void problemsInALargeFileAreNamedWithTheirPath() throws Exception {
        String text = LargeFile.text(300, 40);
        String limit = "{\"key\":[\"binding\",\"domain\"],\"limit\":8,\"origin\":\"m.conf:250:7\"}";
        String at = "at $.rules.momentum.global.bindings[250].domains[7]";
        assertTrue(text.contains(limit));
        refused(text.replace(limit, "{\"key\":[\"binding\",\"domain\"],\"limit\":8,\"limit\":9,\"origin\":\"m.conf:250:7\"}"),
                at + ".limits.max_outbound_connections: Duplicate field 'limit'");
        refused(text.replace(limit, "{\"key\":[\"binding\",\"domain\"],\"limit\":8,\"origin\":\"m.conf:250:7\",\"weight\":1}"),
                at + ".limits.max_outbound_connections: unknown field \"weight\"");
        refused(text.replace(limit, "{\"key\":[\"binding\",\"domain\"],\"limit\":8,\"origin\":7}"),
                at + ".limits.max_outbound_connections.origin: Cannot deserialize value of type `java.lang.String` from Integer"
                        + " value (token `JsonToken.VALUE_NUMBER_INT`)");
        refused(text.replace(limit, "{\"key\":[\"binding\",\"domain\"],\"limit\":8.5,\"origin\":\"m.conf:250:7\"}"),
                at + ".limits.max_outbound_connections.limit: Cannot deserialize value of type `java.lang.Long` from"
                        + " Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)");
        refused(text.replace("\"defaults\": {", "\"defaults\": {\"max_outbound_connections\": 1}, \"defaults\": {"),
                "at $.rules.momentum: Duplicate field 'defaults'");
        // a comma too many between two elements, which only the spans between the parts hold
        String eighth = "{\"limits\":{\"max_outbound_connections\":{\"key\":[\"binding\",\"domain\"],\"limit\":9,"
                + "\"origin\":\"m.conf:250:8\"}";
        int comma = text.lastIndexOf(',', text.indexOf(eighth));
        refused(text.substring(0, comma) + "," + text.substring(comma),
                "at $.rules.momentum.global.bindings[250].domains: Unexpected character (',' (code 44)): expected a value");
        // nested past the loader's limit inside one element: its parser counts from the top of the file
        String deep = "{\"name\":\"z\"}";
        for (int i = 0; i < 30; i++) deep = "{\"name\":\"z\",\"bindings\":[" + deep + "]}";
        refused(text.replace("\"name\": \"b250\",", "\"name\": \"b250\", \"bindings\": [" + deep + "],"),
                "at $.rules.momentum.global.bindings[250]" + ".bindings[0]".repeat(29) + ": Document nesting depth (65)"
                        + " exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`)");
        // read in parts, found when the tree is built (first the subtrees side by side, then the file-wide indexes)
        built(text.replace("\"name\":\"d250-8.example\"", "\"name\":\"d250-7.example\""),
                "at $.rules.momentum.global.bindings[250].domains[8]: repeats scope binding:b250/domain:d250-7.example");
        built(text.replace("\"name\": \"b251\",", "\"name\": \"b250\","),
                "at $.rules.momentum.global.bindings[251]: repeats scope binding:b250");
        built(text.replace("\"name\": \"gb3-1\",", "\"name\": \"b5\","),
                "at $.rules.momentum.global.groups[3].bindings[1]: repeats scope binding_group:g3/binding:b5");
        built(text.replace("\"pattern\":\"^mx250-0\\\\.example$\"", "\"pattern\":\"^(mx250-0\\\\.example$\""),
                "at $.rules.momentum.global.bindings[250].domains[0].pattern: not a valid regular expression: Unclosed group");
        built(text.replace("\"limit\":8,\"origin\":\"m.conf:250:7\"", "\"limit\":-8,\"origin\":\"m.conf:250:7\""),
                at + ".limits.max_outbound_connections.limit: must be -1 (unlimited) or a count (limit"
                        + " binding:b250/domain:d250-7.example/max_outbound_connections written at m.conf:250:7)");
    }

    /** Up to the loader's nesting limit and past it, in the tree's own fields and in an element: the parts agree with the whole. */
    @Test
    void nestingIsLimitedAsInTheWholeFile() throws Exception {
        String text = new String(Files.readAllBytes(FIXTURES.get(0)), StandardCharsets.UTF_8);
        for (String place : List.of("\"name\": \"c\",", "\"limits\": {")) {
            int accepted = 0;
            for (int depth = 20; depth < 35; depth++) {
                String deep = "{\"name\":\"z\"}";
                for (int i = 0; i < depth; i++) deep = "{\"name\":\"z\",\"hosts\":[" + deep + "]}";
                String nested = place.startsWith("\"name") ? place + " \"hosts\": [" + deep + "],"
                        : "\"hosts\": [" + deep + "], " + place;
                byte[] bytes = text.replaceFirst(java.util.regex.Pattern.quote(place), java.util.regex.Matcher.quoteReplacement(nested))
                        .getBytes(StandardCharsets.UTF_8);
                boolean whole;
                try {
                    ConfigLoader.whole(bytes);
                    whole = true;
                } catch (ConfigException e) {
                    whole = false;
                }
                assertEquals(whole, ConfigLoader.inParts(bytes, 1) != null, place + " nested " + depth);
                if (whole) accepted++;
            }
            assertTrue(accepted > 0 && accepted < 15, "the limit lies within the depths tried: " + accepted);
        }
    }

    /** Left to the whole read by the quick way, which names the problem so. */
    private static void refused(String text, String message) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertNull(ConfigLoader.inParts(bytes, 4), message);
        ConfigException e = assertThrows(ConfigException.class, () -> Limiter.load(new ByteArrayInputStream(bytes)));
        assertEquals(message, e.getMessage());
    }

    /** Read in parts, and the problem named as the tree is built. */
    private static void built(String text, String message) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertNotNull(ConfigLoader.inParts(bytes, 4), message);
        ConfigException e = assertThrows(ConfigException.class, () -> Limiter.load(new ByteArrayInputStream(bytes)));
        assertEquals(message, e.getMessage());
    }

    /**
     * Everything a read gives, spelled out: the records but the tree, and what the tree
     * builds into (every limit, and what applies to sample paths), or the problem building it.
     */
    static String describe(CompiledFile f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.format()).append('|').append(f.dialect()).append('|').append(f.concurrency_limits()).append('|')
                .append(f.rate_limits()).append('|').append(f.settings()).append('|').append(f.shadowed()).append('|')
                .append(f.sources()).append('|').append(f.pools()).append('\n');
        if (f.rules() == null || f.rules().momentum() == null) return sb.append(f.rules()).toString();
        CompiledFile.Momentum m = f.rules().momentum();
        sb.append(m.chains()).append('|').append(m.defaults()).append('\n');
        try {
            MomentumRules rules = new MomentumRules(m);
            for (LimitDefinition d : rules.limits()) {
                sb.append(d).append(d.key()).append(d.cluster()).append(d.option()).append('\n');
            }
            sb.append(rules.defaults()).append('\n');
            Set<String> options = new LinkedHashSet<>(List.of("max_outbound_connections", "outbound_throttle_messages",
                    "outbound_throttle_connections", "scope_max_outbound_connections", "server_max_outbound_connections",
                    "cluster_max_outbound_connections", "cluster_outbound_throttle_messages"));
            for (String binding : List.of("a", "c", "d", "b0", "b250", "gb3-1", "default", "nope")) {
                for (String domain : List.of("gmail.com", "X.example", "slow.example", "m7.example", "d250-7.example",
                        "mx250-0.example", "a.corp", "zzz")) {
                    sb.append(rules.resolve(new MailPath(binding, domain, "mx1.x.example"), options)).append('\n');
                }
            }
        } catch (ConfigException e) {
            sb.append("problem: ").append(e.getMessage());
        } catch (RuntimeException e) {
            sb.append("failed: ").append(e.getClass().getName());
        }
        return sb.toString();
    }
}
