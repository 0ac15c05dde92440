package io.limitc.cli;

import io.limitc.check.Checks;
import io.limitc.model.ReadingRules;
import io.limitc.model.RuleInfo;

import java.util.ArrayList;
import java.util.List;

/** Every rule limitc can report: reading problems first, then the checks. */
final class RuleCatalog {

    private RuleCatalog() {}

    static List<RuleInfo> all() {
        List<RuleInfo> rules = new ArrayList<>(ReadingRules.ALL);
        rules.addAll(Checks.rules());
        return rules;
    }
}
