package io.limitc.check;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.Origin;
import io.limitc.model.RuleInfo;

import java.util.List;

/** What a check sees (the configuration and the lint options) and where it reports. */
public final class CheckContext {

    private final ConfigTree tree;
    private final LintOptions options;
    private final RuleInfo rule;
    private final List<Diagnostic> sink;

    CheckContext(ConfigTree tree, LintOptions options, RuleInfo rule, List<Diagnostic> sink) {
        this.tree = tree;
        this.options = options;
        this.rule = rule;
        this.sink = sink;
    }

    public ConfigTree tree() {
        return tree;
    }

    public LintOptions options() {
        return options;
    }

    public void report(Origin at, String message) {
        sink.add(Diagnostic.of(rule, at, message));
    }

    public void report(Origin at, String message, String help) {
        sink.add(Diagnostic.of(rule, at, message, help));
    }
}
