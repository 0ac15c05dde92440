package io.limitc.emit;

import io.limitc.model.Diagnostic;
import io.limitc.model.Origin;
import io.limitc.model.Severity;

import java.io.PrintStream;

/**
 * rustc-style: severity, rule and message; the position; the source line with a caret
 * under the span; then the help. Ends with a count.
 */
final class HumanFormat implements DiagnosticFormat.Writer {

    @Override
    public void write(LintReport report, PrintStream out) {
        for (Diagnostic d : report.diagnostics()) {
            Origin o = d.origin();
            out.println(d.severity().label() + "[" + d.rule() + "]: " + d.message());
            String gutter = " ".repeat(String.valueOf(o.line()).length());
            out.println(gutter + "--> " + o.position());
            String source = report.sourceLine(o.file(), o.line());
            if (source != null) {
                out.println(gutter + " |");
                out.println(o.line() + " | " + source);
                out.println(gutter + " | " + caret(source, o));
            }
            if (d.help() != null) out.println(gutter + " = help: " + d.help());
            out.println();
        }
        out.println(summary(report));
    }

    /** Carets under the span; the prefix copies the line's tabs so the caret lines up. */
    private static String caret(String source, Origin o) {
        StringBuilder sb = new StringBuilder();
        int col = 1;
        for (int i = 0; i < source.length() && col < o.column(); col++) {
            int cp = source.codePointAt(i);
            sb.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
        }
        int lineLength = source.codePointCount(0, source.length());
        int end = o.endLine() == o.line() ? o.endColumn() : lineLength + 1;
        sb.append("^".repeat(Math.max(1, end - o.column())));
        return sb.toString();
    }

    static String summary(LintReport report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long notes = report.count(Severity.NOTE);
        if (errors + warnings + notes == 0) return "no problems found";
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
