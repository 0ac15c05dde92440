package io.limitc.model.ecelerity;

import io.limitc.model.LimitSetting;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.ecelerity.EcelerityLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed view of the example site: which limit, which value, which scope path, where written. */
class MomentumLimitsTest {

    private static List<LimitSetting> exampleSite() throws Exception {
        Path dir = Path.of("testdata/ecelerity/example-site");
        SourceLoader sources = new SourceLoader(dir);
        io.limitc.syntax.ReadResult read = new EcelerityLoader(sources, List.of())
                .load(List.of(SourceLoader.Input.file(sources, dir.resolve("ecelerity.conf"))));
        assertTrue(read.diagnostics().isEmpty(), read.diagnostics().toString());
        return MomentumLimits.of(read.tree());
    }

    @Test
    void everyLimitOptionOfTheSiteIsInTheViewWithItsScopeAndOrigin() throws Exception {
        List<LimitSetting> limits = exampleSite();
        // ecelerity.conf: 7 global, 3 in the listener, 2 gmail, 3 regex domain, 3 host; 1 in the cluster
        // file; 4 transactional, 6 marketing, 2 adaptive, 1 relay
        assertEquals(32, limits.size());

        LimitSetting tx2Yahoo = limits.stream()
                .filter(l -> l.scopePath().equals("binding_group \"transactional\" > binding \"tx2\" > domain \"yahoo.com\""))
                .findFirst().orElseThrow();
        assertEquals("max_outbound_connections", tx2Yahoo.limit());
        assertEquals("4", tx2Yahoo.value().toString());
        assertEquals("bindings.d/10-transactional.conf:13:26", tx2Yahoo.origin().position());

        LimitSetting bare = limits.stream().filter(l -> l.value().toString().equals("60/20")).findFirst().orElseThrow();
        assertEquals("outbound_throttle_messages", bare.limit());
        assertEquals("binding \"mkt1\" > domain \"orange.fr\"", bare.scopePath());

        LimitSetting host = limits.stream().filter(l -> l.scopePath().startsWith("host")).findFirst().orElseThrow();
        assertEquals("host \"mx1.example.net\"", host.scopePath());
        assertEquals("ecelerity.conf:38:3", host.origin().position());
    }
}
