package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumScopes;


/**
 * A limit option written in a scope that does not accept it (ecelerity.md §3), including
 * the special rules: cluster_max_outbound_connections is not valid in a binding_group nor
 * in a binding inside one; host accepts only six options, its throttles only from 5.3.
 */
public final class OptionScopeCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("option-scope", Severity.ERROR,
            "an option is written in a scope where Momentum does not accept it");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!Scopes.isOption(d)) return;
            String scope = Scopes.innermost(enclosing);
            LimitOption option = LimitOptions.get(d.key());
            if (option == null) {
                if (scope.equals(MomentumScopes.HOST)) {
                    ctx.report(d.nameAt(), d.key() + " is not valid inside host",
                            "host accepts only " + String.join(", ", LimitOptions.hostOptions()));
                }
                return;
            }
            String name = option.name();
            if (name.equals("cluster_max_outbound_connections")
                    && Scopes.contains(enclosing, MomentumScopes.BINDING_GROUP)) {
                if (Scopes.contains(enclosing, MomentumScopes.BINDING)) {
                    ctx.report(d.nameAt(), name + " is not valid in a binding contained within a binding_group",
                            "set it on a binding outside every binding_group, or at global scope");
                } else {
                    ctx.report(d.nameAt(), name + " is not valid inside binding_group",
                            "set it on a binding outside every binding_group, or at global scope");
                }
                return;
            }
            if (!option.validIn(scope)) {
                String help = scope.equals(MomentumScopes.HOST)
                        ? "host accepts only " + String.join(", ", LimitOptions.hostOptions())
                        : name + " is valid " + Scopes.places(option.scopes());
                ctx.report(d.nameAt(), name + " is not valid inside " + scope, help);
                return;
            }
            if (scope.equals(MomentumScopes.HOST) && option.hostSince() != null
                    && ctx.options().targetVersion().compareTo(option.hostSince()) < 0) {
                ctx.report(d.nameAt(), name + " is valid inside host only from Momentum " + option.hostSince()
                                + " (target version is " + ctx.options().targetVersion() + ")",
                        "raise --target-version, or move the throttle to the enclosing domain or binding");
            }
        });
    }
}
