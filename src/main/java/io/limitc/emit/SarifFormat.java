package io.limitc.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.Version;
import io.limitc.model.Diagnostic;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: every rule with id, short and full
 * description, help and default level; every result with rule id and index, level,
 * message and one physical location with a full region. Columns are code points.
 */
final class SarifFormat implements DiagnosticFormat.Writer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(LintReport report, PrintStream out) {
        ObjectNode root = JsonFormat.Mapper.INSTANCE.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "limitc");
        driver.put("semanticVersion", Version.VERSION);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : report.rules()) {
            index.put(r.id(), rules.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.put("name", r.id());
            rule.putObject("shortDescription").put("text", r.summary());
            rule.putObject("fullDescription").put("text", r.description());
            rule.putObject("help").put("text", "limitc rule " + r.id() + ": " + r.summary()
                    + ". To accept a finding, write # limitc: ignore[" + r.id() + "] with a reason on the line before.");
            rule.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", d.rule());
            Integer i = index.get(d.rule());
            if (i != null) result.put("ruleIndex", i);
            result.put("level", level(d.severity()));
            result.putObject("message").put("text", d.message() + (d.help() == null ? "" : " (help: " + d.help() + ")"));
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(d.origin().file()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", d.origin().line());
            region.put("startColumn", d.origin().column());
            region.put("endLine", d.origin().endLine());
            region.put("endColumn", Math.max(d.origin().endColumn(), d.origin().column() + (d.origin().endLine() == d.origin().line() ? 1 : 0)));
        }
        try {
            out.println(JsonFormat.Mapper.INSTANCE.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String level(Severity s) {
        return s == Severity.NOTE ? "note" : s.label();
    }

    /** Relative paths stay relative (GitHub resolves them against the repository). */
    static String uri(String file) {
        if (file.startsWith("/")) return Path.of(file).toUri().toString();
        try {
            return new URI(null, null, file, null).toASCIIString();
        } catch (URISyntaxException e) {
            return file;
        }
    }
}
