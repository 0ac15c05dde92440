package io.limitc.compile.explain;

import io.limitc.compile.CompiledLimit;
import io.limitc.compile.Origins;
import io.limitc.compile.nginx.NginxCompiler;
import io.limitc.model.Directive;

import java.util.ArrayList;
import java.util.List;

/** Explains the nginx block that holds a line: its effective limit_conn list and settings. */
public final class NginxExplainer {

    private NginxExplainer() {}

    public static Explanation explain(NginxCompiler compiled, NginxCompiler.Block block, Origins origins) {
        boolean dryRun = NginxCompiler.setting(block.effective("limit_conn_dry_run"), "off").equals("on");
        List<Explanation.Entry> connection = new ArrayList<>();
        boolean inherited = block.ownLimits.isEmpty();
        for (Directive lc : block.effectiveLimits()) {
            CompiledLimit l = compiled.limit(lc, origins);
            connection.add(new Explanation.Entry(l, inherited ? "inherited from " + lc.nameAt().position() : "written in this block",
                    dryRun));
        }
        String subject = block.path() + " (status " + (block.stream() ? "503, connection closed"
                : NginxCompiler.setting(block.effective("limit_conn_status"), "503")) + ", log level "
                + NginxCompiler.setting(block.effective("limit_conn_log_level"), "error") + (dryRun ? ", dry run" : "") + ")";
        return new Explanation(subject, connection, List.of(), 0);
    }
}
