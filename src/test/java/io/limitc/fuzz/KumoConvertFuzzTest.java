package io.limitc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.limitc.check.LintOptions;
import io.limitc.check.Linter;
import io.limitc.emit.kumomta.KumoConversion;
import io.limitc.emit.kumomta.KumoConverter;
import io.limitc.model.Diagnostic;
import io.limitc.model.Severity;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;

import org.luaj.vm2.lib.jse.JsePlatform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzz target for the KumoMTA emitters: any Momentum input that lints without errors must
 * convert without an exception, into TOML that reads back and passes KumoMTA's rules and a
 * policy.lua that compiles. Replays
 * src/test/resources/io/limitc/fuzz/KumoConvertFuzzTestInputs/ in `mvn test`; fuzz for longer
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=KumoConvertFuzzTest}.
 */
class KumoConvertFuzzTest {

    private static final SourceLoader SOURCES = new SourceLoader(Path.of("target"));

    @FuzzTest(maxDuration = "10s")
    void convert(byte[] input) throws Exception {
        List<Diagnostic> reading = new ArrayList<>();
        String text = SourceLoader.decode(input, "fuzz.conf", reading);
        ReadResult read = new EcelerityLoader(SOURCES, List.of()).load(List.of(SourceLoader.Input.stdin(text)));
        reading.addAll(read.diagnostics());
        boolean errors = new Linter(LintOptions.defaults()).lint(read.tree(), reading).stream()
                .anyMatch(d -> d.severity() == Severity.ERROR);
        if (errors) return; // convert refuses such input, as compile does
        KumoConverter.Result result = KumoConverter.convert(read.tree(), new KumoConversion.Options(100000, "/etc/kumo"),
                Function.identity(), "fuzz.conf", false);
        assertEquals(List.of(), result.problems());
        // the policy must at least be Lua: compiling it is enough to catch a broken literal or comment
        JsePlatform.standardGlobals().load(result.files().get(KumoConverter.POLICY), KumoConverter.POLICY);
    }
}
