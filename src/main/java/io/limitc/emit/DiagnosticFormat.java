package io.limitc.emit;

import java.io.PrintStream;
import java.util.Locale;

/** The lint output formats; each writes a whole report. */
public enum DiagnosticFormat {
    HUMAN(new HumanFormat()),
    SHORT(new ShortFormat()),
    JSON(new JsonFormat()),
    SARIF(new SarifFormat()),
    GITHUB(new GithubFormat());

    /** Writes one report in one format. */
    public interface Writer {
        void write(LintReport report, PrintStream out);
    }

    private final Writer writer;

    DiagnosticFormat(Writer writer) {
        this.writer = writer;
    }

    public void write(LintReport report, PrintStream out) {
        writer.write(report, out);
        out.flush();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
