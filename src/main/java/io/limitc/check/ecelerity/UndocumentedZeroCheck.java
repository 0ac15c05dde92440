package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.Value;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumValues;

/**
 * {@code 0} for a limit whose documentation does not say what 0 means: it may block
 * delivery or lift the limit, depending on the release. Options that document 0 (no limit
 * for max_deliveries_per_connection, outbound_throttle_messages, ...) are not reported.
 */
public final class UndocumentedZeroCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("undocumented-zero", Severity.WARNING,
            "a limit is set to 0, which its documentation does not define",
            "For this option Momentum documents no meaning for 0: depending on the release it may stop delivery or lift the limit. Use -1 or remove the option for no limit.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!Scopes.isOption(d) || d.args().isEmpty()) return;
            LimitOption option = LimitOptions.get(d.key());
            if (option == null || option.zeroAllowed()) return;
            Value v = d.args().get(0);
            boolean zero = switch (option.kind()) {
                case INTEGER -> {
                    MomentumValues.Int n = MomentumValues.integer(option.name(), v);
                    yield n.ok() && n.value() == 0;
                }
                case THROTTLE -> {
                    MomentumValues.Rate r = MomentumValues.throttle(option.name(), v);
                    yield r.ok() && r.count() == 0;
                }
                default -> false;
            };
            if (zero) {
                ctx.report(v.origin(), option.name() + " = 0 is undocumented: Momentum does not say whether it"
                                + " blocks delivery or removes the limit",
                        option.minusOneUnlimited() ? "use -1 for unlimited, or a positive limit" : "set a positive value");
            }
        });
    }
}
