package io.limitc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test against the real {@code nginx -t}: one dynamic test per directory under
 * {@code testdata/nginx/} that has an {@code nginx-t} file.
 *
 * <p>The {@code nginx-t} file holds one line, obtained by running nginx on the case:
 * <ul>
 *   <li>{@code ok}: {@code nginx -t} accepts the configuration;</li>
 *   <li>{@code <line>: <message>}: nginx's first {@code [emerg]}, in {@code nginx.conf};</li>
 *   <li>{@code <relative/file>:<line>: <message>}: the same, in an included file;</li>
 *   <li>{@code -: <message>}: an {@code [emerg]} without file:line (e.g. {@code zero size shared memory zone}).</li>
 * </ul>
 * In messages, {@code ${DIR}} stands for the absolute case directory (nginx prints absolute paths,
 * e.g. in {@code open() "${DIR}/x.conf" failed ...}); it is substituted on both sides.
 *
 * <p>Each case is first checked against nginx itself (so the expectation file stays honest), run
 * from a temporary copy with {@code nginx -t -p T/ -c T/nginx.conf -e stderr}. Then limitc lints the
 * case in-process with {@code lint --dialect nginx --format json [args] nginx.conf} and must agree:
 * no error when nginx accepts the file; otherwise an error with nginx's exact message at nginx's file
 * and line, or, for {@code -:}, an error whose message contains nginx's message.
 *
 * <p>nginx must be installed ({@code /usr/sbin/nginx} or {@code nginx} on PATH; {@code LIMITC_NGINX}
 * overrides): a missing binary fails the test rather than skipping it.
 */
class NginxDifferentialTest {

    static final Path ROOT = Path.of("testdata", "nginx");
    static final String DIR_PLACEHOLDER = "${DIR}";
    static final long NGINX_TIMEOUT_SECONDS = 20;
    static final int MIN_CASES = 45;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMERG = Pattern.compile("\\[emerg\\] (?:\\d+#\\d+: )?(.*)$");
    private static final Pattern FILE_LINE_SUFFIX = Pattern.compile("^(.*) in (/.*):(\\d+)$");
    private static final Pattern EXPECTATION = Pattern.compile("^(?:([^:\\s]+):)?(\\d+): (.*)$");

    /** nginx's verdict: ok, or the first [emerg] with file (relative, "/" separated) and line, both null when absent. */
    record Verdict(boolean ok, String file, Integer line, String message) {

        static final String MAIN_FILE = "nginx.conf";

        static Verdict accepted() {
            return new Verdict(true, null, null, null);
        }

        /** Parses a line in {@code nginx-t} syntax. */
        static Verdict parse(String text) {
            String s = text.strip();
            if (s.equals("ok")) return accepted();
            if (s.startsWith("-: ")) return new Verdict(false, null, null, s.substring(3));
            Matcher m = EXPECTATION.matcher(s);
            if (!m.matches()) throw new IllegalArgumentException("not an nginx-t line: " + text);
            String file = m.group(1) == null ? MAIN_FILE : m.group(1);
            return new Verdict(false, file, Integer.valueOf(m.group(2)), m.group(3));
        }

        /** Formats in {@code nginx-t} syntax. */
        String format() {
            if (ok) return "ok";
            if (line == null) return "-: " + message;
            return (MAIN_FILE.equals(file) ? "" : file + ":") + line + ": " + message;
        }
    }

    @TestFactory
    Stream<DynamicTest> againstNginx() throws IOException {
        Path nginx = findNginx();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ROOT)) {
            dirs = s.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("nginx-t"))).sorted().toList();
        }
        assertTrue(dirs.size() >= MIN_CASES,
                "at least " + MIN_CASES + " differential nginx cases under " + ROOT.toAbsolutePath() + ", found " + dirs.size());
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(),
                () -> runCase(nginx, dir)));
    }

    private static void runCase(Path nginx, Path dir) throws Exception {
        String expectationText = Files.readAllLines(dir.resolve("nginx-t"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).findFirst().orElseThrow(() -> new AssertionError(dir + "/nginx-t is empty"));
        Verdict expected = Verdict.parse(expectationText);

        Verdict actual = runNginx(nginx, dir);
        assertEquals(expected.format(), actual.format(),
                "nginx -t result for " + dir + " differs from its nginx-t file (fix the file, never guess)");

        List<String> args = new ArrayList<>(List.of("lint", "--dialect", "nginx", "--format", "json"));
        args.addAll(readArgs(dir));
        args.add(Verdict.MAIN_FILE);
        CliRunner.Run run = CliRunner.run(dir, args.toArray(String[]::new));
        List<Diag> errors = errorDiagnostics(dir, run);
        String limitcSide = "limitc " + String.join(" ", args) + " (exit " + run.exitCode() + ") reported errors:\n"
                + (errors.isEmpty() ? "  (none)" : String.join("\n", errors.stream().map(d -> "  " + d).toList()))
                + (run.err().isBlank() ? "" : "\nstderr:\n" + run.err());
        String nginxSide = "nginx -t: " + expected.format();

        if (expected.ok()) {
            assertTrue(errors.isEmpty(), dir + ": nginx accepts this configuration but limitc does not.\n"
                    + nginxSide + "\n" + limitcSide);
        } else if (expected.line() == null) {
            assertTrue(errors.stream().anyMatch(d -> d.message().contains(expected.message())),
                    dir + ": expected an error whose message contains nginx's message.\n" + nginxSide + "\n" + limitcSide);
        } else {
            assertTrue(errors.stream().anyMatch(d -> d.message().equals(expected.message())
                            && expected.file().equals(d.file()) && expected.line().equals(d.line())),
                    dir + ": expected an error with nginx's exact message at " + expected.file() + ":" + expected.line()
                            + ".\n" + nginxSide + "\n" + limitcSide);
        }
    }

    /** One limitc diagnostic, with paths relative to the case and the case directory replaced by ${DIR}. */
    record Diag(String file, Integer line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private static List<Diag> errorDiagnostics(Path dir, CliRunner.Run run) {
        JsonNode root;
        try {
            root = JSON.readTree(run.out());
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("limitc did not print JSON (exit " + run.exitCode() + ")\nstdout:\n" + run.out()
                    + "\nstderr:\n" + run.err(), e);
        }
        JsonNode diagnostics = root == null ? null : root.get("diagnostics");
        if (diagnostics == null || !diagnostics.isArray()) {
            throw new AssertionError("limitc JSON has no \"diagnostics\" array (exit " + run.exitCode() + ")\nstdout:\n"
                    + run.out() + "\nstderr:\n" + run.err());
        }
        List<Diag> errors = new ArrayList<>();
        for (JsonNode d : diagnostics) {
            if (!"error".equals(d.path("severity").asText())) continue;
            String file = d.hasNonNull("file") ? d.get("file").asText().replace('\\', '/') : null;
            if (file != null && file.startsWith("./")) file = file.substring(2);
            Integer line = d.hasNonNull("line") ? d.get("line").asInt() : null;
            errors.add(new Diag(file, line, placeholder(d.path("message").asText(), caseDirSpellings(dir))));
        }
        return errors;
    }

    private static List<String> readArgs(Path dir) throws IOException {
        Path argsFile = dir.resolve("args");
        if (!Files.exists(argsFile)) return List.of();
        return Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    // ---------------------------------------------------------------- nginx

    private static Path findNginx() {
        List<Path> candidates = new ArrayList<>();
        String override = System.getenv("LIMITC_NGINX");
        if (override != null && !override.isBlank()) candidates.add(Path.of(override));
        candidates.add(Path.of("/usr/sbin/nginx"));
        String pathEnv = System.getenv("PATH");
        if (pathEnv != null) {
            for (String p : pathEnv.split(File.pathSeparator)) {
                if (!p.isBlank()) candidates.add(Path.of(p, "nginx"));
            }
        }
        Optional<Path> found = candidates.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail("nginx is required for NginxDifferentialTest but was not found at /usr/sbin/nginx or on PATH "
                    + "(set LIMITC_NGINX to its location); install nginx (e.g. Debian nginx-light + libnginx-mod-stream)");
        }
        return found.get();
    }

    /** Runs {@code nginx -t} on a fresh copy of the case and returns its verdict with ${DIR} placeholders. */
    static Verdict runNginx(Path nginx, Path caseDir) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("limitc-nginx-");
        try {
            Path conf = work.resolve("conf").toAbsolutePath();
            copyTree(caseDir, conf);
            Path output = work.resolve("nginx.out");
            String prefix = conf.toString();
            ProcessBuilder pb = new ProcessBuilder(nginx.toString(), "-t", "-p", prefix + "/",
                    "-c", prefix + "/" + Verdict.MAIN_FILE, "-e", "stderr")
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Process p = pb.start();
            if (!p.waitFor(NGINX_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                fail("nginx -t timed out after " + NGINX_TIMEOUT_SECONDS + " s on " + caseDir);
            }
            int rc = p.exitValue();
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (rc == 0) return Verdict.accepted();
            String emerg = out.lines().filter(l -> l.contains("[emerg]")).findFirst()
                    .orElseThrow(() -> new AssertionError("nginx -t failed (exit " + rc + ") without an [emerg] line on "
                            + caseDir + ":\n" + out));
            Matcher m = EMERG.matcher(emerg);
            if (!m.find()) throw new AssertionError("cannot parse nginx line: " + emerg);
            String message = m.group(1);
            Set<String> spellings = new LinkedHashSet<>();
            spellings.add(prefix);
            spellings.add(conf.normalize().toString());
            try {
                spellings.add(conf.toRealPath().toString());
            } catch (IOException ignored) {
                // keep the other spellings
            }
            List<String> dirSpellings = sortLongestFirst(spellings);
            Matcher fl = FILE_LINE_SUFFIX.matcher(message);
            if (!fl.matches()) return new Verdict(false, null, null, placeholder(message, dirSpellings));
            String file = relativize(fl.group(2), dirSpellings);
            return new Verdict(false, file, Integer.valueOf(fl.group(3)), placeholder(fl.group(1), dirSpellings));
        } finally {
            deleteTree(work);
        }
    }

    private static String relativize(String absFile, List<String> dirSpellings) {
        for (String d : dirSpellings) {
            if (absFile.startsWith(d + "/")) {
                String rel = absFile.substring(d.length() + 1);
                while (rel.startsWith("/")) rel = rel.substring(1);
                return rel;
            }
        }
        return absFile; // outside the case directory: keep it absolute so the mismatch is visible
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> caseDirSpellings(Path dir) {
        Set<String> s = new LinkedHashSet<>();
        Path abs = dir.toAbsolutePath();
        s.add(abs.toString());
        s.add(abs.normalize().toString());
        try {
            s.add(dir.toRealPath().toString());
        } catch (IOException ignored) {
            // keep the other spellings
        }
        return sortLongestFirst(s);
    }

    private static List<String> sortLongestFirst(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.removeIf(String::isEmpty);
        l.sort(Comparator.comparingInt(String::length).reversed());
        return l;
    }

    private static String placeholder(String message, List<String> dirSpellings) {
        String out = message;
        for (String d : dirSpellings) out = out.replace(d, DIR_PLACEHOLDER);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(src -> {
                try {
                    Path dst = to.resolve(from.relativize(src).toString());
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(src, dst);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
