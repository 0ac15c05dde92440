package io.limitc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds docs/robustness.md to the tests, so its figures come from them and not from prose:
 * every test a row names exists, every row's count is the number of cases those tests run,
 * and nothing in the robustness test classes or case directories is left out of the report.
 */
class RobustnessReportTest {

    static final Path REPORT = Path.of("docs/robustness.md");

    /** Every test method of these classes must be in the report. */
    static final List<String> REPORTED_CLASSES =
            List.of("AdversarialInputTest", "ConfigLoaderTest", "ParserFuzzTest", "KumoConvertFuzzTest",
                    "RedisMaxmemoryTest");

    /** Every file these patterns match must be in the report (the hostile compiled files, the fuzz corpus). */
    static final List<String> REPORTED_FILES = List.of("testdata/runtime-bad/*.json",
            "src/test/resources/io/limitc/fuzz/ParserFuzzTestInputs/compiledFile/*",
            "src/test/resources/io/limitc/fuzz/ParserFuzzTestInputs/momentum/*",
            "src/test/resources/io/limitc/fuzz/ParserFuzzTestInputs/nginx/*",
            "src/test/resources/io/limitc/fuzz/KumoConvertFuzzTestInputs/convert/*");

    private static final Pattern REFERENCE = Pattern.compile("`([^`]+)`");
    private static final Pattern TEST = Pattern.compile("([A-Z]\\w*)#(\\w+)");

    /** One table row: its stated count, the tests it names ({@code Class#method}) and the case files (globs). */
    record Row(int line, int cases, List<String> tests, List<String> files) {

        /** The files when the row names any (each one a case its test replays), else the tests (one case each). */
        int actualCases() throws IOException {
            if (files.isEmpty()) return tests.size();
            int n = 0;
            for (String pattern : files) n += matches(pattern).size();
            return n;
        }
    }

    /** Rows of every table whose header has the columns "Cases" and "Covered by". */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(REPORT);
        List<Row> rows = new ArrayList<>();
        int casesColumn = -1;
        int coveredColumn = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                casesColumn = -1;
                continue;
            }
            List<String> cells = cells(line);
            if (i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("|---")) {
                casesColumn = cells.indexOf("Cases");
                coveredColumn = cells.indexOf("Covered by");
                i++; // the separator
                continue;
            }
            if (casesColumn < 0 || coveredColumn < 0) continue;
            List<String> tests = new ArrayList<>();
            List<String> files = new ArrayList<>();
            Matcher m = REFERENCE.matcher(cells.get(coveredColumn));
            while (m.find()) (TEST.matcher(m.group(1)).matches() ? tests : files).add(m.group(1));
            rows.add(new Row(i + 1, Integer.parseInt(cells.get(casesColumn)), tests, files));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    /** A glob in the last path element only, relative to the project directory. */
    static List<Path> matches(String pattern) throws IOException {
        Path p = Path.of(pattern);
        List<Path> found = new ArrayList<>();
        if (p.getParent() == null || !Files.isDirectory(p.getParent())) return found;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(p.getParent(), p.getFileName().toString())) {
            entries.forEach(found::add);
        }
        return found;
    }

    /** The test class of that simple name under src/test/java. */
    static Class<?> testClass(String simpleName) throws IOException, ClassNotFoundException {
        Path root = Path.of("src/test/java");
        List<Path> sources;
        try (Stream<Path> all = Files.walk(root)) {
            sources = all.filter(f -> f.getFileName().toString().equals(simpleName + ".java")).toList();
        }
        assertEquals(1, sources.size(), "one test class named " + simpleName + ": " + sources);
        String name = root.relativize(sources.get(0)).toString().replace(".java", "").replace('/', '.');
        return Class.forName(name);
    }

    /** What JUnit runs: @Test, @TestFactory, @ParameterizedTest and Jazzer's @FuzzTest (a meta-annotated @ParameterizedTest). */
    static Set<String> testMethods(Class<?> c) {
        Set<String> names = new HashSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (AnnotationSupport.isAnnotated(m, Test.class) || AnnotationSupport.isAnnotated(m, TestFactory.class)
                    || AnnotationSupport.isAnnotated(m, ParameterizedTest.class)) {
                names.add(m.getName());
            }
        }
        return names;
    }

    @Test
    void theReportHasItsTables() throws IOException {
        assertTrue(rows().size() >= 30, "rows found in " + REPORT + ": " + rows().size());
    }

    @Test
    void everyTestItNamesExists() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Row row : rows()) {
            for (String test : row.tests()) {
                String[] parts = test.split("#");
                Class<?> c = testClass(parts[0]);
                checks.add(() -> assertTrue(testMethods(c).contains(parts[1]),
                        "line " + row.line() + ": " + test + " is not a test method of " + c.getName()));
            }
        }
        assertAll(checks);
    }

    @Test
    void everyCountIsTheNumberOfCasesTheTestsRun() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Row row : rows()) {
            assertTrue(!row.tests().isEmpty(), "line " + row.line() + " names no test");
            for (String pattern : row.files()) {
                checks.add(() -> assertTrue(!matches(pattern).isEmpty(), "line " + row.line() + ": " + pattern + " matches nothing"));
            }
            int actual = row.actualCases();
            checks.add(() -> assertEquals(actual, row.cases(), "line " + row.line() + ": the count"));
        }
        assertAll(checks);
    }

    @Test
    void everyRobustnessTestAndCaseFileIsInTheReport() throws Exception {
        Set<String> reportedTests = new HashSet<>();
        Set<Path> reportedFiles = new HashSet<>();
        for (Row row : rows()) {
            reportedTests.addAll(row.tests());
            for (String pattern : row.files()) reportedFiles.addAll(matches(pattern));
        }
        List<Executable> checks = new ArrayList<>();
        for (String simpleName : REPORTED_CLASSES) {
            for (String method : testMethods(testClass(simpleName))) {
                String test = simpleName + "#" + method;
                checks.add(() -> assertTrue(reportedTests.contains(test), test + " is missing from " + REPORT));
            }
        }
        for (String pattern : REPORTED_FILES) {
            List<Path> files = matches(pattern);
            checks.add(() -> assertTrue(!files.isEmpty(), pattern + " matches nothing"));
            for (Path f : files) checks.add(() -> assertTrue(reportedFiles.contains(f), f + " is missing from " + REPORT));
        }
        assertAll(checks);
    }
}
