package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A binding written under two different parents (global scope and a binding_group, or two
 * binding_groups). A binding is one source address and belongs to at most one group, so
 * which group's settings and pool it takes is ambiguous.
 */
public final class BindingPlacementCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("binding-placement", Severity.ERROR,
            "a binding is declared under two different parents",
            "A binding belongs to at most one binding_group. Declaring it again at global scope or in another group"
                    + " makes its group, and so the limits and pool it takes, ambiguous.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        Map<String, Directive[]> first = new HashMap<>();
        ctx.tree().walk((d, enclosing) -> {
            if (!d.hasBlock() || !d.key().equals(MomentumScopes.BINDING) || d.instanceName() == null) return;
            if (Scopes.outermostModule(enclosing) != null) return;
            Directive parent = enclosing.isEmpty() ? null : enclosing.get(enclosing.size() - 1);
            Directive[] seen = first.putIfAbsent(d.instanceName(), new Directive[] {d, parent});
            if (seen == null || sameParent(seen[1], parent)) return;
            ctx.report(d.nameAt(), "binding \"" + d.instanceName() + "\" is already declared " + where(seen[1])
                    + " at " + seen[0].nameAt().position() + "; a binding belongs to at most one binding_group",
                    "declare the binding once, inside the binding_group it belongs to");
        });
    }

    private static boolean sameParent(Directive a, Directive b) {
        if (a == null || b == null) return a == b;
        return a.key().equals(b.key()) && String.valueOf(a.instanceName()).equals(String.valueOf(b.instanceName()));
    }

    private static String where(Directive parent) {
        return parent == null ? "at global scope" : "in " + parent.key() + " \"" + parent.instanceName() + "\"";
    }
}
