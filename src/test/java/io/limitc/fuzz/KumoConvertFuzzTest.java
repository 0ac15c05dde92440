package io.limitc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.limitc.check.LintOptions;
import io.limitc.check.Linter;
import io.limitc.emit.kumomta.KumoConversion;
import io.limitc.emit.kumomta.KumoConverter;
import io.limitc.model.Severity;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzz target for the KumoMTA emitters: any Momentum input that lints without errors must
 * convert without an exception, into TOML that reads back and passes KumoMTA's rules. Replays
 * src/test/resources/io/limitc/fuzz/KumoConvertFuzzTestInputs/ in `mvn test`; fuzz for longer
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=KumoConvertFuzzTest}.
 */
class KumoConvertFuzzTest {

    private static final SourceLoader SOURCES = new SourceLoader(Path.of("target"));

    @FuzzTest(maxDuration = "10s")
    void convert(byte[] input) throws Exception {
        String text = SourceLoader.decode(input, "fuzz.conf", new java.util.ArrayList<>());
        ReadResult read = new EcelerityLoader(SOURCES, List.of()).load(List.of(SourceLoader.Input.stdin(text)));
        boolean errors = new Linter(LintOptions.defaults()).lint(read.tree(), read.diagnostics()).stream()
                .anyMatch(d -> d.severity() == Severity.ERROR);
        if (errors) return; // convert refuses such input, as compile does
        KumoConverter.Result result = KumoConverter.convert(read.tree(), new KumoConversion.Options(100000, "/etc/kumo"),
                Function.identity(), "fuzz.conf", false);
        assertEquals(List.of(), result.problems());
    }
}
