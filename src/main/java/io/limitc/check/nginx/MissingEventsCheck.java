package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.ConfigTree;
import io.limitc.model.Origin;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;

/** A whole nginx configuration (not a snippet) without an events block: nginx will not start. */
public final class MissingEventsCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("missing-events", Severity.ERROR,
            "a main nginx configuration has no events block",
            "nginx refuses to start without events { }. Lint snippets meant for an http or server block with --context.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        if (!ctx.options().nginxContext().equals("main")) return;
        ConfigTree tree = ctx.tree();
        // looked up by name first: most lints end there, without a pass over the top level
        boolean events = !tree.named("events").isEmpty()
                && tree.topLevel().stream().anyMatch(d -> d.name().equals("events") && d.hasBlock());
        if (events || tree.roots().isEmpty()) return;
        String file = tree.files().get(tree.roots().get(0)).path();
        ctx.report(Origin.at(file, 1, 1), "no \"events\" section in configuration",
                "add events { } to the main file, or lint a snippet with --context http|server|location|stream|stream-server");
    }
}
