package io.limitc.emit;

import io.limitc.model.Diagnostic;
import io.limitc.model.Origin;

import java.io.PrintStream;

/**
 * GitHub Actions workflow commands, one annotation per diagnostic. GitHub shows only ten
 * of each kind per step, so every one is printed and the summary says how many there are.
 */
final class GithubFormat implements DiagnosticFormat.Writer {

    @Override
    public void write(LintReport report, PrintStream out) {
        for (Diagnostic d : report.diagnostics()) {
            Origin o = d.origin();
            String command = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.println("::" + command + " file=" + property(o.file()) + ",line=" + o.line() + ",endLine=" + o.endLine()
                    + ",col=" + o.column() + ",endColumn=" + o.endColumn() + ",title=" + property("limitc " + d.rule())
                    + "::" + data(d.message() + (d.help() == null ? "" : "\nhelp: " + d.help())));
        }
        out.println("limitc: " + HumanFormat.summary(report));
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
