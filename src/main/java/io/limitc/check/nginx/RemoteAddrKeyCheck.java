package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.syntax.nginx.NginxPositions;

/** A zone keyed by $remote_addr, whose text form is larger than $binary_remote_addr (nginx.md §2.7). */
public final class RemoteAddrKeyCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("remote-addr-key", Severity.NOTE,
            "a zone is keyed by $remote_addr instead of $binary_remote_addr",
            "$remote_addr is the address as text (7 to 39 bytes); $binary_remote_addr is 4 or 16 bytes and keeps every"
                    + " state at 64 bytes. IPv6 text keys need 128-byte states, halving what the zone holds.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        for (NginxAnalysis.Zone zone : NginxAnalysis.of(ctx).zones.values()) {
            if (zone.definedBy == null || !"$remote_addr".equals(zone.key)) continue;
            ctx.report(NginxPositions.reported(zone.definedBy, zone.definedBy.args().get(0).origin()),
                    "zone \"" + zone.name + "\" is keyed by $remote_addr; $binary_remote_addr counts the same clients"
                            + " in 4 or 16 bytes",
                    "with $binary_remote_addr the zone holds about " + ZoneSpec.states64(zone.size)
                            + " states of 64 bytes; IPv6 addresses as text need 128-byte states");
        }
    }
}
