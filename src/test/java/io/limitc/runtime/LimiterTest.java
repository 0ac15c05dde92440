package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enforcement on the runtime fixtures (testdata/ecelerity/runtime-mail and
 * testdata/nginx/runtime-web, compiled by limitc; CompileTest keeps the compiled files current).
 */
class LimiterTest {

    static Limiter mail() throws Exception {
        return Limiter.load(Path.of("testdata/ecelerity/runtime-mail/expected-compiled.json"));
    }

    static Limiter web() throws Exception {
        return Limiter.load(Path.of("testdata/nginx/runtime-web/expected-compiled.json"));
    }

    private static List<Lease> take(Limiter l, MailPath p, int n) {
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Acquisition a = l.acquire(p);
            assertTrue(a.granted(), "acquisition " + (i + 1) + " on " + p + ": " + a.rejection());
            leases.add(a.lease());
        }
        return leases;
    }

    private static long held(Limiter l, String name) {
        return l.stats().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().held();
    }

    @Test
    void byValueLimitCountsPerBindingAndDomainAndNamesItsOrigin() throws Exception {
        Limiter l = mail();
        List<Lease> a = take(l, new MailPath("a", "other.example", null), 3);
        Acquisition fourth = l.acquire(new MailPath("a", "other.example", null));
        assertFalse(fourth.granted());
        assertEquals("binding_group:pool/max_outbound_connections", fourth.rejection().limit().name());
        assertEquals(3, fourth.rejection().limit().limit());
        assertEquals("main.conf:6:3", fourth.rejection().limit().origin());
        // by value: binding b has its own 3 for the same domain
        List<Lease> b = take(l, new MailPath("b", "other.example", null), 3);
        a.forEach(Lease::close);
        b.forEach(Lease::close);
        assertEquals(0, held(l, "binding_group:pool/max_outbound_connections"));
    }

    @Test
    void scopeWideCapIsSharedByTheGroupsBindings() throws Exception {
        Limiter l = mail();
        List<Lease> leases = new ArrayList<>(take(l, new MailPath("a", "slow.example", null), 3));
        leases.addAll(take(l, new MailPath("b", "slow.example", null), 1));
        Acquisition fifth = l.acquire(new MailPath("b", "slow.example", null));
        assertFalse(fifth.granted());
        assertEquals("binding_group:pool/domain:slow.example/scope_max_outbound_connections", fifth.rejection().limit().name());
        assertEquals(4, fifth.rejection().limit().limit());
        // binding c is not in the pool: the group's cap does not apply
        leases.addAll(take(l, new MailPath("c", "slow.example", null), 5));
        leases.forEach(Lease::close);
        l.stats().forEach(s -> assertEquals(0, s.held(), s.name()));
    }

    @Test
    void unlimitedIsNeverCountedButServerMaxStillApplies() throws Exception {
        Limiter l = mail();
        List<Lease> leases = take(l, new MailPath("c", "unlimited.example", null), 50);
        Acquisition over = l.acquire(new MailPath("c", "unlimited.example", null));
        assertFalse(over.granted());
        assertEquals("global/server_max_outbound_connections", over.rejection().limit().name());
        assertEquals(0, held(l, "domain:unlimited.example/max_outbound_connections"));
        leases.forEach(Lease::close);
    }

    @Test
    void failurePartWayGivesBackWhatWasTakenAndDoubleCloseIsHarmless() throws Exception {
        Limiter l = mail();
        List<Lease> leases = new ArrayList<>(take(l, new MailPath("a", "slow.example", null), 3));
        leases.addAll(take(l, new MailPath("b", "slow.example", null), 1));
        // b's own 3 is taken first (smaller), then the shared 4 refuses: b's unit must be given back
        Acquisition refused = l.acquire(new MailPath("b", "slow.example", null));
        assertFalse(refused.granted());
        assertEquals(4, refused.rejection().limit().limit());
        assertEquals(4, held(l, "binding_group:pool/max_outbound_connections"), "3 for a, 1 for b, none for the refusal");
        leases.get(0).close();
        leases.get(0).close();
        assertEquals(3, held(l, "binding_group:pool/max_outbound_connections"), "closing twice gives back once");
        leases.forEach(Lease::close);
        l.stats().forEach(st -> assertEquals(0, st.held(), st.name()));
    }

    @Test
    void defaultBindingTakesGlobalValuesAndUnknownBindingIsAnError() throws Exception {
        Limiter l = mail();
        assertEquals("global/max_outbound_connections", l.limitsFor(new MailPath("default", "x.example", null)).get(0).name());
        assertThrows(IllegalArgumentException.class, () -> l.acquire(new MailPath("nope", "x.example", null)));
    }

    @Test
    void domainsMatchAsExplainMatchesThem() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var file = json.readTree(Files.readString(Path.of("testdata/ecelerity/runtime-mail/expected-compiled.json")));
        var c = (com.fasterxml.jackson.databind.node.ObjectNode) file.path("rules").path("momentum").path("global")
                .path("bindings").get(0);
        // a regex declared before the exact name, another after it
        var domains = c.putArray("domains");
        domains.add(domain(json, "/^mx\\./", "^mx\\.", 1));
        domains.add(domain(json, "MX.example", null, 2));
        domains.add(domain(json, "/example$/", "example$", 3));
        domains.add(domain(json, "/^mx/", "^mx", 4));
        Limiter l = Limiter.load(new ByteArrayInputStream(json.writeValueAsBytes(file)));
        assertEquals(2, first(l, "mx.EXAMPLE"), "an exact name beats a regex, case-insensitively");
        assertEquals(1, first(l, "MX.other"), "regexes in declaration order, case-insensitively");
        assertEquals(3, first(l, "a.example"));
        assertEquals(4, first(l, "mxother"));
        assertEquals(5, first(l, "other.test"), "no domain scope: the global limit");
    }

    private static com.fasterxml.jackson.databind.JsonNode domain(com.fasterxml.jackson.databind.ObjectMapper json, String name,
                                                                 String pattern, int limit) {
        var d = json.createObjectNode().put("name", name);
        if (pattern != null) d.put("pattern", pattern);
        d.putObject("limits").putObject("max_outbound_connections").put("limit", limit).put("origin", "t.conf:" + limit + ":1")
                .putArray("key").add("binding").add("domain");
        return d;
    }

    private static long first(Limiter l, String domain) {
        return l.limitsFor(new MailPath("c", domain, null)).get(0).limit();
    }

    @Test
    void throttlesAreSharedBucketsOfTheDefiningScope() throws Exception {
        Limiter l = mail();
        long t0 = 1_000_000_000_000L;
        assertTrue(l.throttle(new MailPath("a", "slow.example", null), "messages", t0).allowed());
        assertTrue(l.throttle(new MailPath("b", "slow.example", null), "messages", t0).allowed());
        Limiter.Throttled third = l.throttle(new MailPath("a", "slow.example", null), "messages", t0);
        assertFalse(third.allowed(), "2/60 is one bucket for every binding of the pool");
        assertEquals("binding_group:pool/domain:slow.example/outbound_throttle_messages", third.limit().name());
        assertEquals(30_000_000_000L, third.retryAfterNanos(), "one event every 30 s");
        assertTrue(l.throttle(new MailPath("a", "slow.example", null), "messages", t0 + 30_000_000_000L).allowed());
        // another domain falls back to the global 100/s
        for (int i = 0; i < 100; i++) assertTrue(l.throttle(new MailPath("c", "x.example", null), "messages", t0).allowed());
        assertFalse(l.throttle(new MailPath("a", "x.example", null), "messages", t0).allowed());
    }

    private static Function<String, String> keys(String addr, String server) {
        return expr -> switch (expr) {
            case "$binary_remote_addr" -> addr;
            case "$server_name" -> server;
            default -> throw new AssertionError(expr);
        };
    }

    @Test
    void nginxZonesAreSharedAcrossBlocksAndRejectWithTheConfiguredStatus() throws Exception {
        Limiter l = web();
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 2; i++) leases.add(l.acquire("nginx.conf:7", keys("10.0.0.1", "web.example")).lease());
        Acquisition third = l.acquire("nginx.conf:7", keys("10.0.0.1", "web.example"));
        assertFalse(third.granted());
        assertEquals(429, third.rejection().status());
        assertEquals("perip@nginx.conf:10", third.rejection().limit().name());
        // /download/ allows 1 per address, and this address already holds 2 in the same zone
        assertFalse(l.acquire("nginx.conf:12", keys("10.0.0.1", "web.example")).granted());
        assertTrue(l.acquire("nginx.conf:12", keys("10.0.0.2", "web.example")).granted());
        leases.forEach(Lease::close);
    }

    @Test
    void dryRunLetsThroughCountsAndHoldsNothing() throws Exception {
        Limiter l = web();
        Lease first = l.acquire("nginx.conf:15", keys("10.0.0.9", "web.example")).lease();
        assertEquals(Outcome.PASSED, first.outcome());
        Acquisition second = l.acquire("nginx.conf:15", keys("10.0.0.9", "web.example"));
        assertTrue(second.granted());
        assertEquals(Outcome.REJECTED_DRY_RUN, second.lease().outcome());
        LimitStats perip = l.stats().stream().filter(s -> s.name().equals("perip")).findFirst().orElseThrow();
        assertEquals(1, perip.dryRunRejected());
        assertEquals(1, perip.held());
        first.close();
        second.lease().close();
    }

    @Test
    void emptyAndOversizedKeysAreNotCountedAndFullZonesReject() throws Exception {
        Limiter l = web();
        assertTrue(l.acquire("nginx.conf:7", keys("", "")).granted());
        assertTrue(l.acquire("nginx.conf:7", keys("x".repeat(256), "")).granted());
        LimitStats perip = l.stats().stream().filter(s -> s.name().equals("perip")).findFirst().orElseThrow();
        assertEquals(2, perip.skipped());
        // perserver is 32k: 384 states of 64 bytes; the 385th distinct server name finds no room
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 384; i++) {
            Acquisition a = l.acquire("nginx.conf:7", keys("", "s" + i + ".example"));
            assertTrue(a.granted(), "state " + i);
            leases.add(a.lease());
        }
        Acquisition full = l.acquire("nginx.conf:7", keys("", "s384.example"));
        assertFalse(full.granted());
        assertTrue(full.rejection().exhausted());
        leases.forEach(Lease::close);
        assertTrue(l.acquire("nginx.conf:7", keys("", "s384.example")).granted(), "closed leases free their states");
    }

    @Test
    void longerKeysTakeLargerStatesAsInNginxSlab() throws Exception {
        Limiter l = web();
        // 384 states of 64 bytes; a 60-byte key needs a 128-byte state: 192 of them fill the zone
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 192; i++) {
            String name = String.format("%060d", i);
            Acquisition a = l.acquire("nginx.conf:7", keys("", name));
            assertTrue(a.granted(), "state " + i);
            leases.add(a.lease());
        }
        assertTrue(l.acquire("nginx.conf:7", keys("", String.format("%060d", 999))).rejection().exhausted());
        leases.forEach(Lease::close);
        assertEquals(1, Counter.units("10.0.0.1"));
        assertEquals(2, Counter.units("x".repeat(92)));
        assertEquals(4, Counter.units("x".repeat(93)));
    }

    @Test
    void reloadKeepsOldLeasesOnOldCountersAndAFailedReloadKeepsTheOldConfiguration() throws Exception {
        Limiter l = mail();
        List<Lease> old = take(l, new MailPath("c", "gmail.com", null), 2);
        l.reload(java.nio.file.Files.newInputStream(Path.of("testdata/ecelerity/runtime-mail/expected-compiled.json")));
        List<Lease> fresh = take(l, new MailPath("c", "gmail.com", null), 2);
        old.forEach(Lease::close);
        assertEquals(2, held(l, "binding:c/domain:gmail.com/max_outbound_connections"), "old leases gave back to old counters");
        ConfigException bad = assertThrows(ConfigException.class,
                () -> l.reload(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(bad.getMessage().startsWith("at $"), bad.getMessage());
        assertFalse(l.acquire(new MailPath("c", "gmail.com", null)).granted(), "the old configuration is still in force");
        fresh.forEach(Lease::close);
    }

    @Test
    void aLeaseNeverClosedIsGivenBackAndReported() throws Exception {
        Limiter l = mail();
        Runnable leak = () -> l.acquire(new MailPath("c", "gmail.com", null));
        leak.run();
        leak.run();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (l.leaked() < 2 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(2, l.leaked());
        assertEquals(0, held(l, "binding:c/domain:gmail.com/max_outbound_connections"));
        assertTrue(l.acquire(new MailPath("c", "gmail.com", null)).granted());
    }
}
