package io.limitc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.limitc.compile.CompiledLimit;
import io.limitc.compile.Origins;
import io.limitc.compile.momentum.MomentumCompiler;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import io.limitc.syntax.nginx.NginxLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code limitc compile} over every testdata case that lints without errors: the output
 * validates against the JSON Schema shipped in the jar, compiling twice gives the same
 * bytes, and every limit option or limit directive of the input is in the output or named
 * by a diagnostic (nothing is dropped silently). Cases with {@code expected-compiled.json}
 * are also compared with it. Cases with lint errors must be refused with exit 1.
 */
class CompileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NGINX_LIMITS = Set.of("limit_conn_zone", "limit_conn", "limit_conn_dry_run",
            "limit_conn_status", "limit_conn_log_level");
    private static final Set<String> LINT_ONLY = Set.of("--expect-keys");

    private static JsonSchema schema() throws IOException {
        try (InputStream in = CompileTest.class.getResourceAsStream("/io/limitc/compile/compiled.schema.json")) {
            assertTrue(in != null, "the schema ships in the jar");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> compileEveryCase() throws IOException {
        JsonSchema schema = schema();
        List<DynamicTest> tests = new ArrayList<>();
        for (String dialect : List.of("ecelerity", "nginx")) {
            try (Stream<Path> dirs = Files.list(Path.of("testdata", dialect))) {
                for (Path dir : dirs.filter(d -> Files.exists(d.resolve("expected.txt"))).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(dialect + "/" + dir.getFileName(), () -> check(dir, dialect, schema)));
                }
            }
        }
        return tests.stream();
    }

    private static List<String> args(Path dir, String dialect) throws IOException {
        List<String> args = new ArrayList<>();
        Path file = dir.resolve("args");
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (int i = 0; i < lines.size(); i++) {
                if (LINT_ONLY.contains(lines.get(i))) {
                    i++;
                } else if (!lines.get(i).equals("--werror")) {
                    args.add(lines.get(i));
                }
            }
        }
        if (args.stream().noneMatch(a -> a.endsWith(".conf"))) args.add(dialect.equals("nginx") ? "nginx.conf" : "main.conf");
        return args;
    }

    private static void check(Path dir, String dialect, JsonSchema schema) throws Exception {
        boolean lintErrors = Files.readString(dir.resolve("expected.txt")).contains(": error[");
        List<String> args = args(dir, dialect);
        List<String> command = new ArrayList<>(List.of("compile"));
        command.addAll(args);
        CliRunner.Run first = CliRunner.run(dir, command.toArray(String[]::new));
        if (lintErrors) {
            assertEquals(1, first.exitCode(), "a configuration with lint errors is refused");
            assertEquals("", first.out(), "nothing is written when refused");
            return;
        }
        assertEquals(0, first.exitCode(), first.err());
        JsonNode compiled = JSON.readTree(first.out());
        Set<ValidationMessage> problems = schema.validate(compiled);
        assertTrue(problems.isEmpty(), "schema: " + problems);
        assertEquals(first.out(), CliRunner.run(dir, command.toArray(String[]::new)).out(), "deterministic output");
        Path golden = dir.resolve("expected-compiled.json");
        if (Files.exists(golden)) {
            if (System.getenv("LIMITC_UPDATE_GOLDEN") != null) Files.writeString(golden, first.out(), StandardCharsets.UTF_8);
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), first.out());
        }
        nothingDropped(dir, dialect, args, compiled);
        // a service starts from this file: the runtime must load it
        io.limitc.runtime.Limiter limiter =
                io.limitc.runtime.Limiter.load(new java.io.ByteArrayInputStream(first.out().getBytes(StandardCharsets.UTF_8)));
        if (dialect.equals("ecelerity")) sameNames(dir, args, limiter);
    }

    /** The runtime names a scope's limits from where the scope sits: the same names the compiler gives them. */
    private static void sameNames(Path dir, List<String> args, io.limitc.runtime.Limiter limiter) throws IOException {
        SourceLoader sources = new SourceLoader(dir);
        List<SourceLoader.Input> inputs = new ArrayList<>();
        for (String a : args) if (a.endsWith(".conf")) inputs.add(SourceLoader.Input.file(sources, dir.resolve(a)));
        MomentumIndex index = MomentumIndex.of(new EcelerityLoader(sources, List.of()).load(inputs).tree());
        Set<String> compiled = new java.util.TreeSet<>(Set.of("default/max_outbound_connections"));
        Origins origins = new Origins(dir, null);
        for (MomentumIndex.Scope scope : index.scopes) {
            for (MomentumIndex.Setting setting : scope.settings.values()) {
                CompiledLimit l = MomentumCompiler.limit(setting, scope.label, origins);
                if (l != null && l.type().equals("concurrency")) compiled.add(l.name());
            }
        }
        for (MomentumIndex.InboundSetting in : index.inbound) {
            CompiledLimit l = MomentumCompiler.limit(in.setting(), "inbound:" + in.scopePath(), origins);
            if (l != null && l.type().equals("concurrency")) compiled.add(l.name());
        }
        Set<String> counted = new java.util.TreeSet<>();
        limiter.stats().forEach(st -> counted.add(st.name()));
        assertEquals(compiled, counted, dir + ": one counter per connection limit, named as compiled");
    }

    /** Every limit statement of the input has its origin in the output, or a diagnostic names it. */
    private static void nothingDropped(Path dir, String dialect, List<String> args, JsonNode compiled) throws IOException {
        Set<String> compiledOrigins = new HashSet<>();
        compiled.findValues("origin").forEach(o -> {
            if (o.isTextual()) compiledOrigins.add(o.asText()); // file:line:column
        });
        List<String> lint = new ArrayList<>(List.of("lint", "--format", "short"));
        lint.addAll(args);
        String diagnostics = CliRunner.run(dir, lint.toArray(String[]::new)).out();
        SourceLoader sources = new SourceLoader(dir);
        List<SourceLoader.Input> inputs = new ArrayList<>();
        for (String a : args) if (a.endsWith(".conf")) inputs.add(SourceLoader.Input.file(sources, dir.resolve(a)));
        ReadResult read = dialect.equals("nginx")
                ? new NginxLoader(sources, List.of()).load(inputs)
                : new EcelerityLoader(sources, List.of()).load(inputs);
        ConfigTree tree = read.tree();
        List<String> missing = new ArrayList<>();
        tree.walk((d, enclosing) -> {
            if (!isLimit(d, dialect)) return;
            String at = d.nameAt().position();
            boolean named = diagnostics.lines().anyMatch(l -> l.startsWith(at + ":") || l.contains(at)
                    || l.startsWith(d.nameAt().file() + ":" + d.nameAt().line() + ":"));
            if (!compiledOrigins.contains(at) && !named) missing.add(at + " " + d.name());
        });
        assertTrue(missing.isEmpty(), dir + ": limits neither compiled nor reported: " + missing);
    }

    private static boolean isLimit(Directive d, String dialect) {
        if (d.hasBlock() || d.args().isEmpty()) return false;
        return dialect.equals("nginx") ? NGINX_LIMITS.contains(d.name()) : LimitOptions.get(d.key()) != null;
    }
}
