package io.limitc.syntax;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;

import java.util.List;

/** What reading a configuration gives: the tree, and every problem found while reading. */
public record ReadResult(ConfigTree tree, List<Diagnostic> diagnostics) {

    public ReadResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
