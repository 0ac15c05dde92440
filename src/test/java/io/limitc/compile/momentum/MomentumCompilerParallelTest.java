package io.limitc.compile.momentum;

import io.limitc.compile.CompiledJson;
import io.limitc.compile.Origins;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global lists are rendered on every core: the bytes must be those of one thread writing them in order. */
class MomentumCompilerParallelTest {

    @Test
    void longGlobalListsRenderedInParallelGiveTheSameBytes(@TempDir Path dir) throws Exception {
        StringBuilder conf = new StringBuilder("Max_Outbound_Connections = 32\n");
        for (int b = 0; b < 150; b++) { // 150 global bindings and 70 groups: both over the parallel threshold
            conf.append("Binding \"b").append(b).append("\" {\n  Bind_Address = \"10.0.").append(b / 250).append('.')
                    .append(b % 250).append("\"\n");
            for (int d = 0; d < 3; d++) {
                conf.append("  Domain \"d").append(d).append(".b").append(b).append(".example\" { Max_Outbound_Connections = ")
                        .append(1 + (b + d) % 20).append(" }\n");
            }
            conf.append("}\n");
        }
        for (int g = 0; g < 70; g++) {
            conf.append("Binding_Group \"g").append(g).append("\" {\n  Outbound_Throttle_Messages = \"").append(10 + g)
                    .append("/60\"\n  Binding \"gb").append(g).append("\" { Domain \"x.example\" { Max_Outbound_Connections = 2 } }\n}\n");
        }
        Path file = dir.resolve("main.conf");
        Files.writeString(file, conf);
        SourceLoader sources = new SourceLoader(dir, 1 << 26, null);
        ReadResult read = new EcelerityLoader(sources, List.of()).load(List.of(SourceLoader.Input.file(sources, file)));
        assertEquals(List.of(), read.diagnostics());
        MomentumIndex index = MomentumIndex.of(read.tree());
        assertTrue(index.global.children.size() >= 150 + 70, "global bindings and groups: " + index.global.children.size());

        String serial = written(MomentumCompiler.compile(index, new Origins(dir, file), false));
        String parallel = written(MomentumCompiler.compile(index, new Origins(dir, file), true));
        assertEquals(serial, parallel);
        assertTrue(serial.contains("\"d2.b149.example\"") && serial.contains("\"g69\""), "every scope written");
    }

    private static String written(com.fasterxml.jackson.databind.node.ObjectNode compiled) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledJson.write(compiled, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
