package io.limitc.emit.kumomta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KumoMTA's rules, one field at a time: what it accepts, and what it refuses with which message. */
class KumoCheckerTest {

    private static JsonNode toml(String text) throws IOException {
        return new TomlMapper().readTree(text);
    }

    private static List<String> errors(List<KumoChecker.Problem> problems) {
        return problems.stream().filter(KumoChecker.Problem::error).map(p -> p.path() + ": " + p.message()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "connection_limit = 10",
            "connection_limit = \"local:1_000\"",
            "max_message_rate = \"1000/h\"",
            "max_message_rate = \"local:100/123m\"",
            "max_connection_rate = \"50/day,max_burst=1\"",
            "idle_timeout = \"5 mins\"",
            "idle_timeout = 60",
            "idle_timeout = \"1h30m\"",
            "data_timeout = \"0\"",
            "max_deliveries_per_connection = 100",
            "enable_tls = \"Required\"",
            "additional_connection_limits = { \"global/scope_max\" = \"local:5\", \"x\" = 3 }",
            "additional_message_rate_throttles = { \"binding:b/outbound_throttle_messages\" = \"10/s\" }",
            "smtp_port = 2525",
    })
    void acceptsWhatKumoAccepts(String field) throws IOException {
        assertEquals(List.of(), errors(KumoChecker.checkShaping(toml("[default]\n" + field + "\n"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max_message_rate = \"1000/3600\"                   | invalid period quantity 3600",
            "max_message_rate = \"10/hours\"                    | unknown period quantity hours",
            "max_message_rate = 100                            | expected a string",
            "max_message_rate = \"1/0s\"                        | period of 0 seconds",
            "connection_limit = 0                              | limit must be 1 or larger",
            "connection_limit = \"local:0\"                     | limit must be greater than 0!",
            "connection_limit = 1.5                            | expected string or numeric limit spec",
            "idle_timeout = \"60\"                              | time unit needed",
            "idle_timeout = -1                                 | positive integer",
            "enable_tls = \"required\"                          | unknown variant",
            "max_deliveries_per_connection = -1                | expected usize",
            "additional_connection_rate_throttles = { a = \"1/s\" } | unknown field `additional_connection_rate_throttles`",
            "additional_connection_limits = { \"kumomta.x\" = 5 } | KumoMTA reserves",
            "additional_message_rate_throttles = { n = \"ten/s\" } | invalid limit 'ten'",
            "smtp_port = 70000                                 | expected u16",
    })
    void refusesWhatKumoRefuses(String field, String message) throws IOException {
        List<String> errors = errors(KumoChecker.checkShaping(toml("[default]\n" + field + "\n")));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(message), errors.get(0));
    }

    @Test
    void aRealisticShapingFilePasses() throws IOException {
        JsonNode root = toml("""
                [default]
                connection_limit = "local:32"
                max_connection_rate = "100/min"
                remember_broken_tls = "3 days"

                ["gmail.com"]
                mx_rollup = false
                connection_limit = 20
                automation = [ { regex = "421 4.7.0", action = "Suspend", duration = "90m" },
                               { regex = "x", action = "Suspend", trigger = { Threshold = "10/m" }, duration = "1h" } ]

                ["gmail.com".sources."ip-1"]
                max_message_rate = "local:100/s"

                [provider."google"]
                match = [ { MXSuffix = ".google.com" }, { DomainSuffix = "gmail.com" } ]
                provider_connection_limit = 5
                provider_max_message_rate = "1000/h"

                [provider."google".sources."ip-1"]
                provider_source_selection_rate = "500/d"
                """);
        assertEquals(List.of(), errors(KumoChecker.checkShaping(root)));
    }

    @Test
    void blockStructureIsChecked() throws IOException {
        List<String> errors = errors(KumoChecker.checkShaping(toml("""
                ["a.example"]
                mx_rollup = "no"
                automation = [ { regex = "x", action = "Suspend" } ]

                ["a.example".sources."s"]
                mx_rollup = false

                [provider."kumomta.p"]
                mx_rollup = true
                match = [ { Suffix = "x" } ]
                """)));
        assertEquals(6, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("[\"a.example\"].mx_rollup") && e.contains("boolean")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing field `duration`")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("sources.\"s\".mx_rollup") && e.contains("unknown field")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("provider.\"kumomta.p\": ") && e.contains("reserves")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("provider.\"kumomta.p\".mx_rollup")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("a match rule is one of")), errors.toString());
    }

    @Test
    void aSingleLabelDomainIsKumosWarning() throws IOException {
        List<KumoChecker.Problem> problems = KumoChecker.checkShaping(toml("[gmail]\nconnection_limit = 3\n"));
        assertEquals(1, problems.size());
        assertTrue(!problems.get(0).error() && problems.get(0).message().startsWith("Entry for domain 'gmail' consists of a single DNS label"));
    }

    @Test
    void sourcesFollowTheSourcesHelpersFormat() throws IOException {
        assertEquals(List.of(), errors(KumoChecker.checkSources(toml("""
                [source."ip-1"]
                source_address = "10.0.0.1"
                ehlo_domain = "mta1.example.com"
                [source."ip-6"]
                source_address = "2001:db8::25"
                ttl = "5 minutes"
                [pool."p"."ip-1"]
                weight = 2
                [pool."p"."ip-6"]
                weight = 1
                """))));
        List<KumoChecker.Problem> problems = KumoChecker.checkSources(toml("""
                [source."a"]
                source_address = "mta.example.com"
                bind_address = "10.0.0.1"
                [pool."p"."a"]
                weight = -1
                [pool."p"."ghost"]
                weight = 1
                """));
        List<String> errors = errors(problems);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("invalid IP address syntax"), errors.toString());
        assertTrue(errors.get(1).contains("unknown field `bind_address`"), errors.toString());
        assertTrue(errors.get(2).contains("expected u32"), errors.toString());
        assertTrue(problems.stream().anyMatch(p -> !p.error()
                && p.message().equals("pool 'p' references source 'ghost' which is not defined")), problems.toString());
    }
}
