package io.limitc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.limitc.check.LintOptions;
import io.limitc.check.Linter;
import io.limitc.runtime.ConfigException;
import io.limitc.runtime.Limiter;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import io.limitc.syntax.nginx.NginxLoader;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz targets: any bytes must give diagnostics (or a ConfigException for compiled files),
 * never an exception or error escaping. In `mvn test` they replay the committed inputs under
 * src/test/resources/io/limitc/fuzz/ParserFuzzTestInputs/; fuzz for longer with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ParserFuzzTest#momentum} (see docs/robustness.md).
 */
class ParserFuzzTest {

    private static final SourceLoader SOURCES = new SourceLoader(Path.of("target"));

    @FuzzTest(maxDuration = "10s")
    void momentum(byte[] input) throws Exception {
        String text = SourceLoader.decode(input, "fuzz.conf", new java.util.ArrayList<>());
        ReadResult read = new EcelerityLoader(SOURCES, List.of()).load(List.of(SourceLoader.Input.stdin(text)));
        new Linter(LintOptions.defaults()).lint(read.tree(), read.diagnostics());
    }

    @FuzzTest(maxDuration = "10s")
    void nginx(byte[] input) throws Exception {
        String text = SourceLoader.decode(input, "fuzz.conf", new java.util.ArrayList<>());
        ReadResult read = new NginxLoader(SOURCES, List.of()).load(List.of(SourceLoader.Input.stdin(text)));
        new Linter(LintOptions.defaults()).lint(read.tree(), read.diagnostics());
    }

    @FuzzTest(maxDuration = "10s")
    void compiledFile(byte[] input) {
        try {
            Limiter.load(new ByteArrayInputStream(input));
        } catch (ConfigException expected) {
            // refused with a message: what hostile compiled files must get
        }
    }
}
