package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;

import java.util.HashMap;
import java.util.Map;

/**
 * An option set twice in one scope. Repeated stanzas merge (also across included files),
 * so the two may be far apart; the later value shadows the earlier one.
 */
public final class DuplicateOptionCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("duplicate-option", Severity.WARNING,
            "an option is set more than once in the same scope; the later value wins",
            "Repeated stanzas merge, also across included files, and a later assignment shadows an earlier one in the same scope. The earlier value is dead configuration.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        Map<String, Directive> first = new HashMap<>();
        ctx.tree().walk((d, enclosing) -> {
            if (!Scopes.isOption(d)) return;
            String key = Scopes.mergeKey(enclosing) + d.key();
            Directive earlier = first.get(key);
            if (earlier == null) {
                first.put(key, d);
                return;
            }
            if (earlier == d) return; // the same file included twice in one scope
            String now = d.args().isEmpty() ? "" : d.args().get(0).toString();
            String before = earlier.args().isEmpty() ? "" : earlier.args().get(0).toString();
            ctx.report(d.nameAt(), d.key() + " is already set at " + earlier.nameAt().position()
                    + "; this later value " + now + " wins over " + before);
            first.put(key, d);
        });
    }
}
