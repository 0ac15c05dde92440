package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.syntax.nginx.NginxPositions;

/**
 * limit_conn naming a zone no limit_conn_zone declares. nginx says "syntax is ok" and then
 * fails at startup with "zero size shared memory zone" and no file or line; this points at
 * each limit_conn that uses the zone.
 */
public final class UndefinedZoneCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("undefined-zone", Severity.ERROR,
            "limit_conn uses a zone that no limit_conn_zone declares",
            "nginx passes the syntax check, then refuses to start with \"zero size shared memory zone\" and no location."
                    + " Declare the zone with limit_conn_zone in the same http (or stream) block.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        NginxAnalysis analysis = NginxAnalysis.of(ctx);
        for (NginxAnalysis.Limit limit : analysis.limits) {
            NginxAnalysis.Zone zone = analysis.zones.get(limit.zone());
            if (zone.definedBy != null || zone.size != 0 || analysis.attempted.contains(zone.name)) continue;
            ctx.report(NginxPositions.reported(limit.written(), limit.written().args().get(0).origin()),
                    "limit_conn zone \"" + limit.zone() + "\" is not declared by any limit_conn_zone"
                            + " (nginx: zero size shared memory zone \"" + limit.zone() + "\")",
                    "add limit_conn_zone $binary_remote_addr zone=" + limit.zone() + ":10m; to the "
                            + (limit.tag().equals(NginxAnalysis.STREAM_TAG) ? "stream" : "http") + " block");
        }
    }
}
