package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Pools from a compiled file: missing weight is 1, the definition is cached for its ttl. */
class PoolTest {

    private static Limiter withPool(String pool) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var base = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                Files.readString(Path.of("testdata/ecelerity/runtime-mail/expected-compiled.json")));
        base.putArray("pools").add(json.readTree(pool));
        return Limiter.load(new ByteArrayInputStream(json.writeValueAsString(base).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cachedForItsTtlThenReadAgainWithAFreshSequence() throws Exception {
        Limiter l = withPool("{\"name\":\"pool\",\"ttl\":\"5 mins\",\"entries\":[{\"source\":\"a\",\"weight\":3},"
                + "{\"source\":\"b\"},{\"source\":\"c\",\"weight\":0}]}");
        long t0 = 0;
        WeightedRoundRobin first = l.pool("pool", t0);
        assertSame(first, l.pool("pool", t0 + 299_000_000_000L), "still within 5 mins");
        List<String> seq = new ArrayList<>();
        for (int i = 0; i < 8; i++) seq.add(first.next());
        // weights 3 and 1 (missing weight = 1); c has weight 0 and never appears
        assertEquals(List.of("b", "a", "a", "a", "b", "a", "a", "a"), seq);
        WeightedRoundRobin later = l.pool("pool", t0 + 300_000_000_000L);
        assertNotSame(first, later);
        assertEquals("b", later.next(), "a new selector starts with its first pass again");
    }

    @Test
    void defaultTtlIsSixtySeconds() throws Exception {
        Limiter l = withPool("{\"name\":\"pool\",\"entries\":[{\"source\":\"a\",\"weight\":1}]}");
        WeightedRoundRobin first = l.pool("pool", 0);
        assertSame(first, l.pool("pool", 59_999_999_999L));
        assertNotSame(first, l.pool("pool", 60_000_000_000L));
    }

    @Test
    void aBadTtlIsRefusedAtLoad() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> withPool("{\"name\":\"pool\",\"ttl\":\"60\",\"entries\":[]}"));
        assertEquals("at $.pools[0].ttl: time unit needed, for example 60sec or 60ms", e.getMessage());
    }
}
