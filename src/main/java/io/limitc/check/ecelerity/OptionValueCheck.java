package io.limitc.check.ecelerity;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.model.Value;
import io.limitc.model.ecelerity.LimitOption;
import io.limitc.model.ecelerity.LimitOptions;
import io.limitc.model.ecelerity.MomentumValues;

import java.util.Locale;

/**
 * A limit option whose value Momentum would reject or misread: not a whole number, out of
 * range, {@code -1} where it does not mean unlimited, a malformed throttle, an unknown
 * choice, bounds that are not {@code ( min max )}.
 */
public final class OptionValueCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("option-value", Severity.ERROR,
            "a limit option has a value Momentum does not accept",
            "Counts must be whole numbers up to 2147483647, -1 is unlimited only for max_outbound_connections and cluster_max_outbound_connections, throttles are N or N/M with whole numbers and a non-zero period.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        ctx.tree().walk((d, enclosing) -> {
            if (!Scopes.isOption(d) || d.args().isEmpty()) return;
            LimitOption option = LimitOptions.get(d.key());
            if (option != null) check(ctx, option, d, d.args().get(0));
        });
    }

    private static void check(CheckContext ctx, LimitOption option, Directive d, Value v) {
        String name = option.name();
        switch (option.kind()) {
            case INTEGER -> {
                MomentumValues.Int n = MomentumValues.integer(name, v);
                if (!n.ok()) {
                    ctx.report(v.origin(), n.problem());
                } else if (n.value() == -1 && !option.minusOneUnlimited()) {
                    ctx.report(v.origin(), name + " cannot be -1: only "
                                    + String.join(" and ", LimitOptions.unlimitedOptions()) + " use -1 for unlimited",
                            option.zeroAllowed() ? "use 0 for no limit" : "remove the option to leave it unset");
                } else if (n.value() < -1) {
                    ctx.report(v.origin(), option.minusOneUnlimited()
                            ? name + " must be -1 (unlimited) or a positive number, found " + v
                            : name + " must not be negative, found " + v);
                }
            }
            case THROTTLE -> {
                MomentumValues.Rate r = MomentumValues.throttle(name, v);
                if (!r.ok()) ctx.report(v.origin(), r.problem());
            }
            case CHOICE -> {
                boolean known = v instanceof Value.Scalar s
                        && option.choices().contains(s.text().toLowerCase(Locale.ROOT));
                if (!known) {
                    ctx.report(v.origin(), name + " must be one of " + String.join(", ", option.choices())
                            + ", found " + v);
                }
            }
            case INTEGER_BOUNDS, THROTTLE_BOUNDS -> bounds(ctx, option, v);
        }
    }

    /** {@code ( min max )}: two values, each valid, the first not above the second. */
    private static void bounds(CheckContext ctx, LimitOption option, Value v) {
        String name = option.name();
        if (!(v instanceof Value.ListValue list) || list.items().size() != 2) {
            ctx.report(v.origin(), name + " must be a list of two bounds ( min max ), found " + v);
            return;
        }
        double[] perSecond = new double[2];
        for (int i = 0; i < 2; i++) {
            Value item = list.items().get(i);
            if (option.kind() == LimitOption.Kind.INTEGER_BOUNDS) {
                MomentumValues.Int n = MomentumValues.integer(name, item);
                if (!n.ok() || n.value() < 0) {
                    ctx.report(item.origin(), n.ok() ? name + " bounds must not be negative, found " + item : n.problem());
                    return;
                }
                perSecond[i] = n.value();
            } else {
                MomentumValues.Rate r = MomentumValues.throttle(name, item);
                if (!r.ok()) {
                    ctx.report(item.origin(), r.problem());
                    return;
                }
                perSecond[i] = (double) r.count() / r.periodSeconds();
            }
        }
        if (perSecond[0] > perSecond[1]) {
            ctx.report(v.origin(), name + " lower bound " + list.items().get(0) + " is above its upper bound "
                    + list.items().get(1));
        }
    }
}
