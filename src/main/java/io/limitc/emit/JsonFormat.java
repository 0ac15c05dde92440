package io.limitc.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.model.Diagnostic;
import io.limitc.model.Severity;

import java.io.PrintStream;

/**
 * The machine contract:
 * {@code {"diagnostics":[{rule,severity,file,line,column,endLine,endColumn,message}],
 * "summary":{errors,warnings,notes}}}, 1-based lines and columns, sorted by file and
 * position. Fields are only ever added, never renamed.
 */
final class JsonFormat implements DiagnosticFormat.Writer {

    /** Built on first use: lint in the human formats never pays Jackson's start-up (about 50 ms). */
    static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        private Mapper() {
        }
    }

    @Override
    public void write(LintReport report, PrintStream out) {
        ObjectNode root = Mapper.INSTANCE.createObjectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("rule", d.rule());
            n.put("severity", d.severity().label());
            n.put("file", d.origin().file());
            n.put("line", d.origin().line());
            n.put("column", d.origin().column());
            n.put("endLine", d.origin().endLine());
            n.put("endColumn", d.origin().endColumn());
            n.put("message", d.message());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("notes", report.count(Severity.NOTE));
        try {
            out.println(Mapper.INSTANCE.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
