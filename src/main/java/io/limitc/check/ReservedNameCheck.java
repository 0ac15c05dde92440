package io.limitc.check;

import io.limitc.model.Dialect;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.Value;

/**
 * A user-chosen name that starts with {@code kumomta.}: KumoMTA reserves that prefix for
 * the limits and throttles it names itself (kumomta.md §2.8), and compiled limit names take
 * their base from these names.
 */
public final class ReservedNameCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("reserved-name", Severity.WARNING,
            "a zone, binding or binding_group name starts with the reserved kumomta. prefix",
            "KumoMTA names its own limits kumomta.*; a user name with that prefix can collide with them after migration."
                    + " limitc compiles such a name with a user. prefix.");

    static final String PREFIX = "kumomta.";

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        if (ctx.tree().dialect() == Dialect.NGINX) {
            for (Directive d : ctx.tree().named("limit_conn_zone")) {
                if (d.args().size() != 2) continue;
                if (d.args().get(1) instanceof Value.Scalar s && s.text().startsWith("zone=" + PREFIX)) {
                    ctx.report(s.origin(), "zone name \"" + s.text().substring(5).split(":", 2)[0]
                            + "\" starts with the reserved prefix kumomta.", "rename the zone");
                }
            }
            return;
        }
        ctx.tree().walk((d, enclosing) -> {
            if (d.hasBlock() && (d.key().equals("binding") || d.key().equals("binding_group"))) {
                String name = d.instanceName();
                if (name != null && name.startsWith(PREFIX)) {
                    ctx.report(d.args().get(0).origin(), d.key() + " name \"" + name
                            + "\" starts with the reserved prefix kumomta.", "rename the " + d.key());
                }
            }
        });
    }
}
