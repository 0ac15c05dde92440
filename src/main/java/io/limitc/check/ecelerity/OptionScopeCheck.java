package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumScopes;
import io.limitc.model.ecelerity.MomentumVersion;

import java.util.List;


/**
 * A limit option written in a scope that does not accept it (ecelerity.md §3), including
 * the special rules: cluster_max_outbound_connections is not valid in a binding_group nor
 * in a binding inside one; host accepts only six options, its throttles only from 5.3.
 */
public final class OptionScopeCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("option-scope", Severity.ERROR,
            "an option is written in a scope where Momentum does not accept it",
            "Each limit option is valid only in the scopes its documentation lists; elsewhere Momentum refuses it or never reads it. host accepts only six connection-limit options, its throttles from 5.3.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!Scopes.isOption(d)) return;
            String scope = Scopes.coreScope(enclosing);
            LimitOption option = LimitOptions.get(d.key());
            if (option == null) {
                if (scope.equals(MomentumScopes.HOST)) {
                    ctx.report(d.nameAt(), d.key() + " is not valid inside host", HOST_HELP);
                }
                return;
            }
            Rejection r = rejection(option, enclosing, ctx.options().targetVersion());
            if (r != null) ctx.report(d.nameAt(), r.message(), r.help());
        });
    }

    private static final String HOST_HELP = "host accepts only " + String.join(", ", LimitOptions.hostOptions());

    /** Why Momentum would not accept the option where it is written. */
    record Rejection(String message, String help) {}

    /** Null when the option is valid in the innermost of {@code enclosing}. */
    static Rejection rejection(LimitOption option, List<Directive> enclosing, MomentumVersion target) {
        String name = option.name();
        String scope = Scopes.coreScope(enclosing);
        boolean inModule = Scopes.outermostModule(enclosing) != null;
        if (!inModule && name.equals("cluster_max_outbound_connections")
                && Scopes.contains(enclosing, MomentumScopes.BINDING_GROUP)) {
            // Its lookup chain (binding::host > host > binding::domain > binding > domain >
            // global) never reads a value written anywhere inside a binding_group.
            String help = "set it on a binding outside every binding_group, or at global scope";
            if (scope.equals(MomentumScopes.BINDING_GROUP)) {
                return new Rejection(name + " is not valid inside binding_group", help);
            }
            if (scope.equals(MomentumScopes.BINDING)) {
                return new Rejection(name + " is not valid in a binding contained within a binding_group", help);
            }
            return new Rejection(name + " is not valid in a " + scope + " within a binding_group", help);
        }
        if (!option.validIn(scope)) {
            return new Rejection(name + " is not valid inside " + scope,
                    scope.equals(MomentumScopes.HOST) ? HOST_HELP : name + " is valid " + Scopes.places(option.scopes()));
        }
        if (scope.equals(MomentumScopes.HOST) && option.hostSince() != null && target.compareTo(option.hostSince()) < 0) {
            return new Rejection(name + " is valid inside host only from Momentum " + option.hostSince()
                    + " (target version is " + target + ")",
                    "raise --target-version, or move the throttle to the enclosing domain or binding");
        }
        return null;
    }
}
