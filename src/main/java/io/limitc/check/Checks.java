package io.limitc.check;

import io.limitc.check.ecelerity.ClusterReplicationCheck;
import io.limitc.check.ecelerity.DuplicateOptionCheck;
import io.limitc.check.ecelerity.OptionScopeCheck;
import io.limitc.check.ecelerity.OptionValueCheck;
import io.limitc.check.ecelerity.RegexNameCheck;
import io.limitc.check.ecelerity.ScopeNestingCheck;
import io.limitc.check.ecelerity.UndocumentedZeroCheck;
import io.limitc.check.ecelerity.LimitOptionTypoCheck;
import io.limitc.model.Dialect;
import io.limitc.model.RuleInfo;

import java.util.ArrayList;
import java.util.List;

/** The checks of each dialect, in the order they run. */
public final class Checks {

    private static final List<Check> ECELERITY = List.of(
            new ScopeNestingCheck(),
            new OptionScopeCheck(),
            new OptionValueCheck(),
            new UndocumentedZeroCheck(),
            new ClusterReplicationCheck(),
            new DuplicateOptionCheck(),
            new RegexNameCheck(),
            new LimitOptionTypoCheck());

    private Checks() {}

    public static List<Check> forDialect(Dialect dialect) {
        return switch (dialect) {
            case ECELERITY -> ECELERITY;
            case NGINX -> List.of();
        };
    }

    /** The rules the checks and suppressions report (reading rules are listed by the syntax layer). */
    public static List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>();
        for (Check c : ECELERITY) rules.add(c.rule());
        rules.addAll(Suppressions.RULES);
        return rules;
    }
}
