package io.limitc.check;

import io.limitc.model.ecelerity.MomentumVersion;

/** Settings that change what the checks accept. */
public record LintOptions(MomentumVersion targetVersion) {

    public static LintOptions defaults() {
        return new LintOptions(MomentumVersion.V5_3);
    }
}
