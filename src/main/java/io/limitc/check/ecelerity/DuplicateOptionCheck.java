package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;

import java.util.HashMap;
import java.util.List;
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
        ctx.tree().walk(new Scan(ctx));
    }

    private static final class Scan implements ConfigTree.Visitor {
        private final CheckContext ctx;
        /** Options by merged scope, then by key. */
        private final Map<String, Map<String, Directive>> byScope = new HashMap<>();
        // A block's options come one after another in the walk: its scope's map is looked up
        // once per block, not once per option.
        private Directive[] chain;
        private Map<String, Directive> scope;

        Scan(CheckContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void visit(Directive d, List<Directive> enclosing) {
            if (!Scopes.isOption(d)) return;
            if (!sameChain(enclosing)) {
                chain = enclosing.toArray(Directive[]::new);
                scope = byScope.computeIfAbsent(Scopes.mergeKey(enclosing), k -> new HashMap<>());
            }
            Directive earlier = scope.putIfAbsent(d.key(), d);
            if (earlier == null || earlier == d) return; // earlier == d: the same file included twice in one scope
            String now = d.args().isEmpty() ? "" : d.args().get(0).toString();
            String before = earlier.args().isEmpty() ? "" : earlier.args().get(0).toString();
            ctx.report(d.nameAt(), d.key() + " is already set at " + earlier.nameAt().position()
                    + "; this later value " + now + " wins over " + before);
            scope.put(d.key(), d);
        }

        /** The same enclosing stanzas, object for object (an included file's stanzas can sit under several). */
        private boolean sameChain(List<Directive> enclosing) {
            if (chain == null || chain.length != enclosing.size()) return false;
            for (int i = chain.length - 1; i >= 0; i--) {
                if (chain[i] != enclosing.get(i)) return false;
            }
            return true;
        }
    }
}
