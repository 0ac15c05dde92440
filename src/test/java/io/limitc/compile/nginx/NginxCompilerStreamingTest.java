package io.limitc.compile.nginx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limitc.compile.CompiledJson;
import io.limitc.compile.Origins;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.nginx.NginxLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blocks and limits of a large nginx configuration are written as the file is, on every
 * core, never held as a JSON tree: the bytes must be those the tree layout gives the same JSON.
 */
class NginxCompilerStreamingTest {

    @Test
    void streamedBlocksAndLimitsAreLaidOutAsTheTreeWouldBe(@TempDir Path dir) throws Exception {
        StringBuilder conf = new StringBuilder("events {}\nhttp {\n    limit_conn_zone $binary_remote_addr zone=perip:10m;\n"
                + "    limit_conn_zone $server_name zone=perserver:10m;\n    limit_conn_status 429;\n");
        for (int i = 0; i < 120; i++) { // 120 servers, 240 locations, 480 limit_conn lines: past the parallel threshold
            conf.append("    server {\n        listen 127.0.0.1:").append(20000 + i).append(";\n        server_name s").append(i)
                    .append(".example.com;\n        limit_conn perserver ").append(10 + i).append(";\n")
                    .append("        location / { limit_conn perip ").append(1 + i % 7).append("; limit_conn perserver 5; }\n")
                    .append("        location /static/ { limit_conn_dry_run on; }\n    }\n");
        }
        conf.append("}\n");
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        SourceLoader sources = new SourceLoader(dir, 1 << 26, null);
        ReadResult read = new NginxLoader(sources, List.of()).load(List.of(SourceLoader.Input.file(sources, file)));
        assertEquals(List.of(), read.diagnostics());

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        CompiledJson.write(new NginxCompiler(read.tree(), "main").compile(new Origins(dir, file)), streamed);
        JsonNode tree = new ObjectMapper().readTree(streamed.toByteArray());
        assertEquals(120 * 3 + 1, tree.path("rules").path("nginx").path("blocks").size(), "http, servers and locations");
        assertEquals(120 * 3, tree.path("concurrency_limits").size());
        ByteArrayOutputStream laidOut = new ByteArrayOutputStream();
        CompiledJson.write(tree, laidOut);
        String text = streamed.toString(StandardCharsets.UTF_8);
        assertEquals(laidOut.toString(StandardCharsets.UTF_8), text);
        assertTrue(text.contains("\"selector\":\"location /static/\""), "every block written");
    }
}
