package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.syntax.nginx.NginxPositions;

import java.util.Map;

/**
 * A zone too small for the number of keys the operator states with {@code --expect-keys
 * ZONE=N}: when a zone is full, nginx rejects every further request (nginx.md §2.7).
 */
public final class ZoneCapacityCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("zone-capacity", Severity.WARNING,
            "a zone holds fewer states than the keys it is expected to track",
            "A full zone makes nginx reject every new client with the limit_conn status. One 64-byte state per key:"
                    + " 1m holds about 16 000, 10m about 160 000.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        NginxAnalysis analysis = NginxAnalysis.of(ctx);
        for (Map.Entry<String, Long> expected : ctx.options().expectedKeys().entrySet()) {
            NginxAnalysis.Zone zone = analysis.zones.get(expected.getKey());
            if (zone == null || zone.definedBy == null) continue;
            long states = ZoneSpec.states64(zone.size);
            if (states >= expected.getValue()) continue;
            long needed = (expected.getValue() / 64 + 2) * (4096 + 24);
            ctx.report(NginxPositions.reported(zone.definedBy, zone.definedBy.args().get(1).origin()),
                    "zone \"" + zone.name + "\" holds about " + states + " states of 64 bytes, fewer than the "
                            + expected.getValue() + " keys expected",
                    "make it at least " + (needed + 1024 * 1024 - 1) / (1024 * 1024) + "m");
        }
    }
}
