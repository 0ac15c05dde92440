package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;

/**
 * An unknown option one or two letters away from a limit option: Momentum modules may add
 * options, so it is not an error, but a misspelt limit would silently not apply.
 */
public final class LimitOptionTypoCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("limit-option-typo", Severity.WARNING,
            "an unknown option looks like a misspelt limit option",
            "Unknown options are accepted for modules, so a misspelt limit option is silently ignored and the limit never applies.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!Scopes.isOption(d) || LimitOptions.get(d.key()) != null) return;
            // Every unknown option in host is already an option-scope error.
            if (Scopes.coreScope(enclosing).equals(io.limitc.model.ecelerity.MomentumScopes.HOST)) return;
            String key = d.key();
            for (LimitOption o : LimitOptions.all()) {
                if (Math.abs(o.name().length() - key.length()) <= 2 && io.limitc.check.EditDistance.between(key, o.name()) <= 2) {
                    ctx.report(d.nameAt(), key + " is not a Momentum limit option; did you mean " + o.name() + "?");
                    return;
                }
            }
        });
    }
}
