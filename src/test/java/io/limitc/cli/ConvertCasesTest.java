package io.limitc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.limitc.compile.ceilings.ThrottleSpec;
import io.limitc.emit.kumomta.KumoChecker;
import io.limitc.emit.kumomta.KumoStandIn;
import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code limitc convert --to kumomta} over every case in testdata/kumomta: each case is a
 * Momentum configuration ({@code ecelerity.conf}, with its includes) and the files the
 * converter must write ({@code expected/}). Beyond the golden files, the converted policy
 * runs in a Lua interpreter, and every (binding, domain) path must get the limits
 * {@code limitc explain} computes from the Momentum input.
 * Regenerate the golden files with {@code LIMITC_UPDATE_GOLDEN=1}.
 */
class ConvertCasesTest {

    private static final Path CASES = Path.of("testdata/kumomta");
    private static final String UNDECLARED = "limitc-undeclared.invalid";
    private static final long UNLIMITED_AS = 100000;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("ecelerity.conf"))).sorted().toList().stream();
        }
    }

    private static Path convert(Path dir, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("convert", "--to", "kumomta", "ecelerity.conf", "-o", out.toString()));
        args.addAll(List.of(extra));
        CliRunner.Run run = CliRunner.run(dir, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesTheExpectedFiles(Path dir, @TempDir Path out) throws IOException {
        convert(dir, out);
        Path expected = dir.resolve("expected");
        Set<String> written = names(out);
        if (System.getenv("LIMITC_UPDATE_GOLDEN") != null) {
            Files.createDirectories(expected);
            for (String f : written) Files.copy(out.resolve(f), expected.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(names(expected), written, "files written");
        for (String f : written) {
            assertEquals(Files.readString(expected.resolve(f)), Files.readString(out.resolve(f)), dir + ": " + f);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyTomlFileParsesAndPassesKumoRules(Path dir, @TempDir Path out) throws IOException {
        convert(dir, out);
        TomlMapper toml = new TomlMapper();
        List<KumoChecker.Problem> problems = new ArrayList<>(KumoChecker.checkShaping(toml.readTree(out.resolve("shaping.toml").toFile())));
        problems.addAll(KumoChecker.checkSources(toml.readTree(out.resolve("sources.toml").toFile())));
        assertEquals(List.of(), problems.stream().filter(KumoChecker.Problem::error).toList());
    }

    /** The heart of the proof: every path's KumoMTA limits equal what explain computes from Momentum. */
    @ParameterizedTest
    @MethodSource("cases")
    void everyPathGetsTheLimitsExplainComputes(Path dir, @TempDir Path out) throws IOException {
        convert(dir, out);
        KumoStandIn kumo = new KumoStandIn(out);
        JsonNode compiled = compiled(dir);
        List<String> bindings = new ArrayList<>();
        compiled.path("sources").forEach(s -> bindings.add(s.path("name").asText()));
        Set<String> domains = new TreeSet<>(List.of(UNDECLARED));
        for (JsonNode list : compiled.path("rules").path("momentum").findValues("domains")) {
            list.forEach(s -> {
                String name = s.path("name").asText().toLowerCase(Locale.ROOT);
                // "default" and "provider" are sections of a shaping file, reported as not converted
                if (!s.has("pattern") && !name.equals("default") && !name.equals("provider")) domains.add(name);
            });
        }
        List<String> sources = new ArrayList<>(bindings);
        if (!bindings.contains("default")) sources.add("default");
        int paths = 0;
        for (String binding : sources) {
            String source = binding.equals("default") && !bindings.contains("default") ? "unspecified" : binding;
            for (String domain : domains) {
                CliRunner.Run explain = CliRunner.run(dir, "explain", "--format", "json", "--binding", binding, "--domain", domain,
                        "ecelerity.conf");
                assertEquals(0, explain.exitCode(), explain.err());
                Map<String, Object> expected = expectedKumo(JSON.readTree(explain.out()), source, domain);
                Map<String, Object> params = kumo.egressPath(domain, source);
                // what make_egress_path is finally given must itself pass KumoMTA's rules (types, grammars, names)
                assertEquals(List.of(), KumoChecker.checkEgressPath("make_egress_path", JSON.valueToTree(params)).stream()
                        .filter(KumoChecker.Problem::error).toList(), dir + ": binding " + binding + ", domain " + domain);
                Map<String, Object> actual = limitsOnly(params);
                assertEquals(expected, actual, dir + ": binding " + binding + ", domain " + domain);
                paths++;
            }
        }
        assertTrue(paths >= 2, "paths checked");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyBindingBecomesASourceReachableThroughAPool(Path dir, @TempDir Path out) throws IOException {
        convert(dir, out);
        KumoStandIn kumo = new KumoStandIn(out);
        JsonNode compiled = compiled(dir);
        Set<String> pooled = new HashSet<>();
        for (JsonNode p : compiled.path("pools")) {
            List<String> members = new ArrayList<>();
            p.path("entries").forEach(e -> members.add(e.path("source").asText()));
            if (members.isEmpty()) continue;
            assertEquals(members, entryNames(kumo.egressPool(p.path("name").asText())), "pool " + p.path("name").asText());
            pooled.addAll(members);
        }
        for (JsonNode s : compiled.path("sources")) {
            String name = s.path("name").asText();
            Map<String, Object> source = kumo.egressSource(name);
            assertEquals(name, source.get("name"));
            String address = s.path("address").asText(null);
            assertEquals(address != null && address.matches("[0-9A-Fa-f:.]+") ? address : null, source.get("source_address"),
                    "source_address of " + name);
            assertEquals(s.path("ehlo").asText(null), source.get("ehlo_domain"), "ehlo_domain of " + name);
            if (!pooled.contains(name)) assertEquals(List.of(name), entryNames(kumo.egressPool(name)), "one-source pool " + name);
        }
    }

    /** Nothing is dropped unseen: one report row per option written in the input, at its line. */
    @ParameterizedTest
    @MethodSource("cases")
    void everyOptionInTheInputHasAReportRow(Path dir, @TempDir Path out) throws IOException {
        convert(dir, out, "--format", "json");
        JsonNode report = JSON.readTree(out.resolve("conversion-report.json").toFile());
        Set<String> rows = new TreeSet<>();
        report.path("rows").forEach(r -> {
            rows.add(r.path("origin").path("file").asText() + ":" + r.path("origin").path("line").asText() + ":"
                    + r.path("origin").path("column").asText());
            assertFalse(r.path("status").asText().isEmpty());
            if (!r.path("status").asText().equals("converted")) assertFalse(r.path("why").asText().isEmpty(), r.toString());
        });
        Set<String> declared = declaredOptions(dir);
        assertEquals(declared.size(), report.path("rows").size(), "rows");
        assertEquals(declared, rows);
    }

    private static Set<String> declaredOptions(Path dir) throws IOException {
        SourceLoader loader = new SourceLoader(dir.toAbsolutePath());
        ConfigTree tree = new EcelerityLoader(loader, List.of())
                .load(List.of(SourceLoader.Input.file(loader, dir.toAbsolutePath().resolve("ecelerity.conf")))).tree();
        Set<String> at = new TreeSet<>();
        tree.walk((Directive d, List<Directive> enclosing) -> {
            boolean option = LimitOptions.get(d.key()) != null || d.key().equals("bind_address") || d.key().equals("ehlo_hostname");
            if (option && !d.hasBlock() && !d.args().isEmpty() && d.includes().isEmpty()) {
                at.add(dir.toAbsolutePath().relativize(dir.toAbsolutePath().resolve(d.nameAt().file())).toString()
                        + ":" + d.nameAt().line() + ":" + d.nameAt().column());
            }
        });
        return at;
    }

    private static JsonNode compiled(Path dir) throws IOException {
        CliRunner.Run run = CliRunner.run(dir, "compile", "ecelerity.conf");
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    @SuppressWarnings("unchecked")
    private static List<String> entryNames(Map<String, Object> pool) {
        List<String> names = new ArrayList<>();
        new TreeMap<>((Map<String, Object>) pool.get("entries")).values()
                .forEach(e -> names.add((String) ((Map<String, Object>) e).get("name")));
        return names;
    }

    private static final Set<String> LIMIT_FIELDS = Set.of("connection_limit", "additional_connection_limits",
            "max_message_rate", "additional_message_rate_throttles", "max_connection_rate");

    private static Map<String, Object> limitsOnly(Map<String, Object> params) {
        Map<String, Object> limits = new TreeMap<>();
        params.forEach((k, v) -> {
            if (LIMIT_FIELDS.contains(k)) limits.put(k, v);
        });
        return limits;
    }

    /**
     * What KumoMTA must be given for a path, read off explain's answer with the mapping the
     * README documents: per-node counts carry local:, cluster ones do not; the path's own
     * connection limit is connection_limit; a binding::domain message throttle is the path's
     * max_message_rate and every other throttle a named one; connection throttles collapse
     * into the tightest max_connection_rate.
     */
    private static Map<String, Object> expectedKumo(JsonNode explain, String source, String domain) {
        Map<String, Object> connectionNamed = new TreeMap<>();
        Map<String, Object> messageNamed = new TreeMap<>();
        Map<String, Object> kumo = new TreeMap<>();
        for (JsonNode l : explain.path("connection_limits")) {
            String name = l.path("name").asText();
            String option = name.substring(name.lastIndexOf('/') + 1);
            long limit = l.path("limit").asLong();
            boolean cluster = l.path("cluster").asBoolean();
            if (option.equals("max_outbound_connections")) {
                kumo.put("connection_limit", "local:" + (limit < 0 ? UNLIMITED_AS : limit));
            } else if (option.equals("cluster_max_outbound_connections")) {
                if (limit > 0) connectionNamed.put(name + "@" + source + "->" + domain, limit);
            } else if (limit > 0) {
                connectionNamed.put(name, cluster ? (Object) limit : "local:" + limit);
            }
        }
        ThrottleSpec connectionRate = null;
        for (JsonNode l : explain.path("rate_limits")) {
            if (l.path("limit").asLong() < 0) continue;
            String name = l.path("name").asText();
            String option = name.substring(name.lastIndexOf('/') + 1);
            String spec = (l.path("cluster").asBoolean() ? "" : "local:") + l.path("rate").asText();
            if (option.endsWith("throttle_messages")) {
                boolean ownedByPath = option.equals("outbound_throttle_messages")
                        && l.path("scope").asText().matches(".*binding:[^/]*/domain:[^/]+");
                if (ownedByPath) kumo.put("max_message_rate", spec);
                else messageNamed.put(name, spec);
            } else if (option.endsWith("throttle_connections")) {
                ThrottleSpec s = ThrottleSpec.parse(spec);
                if (connectionRate == null || s.perSecond() < connectionRate.perSecond()) connectionRate = s;
            }
        }
        if (connectionRate != null) kumo.put("max_connection_rate", connectionRate.toString());
        kumo.put("additional_connection_limits", connectionNamed);
        kumo.put("additional_message_rate_throttles", messageNamed);
        return kumo;
    }

    private static Set<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Set.of();
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
