package io.limitc.syntax;

import io.limitc.model.Dialect;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DialectDetectorTest {

    @Test
    void semicolonOutsideCommentsAndQuotesMeansNginx() {
        assertEquals(Dialect.NGINX, DialectDetector.detect("events {}\nworker_processes 1;\n"));
        assertEquals(Dialect.NGINX, DialectDetector.detect("limit_conn perip 10;"));
    }

    @Test
    void nginxBlocksWithoutAnySemicolonStillMeanNginx() {
        assertEquals(Dialect.NGINX, DialectDetector.detect("events {}\nhttp {\n  limit_conn_zone $a zone=a:10m\n}\n"));
    }

    @Test
    void momentumIsEverythingElse() {
        assertEquals(Dialect.ECELERITY, DialectDetector.detect("Binding \"b1\" { Max_Outbound_Connections = 4 }\n"));
        assertEquals(Dialect.ECELERITY, DialectDetector.detect("# a; comment\nbanner = \"a;b\"\nDomain x.com { }\n"));
        assertEquals(Dialect.ECELERITY, DialectDetector.detect(""));
    }
}
