package io.limitc.emit;

import io.limitc.model.Diagnostic;

import java.io.PrintStream;

/** {@code file:line:col: severity[rule-id]: message}, one line each, for grep and editors. */
final class ShortFormat implements DiagnosticFormat.Writer {

    @Override
    public void write(LintReport report, PrintStream out) {
        for (Diagnostic d : report.diagnostics()) out.println(line(d));
    }

    static String line(Diagnostic d) {
        return d.origin().position() + ": " + d.severity().label() + "[" + d.rule() + "]: " + d.message();
    }
}
