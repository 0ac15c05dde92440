package io.limitc.check;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.Origin;
import io.limitc.model.ReadingRules;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code # limitc: ignore[rule-id, other-id] reason}. A comment on a
 * line of its own covers the next line; a comment after a statement covers its own line.
 * A suppression needs a reason and must suppress something, or it is itself reported.
 */
public final class Suppressions {

    public static final RuleInfo INVALID = new RuleInfo("invalid-suppression", Severity.WARNING,
            "a limitc suppression comment has no reason or names an unknown rule",
            "Every suppression must say why the finding is accepted, after the brackets: # limitc: ignore[rule-id] reason.");
    public static final RuleInfo UNUSED = new RuleInfo("unused-suppression", Severity.WARNING,
            "a limitc suppression comment suppresses nothing",
            "The suppression names a rule that reports nothing on the line it covers; it is stale and hides nothing.");
    static final List<RuleInfo> RULES = List.of(INVALID, UNUSED);

    private static final Pattern DIRECTIVE = Pattern.compile(
            "limitc:\\s*ignore\\[([^\\]]*)\\]\\s*(?:--\\s*)?(.*?)\\s*(?:\\*/)?\\s*$");

    private Suppressions() {}

    private record Suppression(String rule, Origin at, int firstLine, int lastLine, boolean[] used) {
        boolean covers(Diagnostic d) {
            return d.rule().equals(rule) && d.origin().file().equals(at.file())
                    && d.origin().line() >= firstLine && d.origin().line() <= lastLine;
        }
    }

    /** Drops suppressed diagnostics and adds the findings about the suppressions themselves. */
    static List<Diagnostic> apply(ConfigTree tree, List<Diagnostic> diagnostics, List<Check> checks) {
        Set<String> known = knownRules(checks);
        List<Diagnostic> problems = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (SourceFile file : tree.files()) {
            for (SourceFile.Comment c : file.comments()) {
                Matcher m = DIRECTIVE.matcher(c.text());
                if (!m.find()) continue;
                String reason = m.group(2);
                int first = c.origin().line();
                int last = c.ownLine() ? c.origin().endLine() + 1 : c.origin().line();
                for (String id : m.group(1).split(",")) {
                    String rule = id.trim();
                    if (rule.isEmpty()) continue;
                    if (!known.contains(rule)) {
                        problems.add(Diagnostic.of(INVALID, c.origin(), "unknown rule \"" + rule + "\" in suppression",
                                "run `limitc rules` to list the rule ids"));
                        continue;
                    }
                    if (!ReadingRules.suppressible(rule)) {
                        problems.add(Diagnostic.of(INVALID, c.origin(), rule + " cannot be suppressed: the configuration"
                                + " would not load", "fix the problem instead"));
                        continue;
                    }
                    if (reason.isEmpty()) {
                        problems.add(Diagnostic.of(INVALID, c.origin(), "suppression of " + rule + " gives no reason",
                                "write why after the brackets: # limitc: ignore[" + rule + "] reason"));
                    }
                    suppressions.add(new Suppression(rule, c.origin(), first, last, new boolean[1]));
                }
            }
        }
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            boolean suppressed = false;
            for (Suppression s : suppressions) {
                if (s.covers(d)) {
                    s.used()[0] = true;
                    suppressed = true;
                }
            }
            if (!suppressed) kept.add(d);
        }
        for (Suppression s : suppressions) {
            if (!s.used()[0]) {
                problems.add(Diagnostic.of(UNUSED, s.at(), "suppression of " + s.rule() + " matches no diagnostic",
                        "remove the suppression"));
            }
        }
        kept.addAll(problems);
        return kept;
    }

    private static Set<String> knownRules(List<Check> checks) {
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : ReadingRules.ALL) ids.add(r.id());
        for (Check c : checks) ids.add(c.rule().id());
        return ids;
    }
}
