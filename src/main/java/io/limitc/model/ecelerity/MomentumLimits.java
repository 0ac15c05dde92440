package io.limitc.model.ecelerity;

import io.limitc.model.ConfigTree;
import io.limitc.model.Directive;
import io.limitc.model.LimitSetting;
import io.limitc.model.LimitSetting.ScopeStep;

import java.util.ArrayList;
import java.util.List;

/** Extracts the typed view of a Momentum configuration: every limit option of {@link LimitOptions}. */
public final class MomentumLimits {

    private MomentumLimits() {}

    /** In reading order, includes followed in place; options in any scope, valid or not. */
    public static List<LimitSetting> of(ConfigTree tree) {
        List<LimitSetting> out = new ArrayList<>();
        tree.walk((d, enclosing) -> {
            if (d.hasBlock() || d.args().isEmpty() || !d.includes().isEmpty()) return;
            LimitOption option = LimitOptions.get(d.key());
            if (option == null) return;
            List<ScopeStep> scope = new ArrayList<>(enclosing.size());
            for (Directive s : enclosing) scope.add(new ScopeStep(s.key(), s.instanceName(), s.nameAt()));
            out.add(new LimitSetting(option.name(), d.args().get(0), scope, d));
        });
        return out;
    }
}
