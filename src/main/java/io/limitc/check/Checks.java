package io.limitc.check;

import io.limitc.check.ecelerity.BindingPlacementCheck;
import io.limitc.check.ecelerity.ClusterReplicationCheck;
import io.limitc.check.ecelerity.DuplicateOptionCheck;
import io.limitc.check.ecelerity.OptionScopeCheck;
import io.limitc.check.ecelerity.OptionValueCheck;
import io.limitc.check.ecelerity.RegexNameCheck;
import io.limitc.check.ecelerity.ScopeNestingCheck;
import io.limitc.check.ecelerity.UndocumentedZeroCheck;
import io.limitc.check.ecelerity.LimitOptionTypoCheck;
import io.limitc.check.nginx.DroppedLimitsCheck;
import io.limitc.check.nginx.MissingEventsCheck;
import io.limitc.check.nginx.NginxAnalysisRule;
import io.limitc.check.nginx.RemoteAddrKeyCheck;
import io.limitc.check.nginx.UndefinedZoneCheck;
import io.limitc.check.nginx.UnknownVariableCheck;
import io.limitc.check.nginx.UnusedZoneCheck;
import io.limitc.check.nginx.ZoneCapacityCheck;
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
            new BindingPlacementCheck(),
            new ReservedNameCheck(),
            new LimitOptionTypoCheck());

    private static final List<Check> NGINX = nginx();

    private static List<Check> nginx() {
        List<Check> checks = new ArrayList<>(NginxAnalysisRule.ALL);
        checks.addAll(List.of(
                new UndefinedZoneCheck(),
                new UnusedZoneCheck(),
                new DroppedLimitsCheck(),
                new RemoteAddrKeyCheck(),
                new ZoneCapacityCheck(),
                new UnknownVariableCheck(),
                new MissingEventsCheck(),
                new ReservedNameCheck()));
        return List.copyOf(checks);
    }

    private Checks() {}

    public static List<Check> forDialect(Dialect dialect) {
        return switch (dialect) {
            case ECELERITY -> ECELERITY;
            case NGINX -> NGINX;
        };
    }

    /** The rules the checks and suppressions report (reading rules are listed by the syntax layer). */
    public static List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>();
        // by id, not RuleInfo.equals: a record's first equals links its ObjectMethods bootstrap (~15 ms at start-up)
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Check c : ECELERITY) {
            if (ids.add(c.rule().id())) rules.add(c.rule());
        }
        for (Check c : NGINX) {
            if (ids.add(c.rule().id())) rules.add(c.rule());
        }
        rules.addAll(Suppressions.RULES);
        return rules;
    }
}
