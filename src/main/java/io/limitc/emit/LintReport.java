package io.limitc.emit;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;

import java.util.List;

/**
 * What a lint run found, with what the formats need to show it: the files (for source
 * excerpts; may be empty when nothing could be read) and every rule (for SARIF).
 */
public record LintReport(List<Diagnostic> diagnostics, List<ConfigTree> trees, List<RuleInfo> rules) {

    public LintReport {
        diagnostics = List.copyOf(diagnostics);
        trees = List.copyOf(trees);
        rules = List.copyOf(rules);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    /** The text of a line of a file that was read, or null. */
    public String sourceLine(String file, int line) {
        for (ConfigTree tree : trees) {
            var source = tree.file(file);
            if (source == null) continue;
            String text = source.text();
            int start = 0;
            for (int n = 1; n < line; n++) {
                start = text.indexOf('\n', start);
                if (start < 0) return null;
                start++;
            }
            int end = text.indexOf('\n', start);
            String l = text.substring(start, end < 0 ? text.length() : end);
            return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
        }
        return null;
    }
}
