package io.limitc.check;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.Origin;
import io.limitc.model.RuleInfo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a check sees (the configuration and the lint options) and where it reports. */
public final class CheckContext {

    private final ConfigTree tree;
    private final LintOptions options;
    private final RuleInfo rule;
    private final List<Diagnostic> sink;
    private final Map<Class<?>, Object> shared;

    CheckContext(ConfigTree tree, LintOptions options, RuleInfo rule, List<Diagnostic> sink, Map<Class<?>, Object> shared) {
        this.tree = tree;
        this.options = options;
        this.rule = rule;
        this.sink = sink;
        this.shared = shared;
    }

    /** A value computed once per lint run and shared by the checks that need it (an analysis pass). */
    public <T> T shared(Class<T> key, Supplier<T> compute) {
        // checks run in parallel: the first to ask computes, the others wait for that value
        return key.cast(shared.computeIfAbsent(key, k -> compute.get()));
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
