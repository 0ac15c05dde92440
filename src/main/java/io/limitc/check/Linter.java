package io.limitc.check;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs every check of a configuration's dialect, applies inline suppressions and returns
 * the diagnostics sorted by file and position. Problems found while reading (syntax,
 * includes) come in with the tree and are suppressible like any other.
 */
public final class Linter {

    /** Configurations larger than this run their checks in parallel. */
    private static final long PARALLEL_CHARS = 256 * 1024;

    private final LintOptions options;

    public Linter(LintOptions options) {
        this.options = options;
    }

    public List<Diagnostic> lint(ConfigTree tree, List<Diagnostic> readingProblems) {
        List<Diagnostic> found = new ArrayList<>(readingProblems);
        java.util.Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
        // Checks only read the tree, each into its own list: on a large configuration they run
        // side by side (the result is sorted below, so the order they finish in does not show);
        // a small one is not worth starting the thread pool for.
        List<Check> checks = Checks.forDialect(tree.dialect());
        long size = tree.files().stream().mapToLong(f -> f.text().length()).sum();
        java.util.stream.Stream<Check> stream = size > PARALLEL_CHARS ? checks.parallelStream() : checks.stream();
        List<List<Diagnostic>> perCheck = stream.map(check -> {
            List<Diagnostic> sink = new ArrayList<>();
            check.run(new CheckContext(tree, options, check.rule(), sink, shared));
            return sink;
        }).toList();
        perCheck.forEach(found::addAll);
        List<Diagnostic> kept = Suppressions.apply(tree, found, Checks.forDialect(tree.dialect()));
        // The same included file read from two places reports once.
        return new ArrayList<>(new TreeSet<>(kept));
    }
}
