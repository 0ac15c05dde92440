package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.Set;

/**
 * A known stanza written where Momentum does not accept it (ecelerity.md §2.1): a binding
 * inside a domain, a host inside a domain, a binding_group anywhere but global. Stanzas
 * anywhere inside a module stanza are not judged: modules define their own nesting.
 */
public final class ScopeNestingCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("scope-nesting", Severity.ERROR,
            "a stanza is written inside a scope that cannot contain it",
            "Momentum accepts binding_group only at global scope, binding only at global scope or in a binding_group, and domain and host only at global scope or in a binding or binding_group; misplaced stanzas are refused or silently ignored.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!d.hasBlock()) return;
            Set<String> allowed = MomentumScopes.allowedParents(d.key());
            if (allowed == null) return;
            // Inside a module stanza the module decides what may nest.
            if (Scopes.outermostModule(enclosing) != null) return;
            String parent = Scopes.innermost(enclosing);
            if (allowed.contains(parent)) return;
            ctx.report(d.nameAt(), d.key() + " is not valid inside " + parent,
                    d.key() + " belongs " + Scopes.places(allowed));
        });
    }
}
