package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.syntax.nginx.NginxPositions;

/** A limit_conn_zone that no limit_conn uses: shared memory reserved, nothing limited. */
public final class UnusedZoneCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("unused-zone", Severity.WARNING,
            "a limit_conn_zone is declared but no limit_conn uses it",
            "The zone takes shared memory and limits nothing; usually the limit_conn that should use it was forgotten or misspelt.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        NginxAnalysis analysis = NginxAnalysis.of(ctx);
        for (NginxAnalysis.Zone zone : analysis.zones.values()) {
            if (zone.definedBy == null) continue;
            boolean used = analysis.limits.stream().anyMatch(l -> l.zone().equals(zone.name));
            if (used) continue;
            ctx.report(NginxPositions.reported(zone.definedBy, zone.definedBy.args().get(1).origin()),
                    "zone \"" + zone.name + "\" is declared but no limit_conn uses it",
                    "add limit_conn " + zone.name + " N; where the limit should apply, or remove the zone");
        }
    }
}
