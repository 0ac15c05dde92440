package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;

import java.util.List;

/**
 * The rules that reproduce nginx's own configuration errors. nginx judges a directive in a
 * fixed order and stops at the first failure, so one pass ({@link NginxAnalysis}) finds
 * them all; each rule here is that pass's findings under one stable id.
 */
public final class NginxAnalysisRule implements Check {

    public static final List<NginxAnalysisRule> ALL = List.of(
            rule("unknown-directive", "a directive nginx does not know: removed (limit_zone), misspelt or in the wrong case",
                    "nginx refuses to start on an unknown directive. limit_zone was removed in 1.7.6; directive names are case-sensitive."),
            rule("directive-context", "a directive in a block where nginx does not allow it",
                    "For example limit_conn inside if, limit_except or upstream, limit_conn_zone outside http or stream, limit_conn_status in stream."),
            rule("directive-terminator", "a block directive ended by \";\" or a simple directive opening a block",
                    "nginx expects \"{\" after http, server, location, ... and \";\" after every other directive."),
            rule("directive-arguments", "a directive with the wrong number of arguments",
                    "Reported with nginx's message; usually a missing \";\" that joined two directives, or a missing argument."),
            rule("raw-block", "a malformed entry in map, geo, types or a similar block",
                    "The entries of these blocks are not directives: they cannot open blocks, and map entries are exactly two words."),
            rule("limit-conn-zone", "a limit_conn_zone whose key or zone=name:size nginx rejects",
                    "The key's variables must be well-formed; the zone is zone=NAME:SIZE with a k or m size of at least 32k."),
            rule("zone-conflict", "a shared memory zone declared twice, with another key or size, or by another module",
                    "Zone names are global across http, stream and other modules (limit_req, caches): each name is one zone."),
            rule("limit-conn", "a limit_conn whose connection number nginx rejects",
                    "The number is a whole number from 1 to 65535."),
            rule("limit-conn-value", "a limit_conn_status, limit_conn_log_level or limit_conn_dry_run value nginx rejects",
                    "limit_conn_status is 400-599, limit_conn_log_level info|notice|warn|error, limit_conn_dry_run on|off."),
            rule("duplicate-directive", "the same limit_conn zone, or a limit_conn_* setting, twice in one block",
                    "nginx refuses the second one; limits of the same zone at different levels are fine."));

    private final RuleInfo rule;

    private NginxAnalysisRule(RuleInfo rule) {
        this.rule = rule;
    }

    private static NginxAnalysisRule rule(String id, String summary, String description) {
        return new NginxAnalysisRule(new RuleInfo(id, Severity.ERROR, summary, description));
    }

    @Override
    public RuleInfo rule() {
        return rule;
    }

    @Override
    public void run(CheckContext ctx) {
        NginxAnalysis.of(ctx).report(ctx, rule.id());
    }
}
