package io.limitc.check;

import io.limitc.model.ecelerity.MomentumVersion;

import java.util.Map;

/**
 * Settings that change what the checks accept.
 *
 * @param targetVersion the Momentum release a Momentum configuration is for
 * @param nginxContext  the block an nginx file is meant to be included in: main (a whole
 *                      configuration), http, server, location, stream or stream-server
 * @param angie         judge nginx-family files as Angie does (its zone messages)
 * @param expectedKeys  per nginx zone, how many keys the operator expects it to hold
 */
public record LintOptions(MomentumVersion targetVersion, String nginxContext, boolean angie,
                          Map<String, Long> expectedKeys) {

    public LintOptions {
        expectedKeys = Map.copyOf(expectedKeys);
    }

    public static LintOptions defaults() {
        return new LintOptions(MomentumVersion.V5_3, "main", false, Map.of());
    }
}
