package io.limitc.check.nginx;

import io.limitc.check.Check;
import io.limitc.check.CheckContext;
import io.limitc.model.Directive;
import io.limitc.model.RuleInfo;
import io.limitc.model.Severity;
import io.limitc.syntax.nginx.NginxPositions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block whose own limit_conn replaces, rather than adds to, the limits it would
 * inherit (nginx.md §2.5: the list is inherited only when a level has none of its own).
 * One limit_conn in a location silently drops every server- and http-level limit there.
 */
public final class DroppedLimitsCheck implements Check {

    static final RuleInfo RULE = new RuleInfo("dropped-limits", Severity.WARNING,
            "a block's own limit_conn silently drops the limits it would inherit",
            "limit_conn lists are inherited only by levels with no limit_conn of their own. Repeat the inherited"
                    + " limit_conn lines in this block if they should still apply.");

    @Override
    public RuleInfo rule() {
        return RULE;
    }

    @Override
    public void run(CheckContext ctx) {
        NginxAnalysis analysis = NginxAnalysis.of(ctx);
        for (int level : analysis.levelsWithLimits()) {
            List<NginxAnalysis.Limit> own = analysis.limitsAt(level);
            Map<String, NginxAnalysis.Limit> dropped = null;
            for (NginxAnalysis.Limit l : inherited(analysis, level)) {
                if (keeps(own, l.zone())) continue;
                if (dropped == null) dropped = new LinkedHashMap<>();
                dropped.putIfAbsent(l.zone(), l);
            }
            if (dropped == null) continue;
            List<String> names = new ArrayList<>();
            for (NginxAnalysis.Limit l : dropped.values()) {
                names.add("limit_conn " + l.zone() + " (" + l.written().nameAt().position() + ")");
            }
            Directive first = own.get(0).written();
            ctx.report(NginxPositions.reported(first, first.nameAt()),
                    "limit_conn here replaces the inherited limits, so " + String.join(", ", names)
                            + (names.size() == 1 ? " does" : " do") + " not apply in this block",
                    "repeat the inherited limit_conn lines here if they should still apply");
        }
    }

    private static boolean keeps(List<NginxAnalysis.Limit> mine, String zone) {
        for (int i = 0; i < mine.size(); i++) { // no iterator (see NginxDirectives.match)
            if (mine.get(i).zone().equals(zone)) return true;
        }
        return false;
    }

    /** The limits the level would have without its own: the nearest ancestor level that has some. */
    private static List<NginxAnalysis.Limit> inherited(NginxAnalysis analysis, int level) {
        for (int parent = analysis.parentOf(level); parent != Integer.MIN_VALUE; parent = analysis.parentOf(parent)) {
            List<NginxAnalysis.Limit> limits = analysis.limitsAt(parent);
            if (!limits.isEmpty()) return limits;
        }
        return List.of();
    }
}
