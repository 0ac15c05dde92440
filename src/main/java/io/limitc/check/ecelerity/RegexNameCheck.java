package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regex domain or host name ({@code Domain "/^(a|b)\.example$/"}) that does not compile.
 * Momentum uses PCRE; the PCRE-only spellings Java lacks are translated before compiling.
 */
public final class RegexNameCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("invalid-regex", Severity.ERROR,
            "a regex domain or host name is not a valid regular expression",
            "A domain or host name written between slashes is a regular expression; one that does not compile matches nothing.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!d.hasBlock()) return;
            if (!d.key().equals(MomentumScopes.DOMAIN) && !d.key().equals(MomentumScopes.HOST)) return;
            String name = d.instanceName();
            if (name == null || !MomentumScopes.isRegexName(name)) return;
            String body = name.substring(1, name.length() - 1);
            try {
                Pattern.compile(MomentumScopes.javaRegex(body));
            } catch (PatternSyntaxException e) {
                ctx.report(d.args().get(0).origin(), "invalid regular expression in " + d.key() + " " + name + ": "
                        + e.getDescription() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
            }
        });
    }
}
